"""Shared fixtures: where the course lives, and each notebook graded once per session."""

import contextlib
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from course.grading import notebooks, report, runner, samples, sandbox

ROOT = Path(__file__).resolve().parents[1]
SUBMISSIONS = ROOT / "tests" / "submissions"

BUSY_CORES = int(os.environ.get("COURSE_TEST_BUSY_CORES", "2"))
"""CPU-bound processes that run beside the pipeline's grading of the correct submissions.
A correct student must never lose a point because the grading machine is busy: the
reference and the correct snippets are graded with 4 workers while these keep the cores
busy (on 2 cores, that is more workers than cores beside a full CPU load). The wrong
snippets, which must lose points anyway, are graded afterwards without them."""


UNSANDBOXED = sandbox.unavailable_reason()
"""Why kernels cannot be sandboxed on this machine (None where they can, as in CI): the
tests then grade without the sandbox and its own tests are skipped with this reason."""
SANDBOX = UNSANDBOXED is None
GRADE_FLAGS = [] if SANDBOX else ["--unsandboxed"]


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


def grade_notebooks(names: list[str], scratch: Path, workers: int = 4) -> dict[str, Graded]:
    """Release ``names`` in one scratch course, hand in the blank release, the reference
    and every snippet of each, and autograde them in two runs of a pool of workers: the
    correct ones beside CPU load, then the wrong ones (most of a submission's time is spent
    waiting on programs and deadlines, not on the CPU, so more workers than cores pay; one
    pool for all notebooks lets slow submissions of one overlap with the others)."""
    runner.scratch_course(ROOT, names, scratch)
    released = runner.generate(scratch, names)
    correct, wrong = [], []
    for name in names:
        source_nb = notebooks.read(scratch / "source" / name / f"{name}.ipynb")
        release_nb = notebooks.read(released[name])
        students = {
            Graded.BLANK: release_nb,
            Graded.REFERENCE: samples.submission(source_nb, release_nb, {}),
        }
        wrong_students = set()
        for snippet in samples.snippets(SUBMISSIONS, name):
            students[snippet.student] = samples.submission(source_nb, release_nb, {snippet.task: snippet.code})
            if snippet.expect == "wrong":
                wrong_students.add(snippet.student)
        for student, nb in students.items():
            runner.submit(scratch, student, name, nb)
            (wrong if student in wrong_students else correct).append((name, student))
    with busy_cores(BUSY_CORES):
        results = runner.autograde(scratch, correct, workers, sandbox=SANDBOX)
    # As many processes at once as the first run had with its busy cores, and a few more:
    # a wrong snippet spends most of its time waiting on deadlines, not on the CPU.
    results.update(runner.autograde(scratch, wrong, 2 * workers, sandbox=SANDBOX))
    return {name: Graded(name, scratch, released[name], results) for name in names}


@contextlib.contextmanager
def busy_cores(count: int):
    """Keep ``count`` cores busy with endless loops while the block runs."""
    burners = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(count)]
    try:
        yield
    finally:
        for burner in burners:
            burner.kill()
            burner.wait()


@pytest.fixture(scope="session")
def graded(request, tmp_path_factory):
    """graded(name) -> Graded, for every notebook that a selected test grades, all graded
    together the first time a test asks."""
    done: dict[str, Graded] = {}

    def get(name: str) -> Graded:
        if not done:
            wanted = {_notebook_of(item) for item in request.session.items if "graded" in item.fixturenames}
            done.update(grade_notebooks(sorted(wanted - {None} | {name}), tmp_path_factory.mktemp("graded")))
        return done[name]

    return get


def _notebook_of(item) -> str | None:
    params = getattr(item, "callspec", None) and item.callspec.params
    if not params:
        return None
    if "snippet" in params:
        return params["snippet"].notebook
    return params.get("name")
