"""A cheating class, graded by `course grade` on notebook 01 inside the sandbox: no cheat
gains a point or a secret, none changes another student's grade or submission, and the
report names each under "needs attention".

Every cheat hands in the wrong `raw_status` answer for exit_code, so a cheat that worked
would show as points on exit_code's tests. Nothing here sends traffic beyond 127.0.0.1: the
network check lists the sandbox's interfaces.
"""

import contextlib
import hashlib
import io
import re

import nbformat
import pytest

from conftest import ROOT, SANDBOX, SUBMISSIONS, UNSANDBOXED
from course.cli import main
from course.grading import feedback, notebooks, report, runner, samples

pytestmark = pytest.mark.skipif(not SANDBOX, reason=f"no sandbox here: {UNSANDBOXED}")

NAME = "01-running-programs"
EXIT_CODE_TESTS = {"exit_code_exits", "exit_code_all_codes"}
HIDDEN_LINE = 'checks.returns(-15, exit_code, "kill -TERM $$")'
"""A line of a hidden test of exit_code (test_feedback checks it is one)."""


def cheats(course_dir):
    """student -> code added after the wrong exit_code answer; the course's real paths are
    written in, as a student who knows the layout would."""
    gradebook = course_dir / "gradebook.db"
    victim = course_dir / "submitted" / "honest" / NAME / f"{NAME}.ipynb"
    return {
        "reads_secrets": f"""
import glob, sqlite3
for path in ["../../../gradebook.db", {str(gradebook)!r}]:
    try:
        print(sqlite3.connect(f"file:{{path}}?mode=ro", uri=True).execute("select source from source_cell").fetchall())
    except Exception as error:
        print(path, error)
print(glob.glob("../../../source/*/*.ipynb"), glob.glob({str(course_dir / "source" / "*" / "*.ipynb")!r}))
""",
        "writes_gradebook": f"""
import sqlite3
for path in ["../../../gradebook.db", {str(gradebook)!r}]:
    try:
        with sqlite3.connect(path) as db:
            db.execute("update grade set manual_score = 100")
    except Exception as error:
        print(path, error)
""",
        "edits_honest": f"""
for path in ["../../honest/{NAME}/{NAME}.ipynb", {str(victim)!r}]:
    try:
        open(path, "w").write("{{}}")
    except Exception as error:
        print(path, error)
""",
        "patches_checks": """
import course.checks
for name in dir(course.checks):
    if callable(getattr(course.checks, name)) and not name.startswith("_"):
        setattr(course.checks, name, lambda *args, **kwargs: None)
checks = course.checks
""",
        "always_equal": """
class Anything(int):
    def __eq__(self, other):
        return True
    __hash__ = int.__hash__

def exit_code(command):
    return Anything(0)
""",
        "lists_interfaces": """
import socket
print("interfaces:", [name for _, name in socket.if_nameindex()])
""",
        "prints_hidden_test": f"print({HIDDEN_LINE!r})\n",
    }


@pytest.fixture(scope="module")
def cheating_class(tmp_path_factory):
    course_dir = tmp_path_factory.mktemp("cheating")
    runner.scratch_course(ROOT, [NAME], course_dir)
    source = notebooks.read(course_dir / "source" / NAME / f"{NAME}.ipynb")
    release = notebooks.read(runner.generate(course_dir, [NAME])[NAME])
    wrong = (SUBMISSIONS / NAME / "exit_code" / "raw_status.py").read_text()
    for student, code in cheats(course_dir).items():
        runner.submit(course_dir, student, NAME, samples.submission(source, release, {"exit_code": wrong + code}))
    runner.submit(course_dir, "honest", NAME, samples.submission(source, release, {}))
    runner.submit(course_dir, "honest_but_wrong", NAME, samples.submission(source, release, {"exit_code": wrong}))
    honest = course_dir / "submitted" / "honest" / NAME / f"{NAME}.ipynb"
    before = hashlib.sha256(honest.read_bytes()).hexdigest()
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["--course-dir", str(course_dir), "grade", NAME]) == 0
        feedback_status = main(["--course-dir", str(course_dir), "feedback", NAME])
    return course_dir, before, feedback_status


def scores(course_dir, student):
    return {cell: got for cell, (got, _) in report.cell_scores(course_dir, NAME, student).items()}


def graded_text(course_dir, student):
    nb = nbformat.read(course_dir / "autograded" / student / NAME / f"{NAME}.ipynb", as_version=4)
    return "".join(str(output) for cell in nb.cells for output in cell.get("outputs", []))


@pytest.mark.parametrize("student", [*cheats(ROOT), "honest_but_wrong"])
def test_no_cheat_gains_a_point(cheating_class, student):
    course_dir, _, _ = cheating_class
    got, honest = scores(course_dir, student), scores(course_dir, "honest")
    assert {cell for cell in honest if got[cell] != honest[cell]} == EXIT_CODE_TESTS
    assert all(got[cell] == 0 for cell in EXIT_CODE_TESTS)


def test_nothing_of_the_course_directory_is_seen_from_the_sandbox(cheating_class):
    course_dir, _, _ = cheating_class
    text = graded_text(course_dir, "reads_secrets")
    assert "unable to open database file" in text and "[] []" in text, text[:2000]
    assert "kill -TERM" not in text and "BEGIN HIDDEN TESTS" not in text


def test_no_cheat_changes_another_grade_or_submission(cheating_class):
    course_dir, honest_before, _ = cheating_class
    honest = course_dir / "submitted" / "honest" / NAME / f"{NAME}.ipynb"
    assert hashlib.sha256(honest.read_bytes()).hexdigest() == honest_before
    assert scores(course_dir, "honest") == {c: top for c, (_, top) in report.cell_scores(course_dir, NAME, "honest").items()}
    for student in cheats(course_dir):
        assert sum(scores(course_dir, student).values()) == sum(scores(course_dir, "honest_but_wrong").values())


def test_the_network_namespace_has_only_loopback(cheating_class):
    course_dir, _, _ = cheating_class
    assert "interfaces: ['lo']" in graded_text(course_dir, "lists_interfaces")


def test_the_patched_course_package_is_restored_before_the_tests(cheating_class):
    course_dir, _, _ = cheating_class
    assert "were restored before this test" in graded_text(course_dir, "patches_checks")


def test_feedback_that_shows_a_hidden_test_is_withheld_and_reported(cheating_class):
    course_dir, _, feedback_status = cheating_class
    assert HIDDEN_LINE in feedback.hidden_lines(notebooks.read(course_dir / "source" / NAME / f"{NAME}.ipynb"),
                                                notebooks.read(course_dir / "release" / NAME / f"{NAME}.ipynb"))
    assert feedback_status == 1
    pages = {p.parent.parent.name for p in (course_dir / "feedback").glob(f"*/{NAME}/{NAME}.html")}
    assert "prints_hidden_test" not in pages and {"honest", "reads_secrets"} <= pages
    for page in (course_dir / "feedback").glob(f"*/{NAME}/{NAME}.html"):
        assert not feedback.leaked(page.read_text(), {HIDDEN_LINE}), page


def test_the_report_names_every_cheat(cheating_class):
    course_dir, _, _ = cheating_class
    lines = (report.latest(course_dir) / "attention.txt").read_text().splitlines()
    flagged = {re.split(r"[:/]", line)[0] for line in lines}
    assert flagged >= set(cheats(course_dir)), lines
    assert not {"honest", "honest_but_wrong"} & flagged, lines
    assert any(re.search(r"^prints_hidden_test/01-running-programs: .* withheld", line) for line in lines), lines
    assert any(line.startswith("patches_checks:") and "restored" in line for line in lines), lines
