"""Sample submissions made of snippets: the pipeline tests' fixtures and the demo class.

A snippet is the code of one answer cell, in
``tests/submissions/<notebook>/<task>/<name>.py``, opening with two comment lines::

    # expect: wrong          (or: correct)
    # why: returns the raw wait status, not the exit code

A wrong snippet must lose points on its task's test cells and nowhere else; a correct one
(written differently from the reference) must get full marks.

The sample class, ``tests/submissions/class.json``, names students and, per notebook and
task, the snippet each handed in; ``default`` says what the other tasks hold: the
``reference`` solution or the ``blank`` release stub.
"""

import json
from dataclasses import dataclass
from pathlib import Path

from course.grading import notebooks

REFERENCE = "reference"
BLANK = "blank"


@dataclass(frozen=True)
class Snippet:
    notebook: str
    task: str
    name: str
    expect: str
    why: str
    code: str

    @property
    def student(self) -> str:
        """The student id a pipeline test hands this snippet in as."""
        return f"{self.task}--{self.name}"


def snippets(root: Path, notebook: str) -> list[Snippet]:
    found = []
    for path in sorted((root / notebook).glob("*/*.py")):
        header = dict(_header(path))
        if header.get("expect") not in ("wrong", "correct") or not header.get("why"):
            raise notebooks.NotebookError(f"{path}: a snippet opens with '# expect: wrong|correct' and '# why: ...'")
        found.append(Snippet(notebook, path.parent.name, path.stem, header["expect"],
                             header["why"], path.read_text()))
    return found


def _header(path: Path):
    for line in path.read_text().splitlines()[:2]:
        key, _, value = line.lstrip("# ").partition(":")
        yield key.strip(), value.strip()


def submission(source_nb, release_nb, answers: dict[str, str], default: str = REFERENCE):
    """A student's notebook: the release, with each task answered by the code in
    ``answers`` or else by ``default`` (the reference solution, or the blank stub)."""
    filled = {}
    if default == REFERENCE:
        for task in notebooks.tasks(source_nb):
            filled[task.name] = notebooks.answer_source(source_nb.cells[task.answer])
    filled.update(answers)
    return notebooks.with_answers(release_nb, filled)


def sample_class(root: Path) -> dict[str, dict]:
    """The sample class: student id -> {"about", "default", "answers": {notebook: {task: snippet}}}."""
    path = root / "class.json"
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError) as error:
        raise notebooks.NotebookError(f"{path}: cannot read the sample class ({error})") from None


def answers_of(root: Path, notebook: str, chosen: dict[str, str]) -> dict[str, str]:
    """The code of the snippets a sample student chose for one notebook."""
    code = {}
    for task, name in chosen.items():
        path = root / notebook / task / f"{name}.py"
        if not path.exists():
            raise notebooks.NotebookError(f"{path}: no such snippet")
        code[task] = path.read_text()
    return code
