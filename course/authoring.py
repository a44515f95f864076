"""A plain-text form of a course notebook, for writing and reviewing lessons as text.

A notebook is a sequence of cells; in the text form each cell opens with one marker line:

    # %% md                       a markdown cell
    # %% code                     a code cell (lesson and demo)
    # %% setup GRADE_ID           a locked code cell (the imports every notebook opens with)
    # %% answer TASK              the student's answer cell; its grade_id is the task name
    # %% test GRADE_ID POINTS     a locked, graded test cell, tagged ``raises-exception``
                                  so that JupyterLab's Run All goes on past a failing test

``course text source/NN/NN.ipynb > NN.txt`` writes the text form, and
``course notebook NN.txt source/NN/NN.ipynb`` turns it back into the notebook, with the
nbgrader metadata, stable cell ids, and no outputs. The two are exact inverses for every
notebook in source/ (a test proves it), so either can be edited.
"""

import nbformat

from course.grading import notebooks

MARKER = "# %% "
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


def to_text(nb) -> str:
    parts = []
    for cell in nb.cells:
        parts.append(MARKER + _kind(cell) + "\n" + cell.source + "\n")
    return "\n".join(parts)


def from_text(text: str):
    if not text.startswith(MARKER):
        raise notebooks.NotebookError(f"the text form of a notebook starts with a {MARKER!r} marker line")
    cells = []
    for block in text[len(MARKER):].split("\n" + MARKER):
        header, _, source = block.partition("\n")
        kind, *args = header.split()
        cells.append(_cell(kind, args, source.strip("\n")))
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata = {"kernelspec": dict(KERNELSPEC), "language_info": {"name": "python", "version": "3.11"}}
    for index, cell in enumerate(nb.cells):
        cell["id"] = notebooks.grade_id(cell) or f"{cell.cell_type}-{index}"
    return nb


def _kind(cell) -> str:
    if cell.cell_type == "markdown":
        return "md"
    meta = notebooks.meta(cell)
    if not meta:
        return "code"
    if notebooks.is_answer(cell):
        return f"answer {meta['grade_id']}"
    if notebooks.is_test(cell):
        return f"test {meta['grade_id']} {meta['points']:g}"
    return f"setup {meta['grade_id']}"


RUN_ALL_GOES_ON = "raises-exception"
"""The cell tag that lets JupyterLab's Run All go on past a cell that raises: a student's
first failing test must not leave the rest of the notebook unrun."""

FLAGS = {"setup": (False, True, False), "answer": (False, False, True), "test": (True, True, False)}
"""grade, locked, solution: what nbgrader's metadata says of each kind of cell."""


def _cell(kind, args, source):
    if kind == "md":
        return nbformat.v4.new_markdown_cell(source)
    cell = nbformat.v4.new_code_cell(source)
    if kind == "code":
        return cell
    if kind not in FLAGS or len(args) != (2 if kind == "test" else 1):
        raise notebooks.NotebookError(f"unknown cell marker {MARKER}{kind} {' '.join(args)}".rstrip())
    grade, locked, solution = FLAGS[kind]
    meta = {"grade": grade, "grade_id": args[0], "locked": locked, "schema_version": 3,
            "solution": solution, "task": False}
    if grade:
        meta["points"] = int(args[1])
        cell.metadata["tags"] = [RUN_ALL_GOES_ON]
    cell.metadata["nbgrader"] = dict(sorted(meta.items()))
    return cell
