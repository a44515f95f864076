"""Grading a class never hangs and never crashes on a bad submission: the bad cell scores
zero, the rest is graded, and nothing is left running. Driven through the instructor's
`course grade` command on a scratch copy of notebook 01, with an adversarial class: code
that hangs, floods, kills or wedges the kernel, hits the limits of course/limits.py, and
edits, deletes or retypes test cells. The cheating class is in test_integrity.py."""

import contextlib
import html
import io
import json
import os
import re
import subprocess
import sys

import nbformat
import pytest

from conftest import GRADE_FLAGS, ROOT, SANDBOX, SUBMISSIONS, UNSANDBOXED
from course import processes
from course.cli import main
from course.grading import notebooks, report, runner, samples

NAME = "01-running-programs"
OTHER = "02-low-level-processes"
EXIT_CODE_TESTS = {"exit_code_exits", "exit_code_all_codes"}
DAEMON = ["sleep", "347"]
"""What the daemon student leaves running: a command line no other process has."""

BREAKS_EXIT_CODE = {
    # student: code put before the reference exit_code, so that exit_code is never defined
    "wedged": "import signal\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\nwhile True:\n    pass\n",
    "loops": "while True:\n    pass\n",
    "asks_input": "name = input('your name? ')\n",
    "busy_coroutine": "async def spin():\n    while True:\n        pass\n\nawait spin()\n",
    "exits": "import sys\nsys.exit(3)\n",
    "segfaults": "import ctypes\nctypes.string_at(0)\n",
}
HITS_LIMITS = {
    "memory_hog": "hog = bytearray(6 * 1024 ** 3)\n",
    "fork_bomb": "import os\nwhile True:\n    os.fork()\n",
    "writes_big_file": "open('big', 'wb').write(bytes(300 * 1024 ** 2))\n",
}
"""Only where the sandbox applies the limits (elsewhere these would take the machine)."""
KILLS_WORKER = "import os, signal\nos.kill(os.getppid(), signal.SIGKILL)\n"
"""Unsandboxed this kills the grading worker (test_dispatch); sandboxed, its parent is the
sandbox's init, which ignores it (or, as root's, refuses the unprivileged kernel's signal)."""


def snippet(task, name):
    return (SUBMISSIONS / NAME / task / f"{name}.py").read_text()


def reference(nb, task):
    return notebooks.answer_source(next(c for c in nb.cells if notebooks.grade_id(c) == task))


@pytest.fixture(scope="module")
def graded_class(tmp_path_factory):
    course_dir = tmp_path_factory.mktemp("class")
    runner.scratch_course(ROOT, [NAME], course_dir)
    # Shorter limits keep this test quick; the behaviour is the same at the course's limits.
    with open(course_dir / "nbgrader_config.py", "a") as config:
        config.write("\nc.Execute.timeout = 5\nc.GradingExecute.probe_timeout = 2\n")
    runner.scratch_course(ROOT, [OTHER], course_dir)
    source = notebooks.read(course_dir / "source" / NAME / f"{NAME}.ipynb")
    released = runner.generate(course_dir, [NAME, OTHER])
    release = notebooks.read(released[NAME])

    def hand_in(student, answers=None, edit=None):
        nb = samples.submission(source, release, answers or {})
        if edit:
            edit(nb)
        runner.submit(course_dir, student, NAME, nb)

    for student, code in {**BREAKS_EXIT_CODE, **(HITS_LIMITS if SANDBOX else {})}.items():
        hand_in(student, {"exit_code": code + reference(source, "exit_code")})
    if SANDBOX:
        hand_in("kills_worker", {"exit_code": KILLS_WORKER + reference(source, "exit_code")})
    hand_in("floods", {"count_lines": "print('x' * 3_000_000)\n" + reference(source, "count_lines")})
    hand_in("daemon", {"send_text": reference(source, "send_text") + "\nimport subprocess\n"
                       f"subprocess.Popen({DAEMON!r}, start_new_session=True)"})
    hand_in("edits_tests", {"exit_code": snippet("exit_code", "raw_status")},
            edit=lambda nb: [c.update(source='"""mine."""\npass') for c in nb.cells if notebooks.is_test(c)])
    hand_in("deletes_tests", {"exit_code": snippet("exit_code", "raw_status")},
            edit=lambda nb: nb.update(cells=[c for c in nb.cells if not notebooks.is_test(c)]))
    hand_in("retypes_tests", {"exit_code": snippet("exit_code", "raw_status")}, edit=exit_code_tests_as_markdown)
    hand_in("duplicate_ids", edit=lambda nb: [c.update(id=nb.cells[0].id) for c in nb.cells[1:4]])
    hand_in("fine")
    wrong = course_dir / "submitted" / "wrong_assignment" / NAME
    wrong.mkdir(parents=True)
    (wrong / f"{NAME}.ipynb").write_text(released[OTHER].read_text())
    malformed = course_dir / "submitted" / "malformed" / NAME
    malformed.mkdir(parents=True)
    (malformed / f"{NAME}.ipynb").write_text('{"cells": [')

    table = io.StringIO()
    with contextlib.redirect_stdout(table):
        exit_status = main(["--course-dir", str(course_dir), "grade", NAME, *GRADE_FLAGS])
    return course_dir, (exit_status, table.getvalue())


def exit_code_tests_as_markdown(nb):
    for cell in nb.cells:
        if notebooks.grade_id(cell) in EXIT_CODE_TESTS:
            cell.cell_type = "markdown"
            del cell["outputs"], cell["execution_count"]


def scores(course_dir, student):
    return {cell: got for cell, (got, _) in report.cell_scores(course_dir, NAME, student).items()}


def full(course_dir):
    return {cell: top for cell, (_, top) in report.cell_scores(course_dir, NAME, "fine").items()}


@pytest.mark.parametrize("student", [*BREAKS_EXIT_CODE, "edits_tests", "deletes_tests", "retypes_tests",
                                     *(pytest.param(s, marks=pytest.mark.skipif(not SANDBOX, reason=str(UNSANDBOXED)))
                                       for s in HITS_LIMITS)])
def test_the_bad_task_scores_zero_and_the_rest_is_graded(graded_class, student):
    course_dir, _ = graded_class
    got, best = scores(course_dir, student), full(course_dir)
    assert {cell for cell in best if got.get(cell) != best[cell]} == EXIT_CODE_TESTS
    assert all(got[cell] == 0 for cell in EXIT_CODE_TESTS)


def test_a_flood_of_output_is_cut_and_graded(graded_class):
    course_dir, _ = graded_class
    assert scores(course_dir, "floods") == full(course_dir)
    nb = nbformat.read(course_dir / "autograded" / "floods" / NAME / f"{NAME}.ipynb", as_version=4)
    answer = next(c for c in nb.cells if notebooks.grade_id(c) == "count_lines")
    text = "".join(o.get("text", "") for o in answer.outputs)
    assert len(text) < 200_000 and "output cut" in text


def test_a_process_left_running_is_killed_and_reported(graded_class):
    course_dir, _ = graded_class
    assert scores(course_dir, "daemon") == full(course_dir)
    daemons = [pid for pid in map(int, filter(str.isdigit, os.listdir("/proc")))
               if processes.command_line(pid) == " ".join(DAEMON)]
    assert not [pid for pid in daemons if processes.running(pid)], "the daemon a submission started is still running"


@pytest.mark.skipif(not SANDBOX, reason=str(UNSANDBOXED))
def test_a_sandboxed_submission_cannot_reach_its_worker(graded_class):
    course_dir, _ = graded_class
    got, best = scores(course_dir, "kills_worker"), full(course_dir)
    assert {cell for cell in best if got[cell] != best[cell]} <= EXIT_CODE_TESTS, "graded, the rest in full"


def test_odd_notebooks_are_graded_as_nbgrader_can(graded_class):
    course_dir, _ = graded_class
    assert scores(course_dir, "duplicate_ids") == full(course_dir), "duplicate cell ids cost nothing"


def test_the_notebook_of_another_assignment_is_named_as_such(graded_class):
    course_dir, (_, table) = graded_class
    assert re.search(r"^wrong_assignment\s.*01-running-programs.ipynb: none of its graded cells belongs to "
                     r"01-running-programs \(a notebook of another assignment\?\)", table, re.M), table


def test_the_grade_table_names_every_student_and_the_problems(graded_class):
    course_dir, (exit_status, table) = graded_class
    assert exit_status == 1, "a submission that could not be graded makes the command fail"
    rows = {line.split()[0]: line for line in table.split("\n\n")[0].splitlines()[2:]}
    assert set(rows) == set(os.listdir(course_dir / "submitted"))
    assert re.search(r"^fine\s+17/17\s+17/17\s*$", rows["fine"])
    assert "left 1 process(es) running (killed)" in rows["daemon"]
    assert "not graded: nbformat.reader.NotJSONError" in rows["malformed"]


def test_a_malformed_or_missing_notebook_is_reported_and_the_others_graded(tmp_path, capsys):
    course_dir = runner.scratch_course(ROOT, [NAME], tmp_path)
    release = notebooks.read(runner.generate(course_dir, [NAME])[NAME])
    runner.submit(course_dir, "blank", NAME, release)
    broken = course_dir / "submitted" / "broken" / NAME
    broken.mkdir(parents=True)
    (broken / f"{NAME}.ipynb").write_text("not json at all")
    (course_dir / "submitted" / "empty" / NAME).mkdir(parents=True)
    assert main(["--course-dir", str(course_dir), "grade", NAME, *GRADE_FLAGS]) == 1
    table = capsys.readouterr().out
    assert re.search(r"^empty\s.*01-running-programs not graded: .*No notebooks were matched", table, re.M), table
    assert re.search(r"^blank\s+0/17\s+0/17\s*$", table, re.M), table
    assert re.search(r"^broken\s+0/17\s+0/17\s+01-running-programs not graded: .*not appear to be JSON", table, re.M), table


def test_a_wrong_assignment_name_is_a_clear_error(tmp_path, capsys):
    course_dir = runner.scratch_course(ROOT, [NAME], tmp_path)
    assert main(["--course-dir", str(course_dir), "grade", "01-runing-programs", *GRADE_FLAGS]) == 2
    error = capsys.readouterr().err
    assert "no assignment '01-runing-programs'" in error and "known: 01-running-programs" in error


def test_no_submissions_is_a_clear_error(tmp_path, capsys):
    course_dir = runner.scratch_course(ROOT, [NAME], tmp_path)
    assert main(["--course-dir", str(course_dir), "grade", NAME, *GRADE_FLAGS]) == 2
    assert "no submissions of 01-running-programs" in capsys.readouterr().err


def test_a_missing_snippet_in_the_sample_class_is_a_clear_error(tmp_path):
    (tmp_path / "class.json").write_text(json.dumps({"x": {"answers": {NAME: {"exit_code": "nope"}}}}))
    with pytest.raises(notebooks.NotebookError, match="no such snippet"):
        samples.answers_of(tmp_path, NAME, {"exit_code": "nope"})


def nbgrader(course_dir, *args):
    """Run the nbgrader command line of this environment in ``course_dir``."""
    env = {**os.environ, "PATH": os.pathsep.join([os.path.dirname(sys.executable), os.environ["PATH"]])}
    return subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=course_dir, env=env,
                          capture_output=True, text=True, timeout=300)


def test_feedback_shows_the_checks_message_but_no_hidden_test(graded_class):
    course_dir, _ = graded_class
    done = nbgrader(course_dir, "generate_feedback", NAME, "--student", "edits_tests")
    assert done.returncode == 0, done.stderr
    page = (course_dir / "feedback" / "edits_tests" / NAME / f"{NAME}.html").read_text()
    text = html.unescape(re.sub(r"<[^>]+>", "", page))
    assert "exit_code returns -N when signal N killed the shell" in text, "the behaviour's docstring is shown"
    assert "AssertionError: exit_code('kill -9 $$'): expected -9, got 9" in text, "the check's message is shown"
    assert "kill -TERM" not in text, "a hidden test's code reached the feedback"
    assert "BEGIN HIDDEN TESTS" not in text


def test_validate_passes_the_reference_and_names_what_the_blank_release_lacks(tmp_path):
    course_dir = runner.scratch_course(ROOT, [NAME], tmp_path)
    release = notebooks.read(runner.generate(course_dir, [NAME])[NAME])
    source = notebooks.read(course_dir / "source" / NAME / f"{NAME}.ipynb")
    nbformat.write(samples.submission(source, release, {}), tmp_path / "solved.ipynb")
    nbformat.write(release, tmp_path / "blank.ipynb")
    solved = nbgrader(course_dir, "validate", str(tmp_path / "solved.ipynb"))
    assert "Success! Your notebook passes all the tests." in solved.stdout, solved.stdout + solved.stderr
    blank = nbgrader(course_dir, "validate", str(tmp_path / "blank.ipynb"))
    assert "NotImplementedError" in blank.stdout and "Success" not in blank.stdout


def test_the_report_has_the_tables_the_histogram_and_everything_that_needs_attention(graded_class, capsys):
    course_dir, _ = graded_class
    folder = report.latest(course_dir)
    assert sorted(p.name for p in folder.iterdir()) == [
        "attention.txt", "pass_rates.csv", "scores.csv", "scores.json", "totals.png"]
    assert (folder / "totals.png").read_bytes().startswith(b"\x89PNG")
    table = json.loads((folder / "scores.json").read_text())
    assert table["students"]["fine"]["total"] == table["students"]["fine"]["possible"] == 17
    assert table["not_graded"] == [f"malformed/{NAME}", f"wrong_assignment/{NAME}"]
    attention = (folder / "attention.txt").read_text()
    for expected in ["wedged: 01-running-programs: 01-running-programs.ipynb: exit_code ignored the interrupt",
                     "loops: 01-running-programs: 01-running-programs.ipynb: exit_code ran out of time",
                     "floods: 01-running-programs: 01-running-programs.ipynb: the output of count_lines was cut",
                     "daemon: 01-running-programs: left 1 process(es) running (killed)",
                     "edits_tests: 01-running-programs: 01-running-programs.ipynb: test cell exit_code_exits was edited",
                     "deletes_tests: 01-running-programs: 01-running-programs.ipynb: test cell exit_code_exits was deleted",
                     "malformed: 01-running-programs: not graded: ",
                     "asks_input: 01-running-programs: 01-running-programs.ipynb: exit_code asked for input()",
                     "exits: 01-running-programs: 01-running-programs.ipynb: exit_code called sys.exit()",
                     "segfaults: 01-running-programs: 01-running-programs.ipynb: the kernel died in exit_code and was restarted",
                     "busy_coroutine: 01-running-programs: 01-running-programs.ipynb: exit_code ran out of time",
                     "retypes_tests: 01-running-programs: 01-running-programs.ipynb: test cell exit_code_exits was made a markdown cell",
                     "wrong_assignment: 01-running-programs: not graded: 01-running-programs.ipynb: none of its graded cells",
                     *(["memory_hog: 01-running-programs: 01-running-programs.ipynb: exit_code hit the memory limit",
                        "fork_bomb: 01-running-programs: 01-running-programs.ipynb: exit_code hit the process limit",
                        "writes_big_file: 01-running-programs: 01-running-programs.ipynb: exit_code hit the file size limit"]
                       if SANDBOX else [])]:
        assert expected in attention, attention
    assert "fine:" not in attention
    assert main(["--course-dir", str(course_dir), "report"]) == 0
    assert "ran out of time" in capsys.readouterr().out
