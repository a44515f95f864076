"""One submission to grade, as a unit of work that any machine can do: it carries all that
grading needs (the course's nbgrader configuration, the assignment's source folder, the
student's submitted folder), so a worker needs neither the course directory nor the
gradebook.

``grade(job)`` runs in a worker process (of a local or a remote Dask cluster). It grades in
a scratch course of its own with the same nbgrader pipeline (``generate_assignment``, then
``autograde``), kills whatever the submission left running (the worker is a child
subreaper, so detached daemons are found too), and sends back the autograded folder. The
coordinator alone writes the instructor's gradebook (``course.grading.record``).
"""

import ctypes
import fcntl
import hashlib
import os
import re
import shutil
import sys
import tempfile
import threading
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from course import processes
from course.grading import execute, sandbox

PR_SET_CHILD_SUBREAPER = 36

SECONDS_PER_SUBMISSION = 600
"""Upper bound for grading one submission: nbgrader bounds each cell, GradingExecute the
kernel restarts; past this, whatever the submission runs is killed until grading ends."""


@dataclass(frozen=True)
class Job:
    assignment: str
    student: str
    config: str
    """The text of the course's nbgrader_config.py."""
    source: dict[str, bytes]
    """The assignment's source folder: relative path -> content."""
    submission: dict[str, bytes]
    """The student's submitted folder: relative path -> content."""
    sandboxed: bool = True
    """Run the kernel in ``course.grading.sandbox`` (the grader refuses where it cannot)."""

    @property
    def key(self) -> str:
        """A name that is unique per submission (Dask's task key)."""
        return f"grade-{self.assignment}-{self.student}"


@dataclass
class Graded:
    assignment: str
    student: str
    success: bool
    error: str = ""
    left_running: int = 0
    autograded: dict[str, bytes] = field(default_factory=dict)
    """The autograded folder: relative path -> content."""


def read_folder(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (checkpoints excepted): relative path -> content."""
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*"))
            if path.is_file() and ".ipynb_checkpoints" not in path.parts}


def write_folder(folder: Path, files: dict[str, bytes]) -> None:
    for name, data in files.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def grade(job: Job) -> Graded:
    """Grade one submission in this process's scratch course (run by a worker)."""
    if job.sandboxed:
        sandbox.require()
    become_subreaper()
    course = _scratch_course(job)
    submitted = course.root / "submitted" / job.student / job.assignment
    autograded = course.root / "autograded" / job.student / job.assignment
    for folder in (submitted, autograded):
        shutil.rmtree(folder, ignore_errors=True)
    write_folder(submitted, job.submission)
    foreign = _foreign_notebooks(course.root / "source" / job.assignment, submitted)
    if foreign:
        return Graded(job.assignment, job.student, False, f"{', '.join(foreign)}: none of its graded "
                      f"cells belongs to {job.assignment} (a notebook of another assignment?)")
    with _Watchdog(SECONDS_PER_SUBMISSION):
        result = course.api.autograde(job.assignment, job.student, force=True, create=True)
    left_running = processes.kill_descendants(os.getpid()) + execute.left_running.pop(str(autograded.resolve()), 0)
    graded = Graded(job.assignment, job.student, bool(result["success"]),
                    "" if result["success"] else last_error(result), left_running,
                    read_folder(autograded) if autograded.is_dir() else {})
    shutil.rmtree(submitted, ignore_errors=True)
    shutil.rmtree(autograded, ignore_errors=True)
    return graded


def _foreign_notebooks(source: Path, submitted: Path) -> list[str]:
    """The handed-in notebooks that hold graded cells, none of them of the source notebook
    of the same name (nbgrader would fail on them with a bare KeyError)."""
    import nbformat

    foreign = []
    for ours in sorted(source.glob("*.ipynb")):
        try:
            theirs = nbformat.read(str(submitted / ours.name), as_version=4)
        except Exception:
            continue  # missing or unreadable: nbgrader says so itself
        ids, known = _graded_ids(theirs), _graded_ids(nbformat.read(str(ours), as_version=4))
        if ids and not ids & known:
            foreign.append(ours.name)
    return foreign


def _graded_ids(nb) -> set[str]:
    """The grade ids of the answer and test cells of a notebook."""
    marks = [c.metadata.get("nbgrader", {}) for c in nb.cells]
    return {m.get("grade_id") for m in marks if m.get("grade") or m.get("solution")}


def last_error(result) -> str:
    """The line of nbgrader's output that says what went wrong: the last exception line."""
    text = (result.get("error") or "") + "\n" + (result.get("log") or "")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    exceptions = [line for line in lines if re.match(r"[\w.]*(Error|Exception)\b", line)]
    return (exceptions or lines or ["unknown error"])[-1]


@dataclass
class _Course:
    root: Path
    api: object


_courses: dict[str, _Course] = {}
"""Scratch courses of this worker process, by what they were made from: an assignment is
generated once per worker, not once per student."""


def _scratch_course(job: Job) -> _Course:
    from nbgrader import __version__ as nbgrader_version

    digest = hashlib.sha256(f"{nbgrader_version}\0{job.config}".encode())
    for name, data in sorted(job.source.items()):
        digest.update(name.encode() + b"\0" + data)
    generated = f"{job.assignment}-{digest.hexdigest()[:16]}"
    key = f"{generated}-{'sandboxed' if job.sandboxed else 'unsandboxed'}"
    if key not in _courses:
        root = Path(tempfile.mkdtemp(prefix="course-worker-"))
        (root / "nbgrader_config.py").write_text(job.config)
        write_folder(root / "source" / job.assignment, job.source)
        api = nbgrader_api(root, job.sandboxed)
        _generate(api, job.assignment, generated, root)
        _courses[key] = _Course(root, api)
    return _courses[key]


GENERATED = ("gradebook.db", "release")
"""What generate_assignment leaves in a scratch course that autograde needs."""


def _generate(api, assignment: str, key: str, root: Path) -> None:
    """Generate ``assignment`` in the scratch course at ``root``, or copy it from this
    machine's cache of generated assignments (a private folder in the temporary folder,
    by what they were made from), where the first worker to generate it leaves it for
    the others."""
    cache = Path(tempfile.gettempdir()) / f"course-generated-{os.getuid()}"
    cache.mkdir(mode=0o700, exist_ok=True)
    with open(cache / f"{key}.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        kept = cache / key
        if not kept.is_dir():
            result = api.generate_assignment(assignment, force=True, create=True)
            if not result["success"]:
                raise RuntimeError(f"generate_assignment {assignment} failed: {last_error(result)}")
            shutil.rmtree(cache / f"{key}.partial", ignore_errors=True)
            for name in GENERATED:
                _copy(root / name, cache / f"{key}.partial" / name)
            (cache / f"{key}.partial").rename(kept)
            return
    for name in GENERATED:
        _copy(kept / name, root / name)


def _copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    if source.is_dir():
        shutil.copytree(source, target)
    else:
        shutil.copy2(source, target)


def nbgrader_api(root: Path, sandboxed: bool = True):
    """nbgrader's API on the course in ``root``, run in this process (its import costs
    about 2 s: paid once per worker, not once per student); its kernels are sandboxed
    unless told otherwise."""
    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory
    from traitlets.config.loader import PyFileConfigLoader

    # nbgrader runs tools of its environment (alembic) by name: that environment comes first.
    tools = os.path.dirname(sys.executable)
    if os.environ.get("PATH", "").split(os.pathsep)[0] != tools:
        os.environ["PATH"] = os.pathsep.join([tools, os.environ.get("PATH", "")])

    # nbgrader's gradebook code trips SQLAlchemy 2's autoflush warnings (harmless noise).
    warnings.filterwarnings("ignore", module="nbgrader.api")
    config = PyFileConfigLoader("nbgrader_config.py", path=str(root)).load_config()
    config.GradingExecute.sandbox = sandboxed
    coursedir = CourseDirectory(config=config, root=str(root))
    return NbGraderAPI(coursedir=coursedir, config=config)


def become_subreaper():
    """Processes a submission detached (double fork, setsid) are re-parented to this
    process instead of init, so they are found and killed after it."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)


class _Watchdog:
    """Past ``seconds``, kill every process under this one until the block ends: the
    kernels die, nbgrader records the cells as failed, and grading ends."""

    def __init__(self, seconds: float):
        self._seconds = seconds
        self._done = threading.Event()

    def __enter__(self):
        self._thread = threading.Thread(target=self._watch, name="grading watchdog", daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._done.set()
        self._thread.join()

    def _watch(self):
        if self._done.wait(self._seconds):
            return
        while not self._done.wait(1.0):
            processes.kill_descendants(os.getpid())
