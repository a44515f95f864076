"""One grading worker: a process that runs nbgrader steps in-process (nbgrader's import
costs about 2 s, paid once per worker instead of once per student) and kills whatever a
submission left running after each step.

The worker is a child subreaper (Linux ``prctl``): a process that a student's code detached
(double fork, ``setsid``) is re-parented to the worker instead of to init, so it is found
and killed when that student is done.

    python -m course.grading.worker COURSE_DIR generate ASSIGNMENT...
    python -m course.grading.worker COURSE_DIR autograde ASSIGNMENT/STUDENT...

Prints one JSON object a line per step: ``assignment``, ``student`` (null for generate),
``success``, ``error``, ``left_running``.
"""

import ctypes
import json
import os
import re
import sys

from course import processes

PR_SET_CHILD_SUBREAPER = 36


def main(argv: list[str]) -> int:
    course_dir, step, *items = argv
    # Results go to the runner on the original stdout; everything else, kernels and the
    # programs that student code starts included, writes to the log behind stderr.
    results = os.fdopen(os.dup(1), "w")
    os.dup2(2, 1)
    _become_subreaper()
    api = _api(course_dir)
    for item in items:
        if step == "generate":
            _report(results, item, None, api.generate_assignment(item, force=True, create=True))
        else:
            assignment, student = item.split("/")
            _report(results, assignment, student, api.autograde(assignment, student, force=True, create=True))
    return 0


def _api(course_dir):
    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory
    from traitlets.config.loader import PyFileConfigLoader

    config = PyFileConfigLoader("nbgrader_config.py", path=course_dir).load_config()
    coursedir = CourseDirectory(config=config, root=os.path.abspath(course_dir))
    return NbGraderAPI(coursedir=coursedir, config=config)


def _report(results, assignment, student, result):
    line = {
        "assignment": assignment,
        "student": student,
        "success": bool(result["success"]),
        "error": "" if result["success"] else _last_error(result),
        "left_running": processes.kill_descendants(os.getpid()),
    }
    print(json.dumps(line), file=results, flush=True)


def _last_error(result) -> str:
    """The line of nbgrader's output that says what went wrong: the last exception line."""
    text = (result.get("error") or "") + "\n" + (result.get("log") or "")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    exceptions = [line for line in lines if re.match(r"[\w.]*(Error|Exception)\b", line)]
    return (exceptions or lines or ["unknown error"])[-1]


def _become_subreaper():
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
