"""Course directories for grading: the instructor's, or a scratch one made from the
repository, with their assignments, submissions and generated releases; and the call that
grades many submissions there (``course.grading.dispatch`` hands them to workers).
"""

import shutil
from pathlib import Path

from course.grading import dispatch, job
from course.grading.dispatch import StepResult  # noqa: F401 (what autograde returns)


class CourseError(Exception):
    """A course directory, assignment or submission that cannot be graded as asked."""


def assignments(course_dir: Path) -> list[str]:
    """The assignments of a course: the folders of source/ that hold a notebook."""
    return sorted(p.name for p in (course_dir / "source").iterdir() if p.is_dir() and any(p.glob("*.ipynb")))


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
    """Run generate_assignment for each assignment; return the student versions' notebooks
    (the one named like the assignment)."""
    for name in names:
        check_assignment(course_dir, name)
    api = job.nbgrader_api(course_dir)
    for name in names:
        result = api.generate_assignment(name, force=True, create=True)
        if not result["success"]:
            raise CourseError(f"generate_assignment {name} failed: {job.last_error(result)}")
    return {name: course_dir / "release" / name / f"{name}.ipynb" for name in names}


def autograde(course_dir: Path, submissions: list[tuple[str, str]], workers: int | None = None,
              scheduler: str | None = None, progress=None, sandbox: bool = True) -> dict[tuple[str, str], StepResult]:
    """Autograde each (assignment, student) submission into the course's gradebook and
    autograded/, ``workers`` at a time (one per core by default), every kernel in
    ``course.grading.sandbox`` unless ``sandbox`` is false."""
    for name in {assignment for assignment, _ in submissions}:
        check_assignment(course_dir, name)
    return dispatch.grade(course_dir, submissions, workers, scheduler, progress, sandbox)
