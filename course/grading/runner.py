"""Autograde many submissions with parallel workers, in a course directory of the
instructor's or in a scratch one made from the repository.

Each worker is a process of its own (``course.grading.worker``) that grades its share of
the students one after another; the runner bounds the whole run, and on overrun kills the
worker and everything under it, so grading always ends and leaves nothing running.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from course import processes

SECONDS_PER_STUDENT = 600
"""Upper bound for one student's notebook (nbgrader bounds each cell; this bounds a run)."""


class CourseError(Exception):
    """A course directory, assignment or submission that cannot be graded as asked."""


@dataclass(frozen=True)
class StepResult:
    assignment: str
    student: str | None
    success: bool
    error: str = ""
    left_running: int = 0


def assignments(course_dir: Path) -> list[str]:
    return sorted(p.name for p in (course_dir / "source").iterdir() if (p / f"{p.name}.ipynb").exists())


def check_assignment(course_dir: Path, assignment: str) -> None:
    known = assignments(course_dir) if (course_dir / "source").is_dir() else []
    if assignment not in known:
        raise CourseError(f"no assignment {assignment!r} in {course_dir / 'source'}; "
                          f"known: {', '.join(known) or 'none'}")


def scratch_course(repo: Path, notebooks: list[str], into: Path) -> Path:
    """A course directory in ``into`` with the repository's config and the named notebooks'
    sources; the instructor's own gradebook is never touched."""
    shutil.copy(repo / "nbgrader_config.py", into / "nbgrader_config.py")
    for notebook in notebooks:
        check_assignment(repo, notebook)
        shutil.copytree(repo / "source" / notebook, into / "source" / notebook,
                        ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    return into


def submit(course_dir: Path, student: str, notebook: str, nb) -> None:
    import nbformat

    folder = course_dir / "submitted" / student / notebook
    folder.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, str(folder / f"{notebook}.ipynb"))


def generate(course_dir: Path, names: list[str]) -> dict[str, Path]:
    """Run generate_assignment for each assignment; return the student versions' notebooks."""
    for name in names:
        check_assignment(course_dir, name)
    process, log = _start_worker(course_dir, "generate", names)
    for result in _finish_worker(process, log, [(name, None) for name in names], SECONDS_PER_STUDENT):
        if not result.success:
            raise CourseError(f"generate_assignment {result.assignment} failed: {result.error}")
    return {name: course_dir / "release" / name / f"{name}.ipynb" for name in names}


def autograde(course_dir: Path, submissions: list[tuple[str, str]], workers: int = 2) -> dict[tuple[str, str], StepResult]:
    """Autograde each (assignment, student) submission, ``workers`` at a time."""
    for name in {assignment for assignment, _ in submissions}:
        check_assignment(course_dir, name)
    shares = [submissions[i::workers] for i in range(workers) if submissions[i::workers]]
    running = [_start_worker(course_dir, "autograde", [f"{a}/{s}" for a, s in share]) for share in shares]
    results = {}
    for (process, log), share in zip(running, shares):
        for result in _finish_worker(process, log, share, SECONDS_PER_STUDENT * len(share)):
            results[result.assignment, result.student] = result
    return results


def _start_worker(course_dir, step, items):
    log = tempfile.TemporaryFile()
    command = [sys.executable, "-m", "course.grading.worker", str(course_dir), step, *items]
    # nbgrader runs tools of its environment (alembic) by name: that environment comes first.
    path = os.pathsep.join([os.path.dirname(sys.executable), os.environ.get("PATH", "")])
    process = subprocess.Popen(command, cwd=course_dir, stdout=subprocess.PIPE, stderr=log,
                               stdin=subprocess.DEVNULL, start_new_session=True,
                               env={**os.environ, "PATH": path})
    return process, log


def _finish_worker(process, log, expected, timeout) -> list[StepResult]:
    """The results of a worker's steps; each expected (assignment, student) it did not
    report is a failed step that says why."""
    try:
        stdout, _ = process.communicate(timeout=timeout)
        reason = f"the grading worker failed (exit status {process.returncode})"
    except subprocess.TimeoutExpired:
        processes.kill_descendants(process.pid)
        process.kill()
        stdout, _ = process.communicate()
        reason = f"grading did not finish within {timeout} s and was stopped"
    with log:
        log.seek(0)
        tail = log.read().decode(errors="replace").strip().splitlines()[-3:]
    done = [StepResult(**json.loads(line)) for line in stdout.decode().splitlines() if line.startswith("{")]
    reported = {(result.assignment, result.student) for result in done}
    detail = f"{reason}: {' / '.join(tail)}" if tail else reason
    return done + [StepResult(a, s, False, detail) for a, s in expected if (a, s) not in reported]
