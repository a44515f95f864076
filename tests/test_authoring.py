"""The plain-text form of a notebook and the notebook are exact inverses, so a lesson can
be edited as text and the notebook written back byte for byte."""

import pytest

from conftest import ROOT
from course import authoring
from course.cli import main
from course.grading import notebooks, runner


@pytest.mark.parametrize("name", runner.assignments(ROOT))
def test_text_and_back_gives_the_same_notebook_file(name, tmp_path, capsys):
    source = ROOT / "source" / name / f"{name}.ipynb"
    assert main(["text", str(source)]) == 0
    (tmp_path / "lesson.txt").write_text(capsys.readouterr().out)
    assert main(["notebook", str(tmp_path / "lesson.txt"), str(tmp_path / "again.ipynb")]) == 0
    assert (tmp_path / "again.ipynb").read_text() == source.read_text()


def test_markers_give_nbgrader_cells():
    nb = authoring.from_text("# %% md\n# Title\n\n# %% setup setup_imports\nimport os\n"
                             "# %% answer f\ndef f(): pass\n# %% test f_works 2\n# f works.\n")
    kinds = [(c.cell_type, notebooks.is_answer(c), notebooks.is_test(c), notebooks.meta(c).get("locked"))
             for c in nb.cells]
    assert kinds == [("markdown", False, False, None), ("code", False, False, True),
                     ("code", True, False, False), ("code", False, True, True)]
    assert nb.cells[3].metadata.tags == ["raises-exception"], "Run All goes on past a failing test"
    assert notebooks.meta(nb.cells[3])["points"] == 2 and [c.id for c in nb.cells][1:] == ["setup_imports", "f", "f_works"]


@pytest.mark.parametrize("text", ["no marker first\n# %% md\nx", "# %% test only_an_id\n", "# %% solution x\n"])
def test_malformed_text_is_a_clear_error(text):
    with pytest.raises(notebooks.NotebookError):
        authoring.from_text(text)
