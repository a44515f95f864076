"""The conventions check and the leak check find each problem they are there for: each
case breaks one property of a real notebook and expects it to be named."""

import nbformat
import pytest

from conftest import ROOT
from course.grading import lint, notebooks

NAME = "01-running-programs"


@pytest.fixture
def source():
    return notebooks.read(ROOT / "source" / NAME / f"{NAME}.ipynb")


@pytest.fixture
def release():
    return notebooks.read(ROOT / "release" / NAME / f"{NAME}.ipynb")


def cell(nb, grade_id):
    return next(c for c in nb.cells if notebooks.grade_id(c) == grade_id)


def test_the_real_notebook_is_clean(source, release):
    assert lint.problems(source) == []
    assert lint.leaks(source, release) == []


@pytest.mark.parametrize("break_it, expected", [
    (lambda nb: cell(nb, "exit_code_exits").metadata.nbgrader.update(grade_id="cell-8f3a9c"), "not a readable name"),
    (lambda nb: cell(nb, "exit_code_all_codes").metadata.nbgrader.update(grade_id="exit_code_exits"), "used twice"),
    (lambda nb: cell(nb, "exit_code_exits").metadata.nbgrader.update(points=0), "has no points"),
    (lambda nb: cell(nb, "count_lines_plain_name").metadata.nbgrader.update(grade_id="plain_name"), "not named after it"),
    (lambda nb: [c.update(source=c.source.replace("### BEGIN HIDDEN TESTS\n", "").replace("### END HIDDEN TESTS", ""))
                 for c in nb.cells if (notebooks.grade_id(c) or "").startswith("send_text_")],
     "task send_text has no hidden tests"),
    (lambda nb: cell(nb, "exit_code_exits").update(
        outputs=[nbformat.v4.new_output("stream", name="stdout", text="x")]), "has outputs"),
    (lambda nb: cell(nb, "exit_code_exits").update(source='# d.\nconnect(("127.0.0.1", 8080))'), "a fixed port"),
    (lambda nb: cell(nb, "exit_code_exits").update(source='# d.\nserver = 1'), "binds the name 'server'"),
    (lambda nb: cell(nb, "exit_code_exits").update(source='# d.\nfor _run in []: pass'), "binds the name '_run'"),
    (lambda nb: cell(nb, "exit_code_exits").update(source='# d.\ndef helper(): pass'), "defines helper"),
    (lambda nb: cell(nb, "exit_code_exits").update(source='# d.\n1'), "bare value 1"),
    (lambda nb: cell(nb, "exit_code_exits").update(source='"""d."""\npass'), "bare value 'd.'"),
    (lambda nb: cell(nb, "exit_code_exits").update(source='checks.returns(0, exit_code, "exit 0")'), "comment"),
    (lambda nb: cell(nb, "exit_code_exits").metadata.update(tags=[]), "not tagged 'raises-exception'"),
    (lambda nb: cell(nb, "exit_code_exits").update(source='# d.\nchecks.returns(0, exit_code, demo_command)'),
     "reads 'demo_command', which only a demo cell binds"),
])
def test_each_broken_convention_is_named(source, break_it, expected):
    break_it(source)
    found = lint.problems(source)
    assert any(expected in problem for problem in found), found


def test_test_names_and_imports_are_allowed():
    assert lint.test_cell_problems('# d.\nimport os\nwith open("x") as test_file:\n    test_n = 1') == []


@pytest.mark.parametrize("break_it, expected", [
    (lambda src, rel: cell(rel, "exit_code").update(source=cell(src, "exit_code").source), "BEGIN SOLUTION"),
    (lambda src, rel: cell(rel, "exit_code").update(
        source=cell(rel, "exit_code").source + "\n    return os.waitstatus_to_exitcode(os.system(command))"),
     "hidden line"),
    (lambda src, rel: cell(rel, "exit_code_all_codes").update(
        source=cell(rel, "exit_code_all_codes").source + '\nchecks.returns(-15, exit_code, "kill -TERM $$")'),
     "hidden line"),
])
def test_each_leak_is_named(source, release, break_it, expected):
    break_it(source, release)
    found = lint.leaks(source, release)
    assert any(expected in problem for problem in found), found
