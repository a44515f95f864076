"""The structure of a course notebook as the graders see it.

A task is a section: one answer cell (nbgrader ``solution``, not ``grade``), whose
``grade_id`` is the task's name, followed by its test cells (``grade`` cells), until the
next answer cell.
"""

from dataclasses import dataclass, field
from pathlib import Path

import nbformat


class NotebookError(Exception):
    """A notebook that cannot be read or does not have the expected shape."""


@dataclass
class Task:
    name: str
    answer: int
    """Index of the answer cell."""
    tests: list[str] = field(default_factory=list)
    """grade_ids of the test cells that grade this task."""


def read(path: Path) -> nbformat.NotebookNode:
    """Read a notebook, or say clearly why it cannot be read."""
    try:
        return nbformat.read(str(path), as_version=4)
    except FileNotFoundError:
        raise NotebookError(f"{path}: no such notebook") from None
    except Exception as error:
        raise NotebookError(f"{path}: not a readable notebook ({error})") from None


def meta(cell) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {})


def grade_id(cell) -> str | None:
    return meta(cell).get("grade_id")


def is_answer(cell) -> bool:
    return bool(meta(cell).get("solution")) and not meta(cell).get("grade")


def is_test(cell) -> bool:
    return bool(meta(cell).get("grade")) and not meta(cell).get("solution")


def tasks(nb) -> list[Task]:
    found: list[Task] = []
    for index, cell in enumerate(nb.cells):
        if is_answer(cell):
            found.append(Task(grade_id(cell), index))
        elif is_test(cell) and found:
            found[-1].tests.append(grade_id(cell))
    return found


def answer_source(cell) -> str:
    """An answer cell's source without nbgrader's solution markers: what a student who
    wrote the reference solution would have handed in."""
    lines = cell.source.splitlines()
    return "\n".join(line for line in lines if "### BEGIN SOLUTION" not in line
                     and "### END SOLUTION" not in line)


def with_answers(nb, answers: dict[str, str]):
    """A copy of ``nb`` whose answer cells named in ``answers`` hold the given code."""
    copy = nbformat.from_dict(nb)
    names = {task.name for task in tasks(copy)}
    unknown = sorted(set(answers) - names)
    if unknown:
        raise NotebookError(f"no task named {', '.join(unknown)} (tasks: {', '.join(sorted(names))})")
    for cell in copy.cells:
        if is_answer(cell) and grade_id(cell) in answers:
            cell.source = answers[grade_id(cell)]
    return copy
