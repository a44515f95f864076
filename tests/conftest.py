"""Shared fixtures: where the course lives, and each notebook graded once per session."""

from dataclasses import dataclass
from pathlib import Path

import pytest

from course.grading import notebooks, report, runner, samples

ROOT = Path(__file__).resolve().parents[1]
SUBMISSIONS = ROOT / "tests" / "submissions"


@dataclass
class Graded:
    """One notebook, released and autograded in a scratch course for the blank release,
    the reference solution and every snippet."""

    BLANK = "blank-release"
    REFERENCE = "reference"

    name: str
    course_dir: Path
    release_path: Path
    results: dict

    def scores(self, student: str) -> dict[str, tuple[float, float]]:
        result = self.results[self.name, student]
        assert result.success, f"{student}'s {self.name} could not be graded: {result.error}"
        return report.cell_scores(self.course_dir, self.name, student)


def grade_notebook(name: str, scratch: Path) -> Graded:
    runner.scratch_course(ROOT, [name], scratch)
    release_path = runner.generate(scratch, [name])[name]
    source_nb = notebooks.read(scratch / "source" / name / f"{name}.ipynb")
    release_nb = notebooks.read(release_path)
    students = {
        Graded.BLANK: release_nb,
        Graded.REFERENCE: samples.submission(source_nb, release_nb, {}),
    }
    for snippet in samples.snippets(SUBMISSIONS, name):
        students[snippet.student] = samples.submission(source_nb, release_nb, {snippet.task: snippet.code})
    for student, nb in students.items():
        runner.submit(scratch, student, name, nb)
    results = runner.autograde(scratch, [(name, student) for student in students])
    return Graded(name, scratch, release_path, results)


@pytest.fixture(scope="session")
def graded(tmp_path_factory):
    """graded(name) -> Graded, computed the first time a test asks for that notebook."""
    done: dict[str, Graded] = {}

    def get(name: str) -> Graded:
        if name not in done:
            done[name] = grade_notebook(name, tmp_path_factory.mktemp(name))
        return done[name]

    return get
