"""The whole flow, for every notebook in source/: the source runs, the release is generated
and committed in sync without leaks, and autograding scores what it should: 0 for the
blank release, full marks for the reference and for correct snippets, and lost points on
exactly the right task for every wrong-but-plausible snippet. Full marks are earned with
more workers than cores beside CPU-bound load (``conftest.BUSY_CORES``): they must not
depend on an idle machine.

A new notebook is covered the moment it is added to source/.
"""

import shutil

import nbclient
import pytest

from conftest import ROOT, SUBMISSIONS, Graded
from course.grading import lint, notebooks, runner, samples

NOTEBOOKS = runner.assignments(ROOT)
SNIPPETS = [snippet for name in NOTEBOOKS for snippet in samples.snippets(SUBMISSIONS, name)]


def source_of(name):
    return notebooks.read(ROOT / "source" / name / f"{name}.ipynb")


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_source_runs_top_to_bottom_with_every_test_passing(name, tmp_path):
    shutil.copytree(ROOT / "source" / name, tmp_path / name)
    nb = notebooks.read(tmp_path / name / f"{name}.ipynb")
    client = nbclient.NotebookClient(nb, timeout=60, kernel_name="python3", allow_errors=True,
                                     resources={"metadata": {"path": str(tmp_path / name)}})
    client.execute()
    failures = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            if output.output_type == "error":
                failures.append(f"{notebooks.grade_id(cell) or cell.source[:50]!r}: {output.ename}: {output.evalue}")
            elif notebooks.is_test(cell) and output.output_type == "stream" and output.name == "stderr":
                failures.append(f"{notebooks.grade_id(cell)} wrote to stderr (nbgrader scores it 0): {output.text[:200]!r}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_blank_release_runs_to_the_end_with_only_test_cells_failing(name, tmp_path):
    """What a student sees first: Run All on the untouched release reaches the last cell.
    Every stub defines the names its contract promises (only calling them raises), no demo
    needs the student's answers, and test cells (tagged raises-exception) do not stop the
    run. nbclient stops at an untagged failing cell just as JupyterLab's Run All does."""
    shutil.copytree(ROOT / "release" / name, tmp_path / name)
    nb = notebooks.read(tmp_path / name / f"{name}.ipynb")
    client = nbclient.NotebookClient(nb, timeout=60, kernel_name="python3",
                                     resources={"metadata": {"path": str(tmp_path / name)}})
    try:
        client.execute()
    except nbclient.exceptions.CellExecutionError as error:
        pytest.fail(f"Run All stops at a cell that is not a test: {str(error)[-600:]}")


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_committed_release_is_what_nbgrader_generates(name, graded):
    generated = graded(name).release_path
    committed = ROOT / "release" / name
    assert committed.is_dir(), f"release/{name} is missing: run `course release {name}`"
    assert sorted(p.name for p in committed.iterdir()) == sorted(p.name for p in generated.parent.iterdir())
    assert (committed / generated.name).read_text() == generated.read_text(), (
        f"release/{name} is out of date: run `course release {name}`")


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_release_shows_no_solution_and_no_hidden_test(name):
    release = notebooks.read(ROOT / "release" / name / f"{name}.ipynb")
    assert lint.leaks(source_of(name), release) == []


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_keeps_the_conventions(name):
    assert lint.problems(source_of(name)) == []


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_every_task_has_wrong_and_correct_snippets(name):
    by_task = {task.name: [s for s in SNIPPETS if s.notebook == name and s.task == task.name]
               for task in notebooks.tasks(source_of(name))}
    missing = [f"{task}: {sum(s.expect == 'wrong' for s in found)} wrong, "
               f"{sum(s.expect == 'correct' for s in found)} correct"
               for task, found in by_task.items()
               if sum(s.expect == "wrong" for s in found) < 2 or not any(s.expect == "correct" for s in found)]
    assert not missing, "each task needs at least 2 wrong and 1 correct snippet:\n" + "\n".join(missing)
    strays = {s.task for s in SNIPPETS if s.notebook == name} - set(by_task)
    assert not strays, f"snippets for tasks the notebook does not have: {sorted(strays)}"


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_blank_release_scores_zero_everywhere(name, graded):
    scores = graded(name).scores(Graded.BLANK)
    assert scores, "the blank release was not graded"
    assert {cell: got for cell, (got, _) in scores.items() if got} == {}


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_reference_solution_gets_full_marks(name, graded):
    scores = graded(name).scores(Graded.REFERENCE)
    expected_cells = {notebooks.grade_id(c) for c in source_of(name).cells if notebooks.meta(c).get("grade")}
    assert set(scores) == expected_cells
    assert {cell: f"{got}/{top}" for cell, (got, top) in scores.items() if got != top} == {}


@pytest.mark.parametrize("snippet", SNIPPETS, ids=lambda s: f"{s.notebook}/{s.task}/{s.name}")
def test_snippet_scores_as_expected(snippet, graded):
    scores = graded(snippet.notebook).scores(snippet.student)
    task = next(t for t in notebooks.tasks(source_of(snippet.notebook)) if t.name == snippet.task)
    lost = {cell: f"{got:g}/{top:g}" for cell, (got, top) in scores.items() if got < top}
    if snippet.expect == "correct":
        assert lost == {}, f"a correct solution ({snippet.why}) lost points"
    else:
        assert set(lost) & set(task.tests), f"a wrong solution ({snippet.why}) lost no points on {task.name}"
        assert set(lost) <= set(task.tests), (
            f"a wrong {task.name} ({snippet.why}) lost points elsewhere: {sorted(set(lost) - set(task.tests))}")
