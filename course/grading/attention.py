"""What an instructor should look at after grading: nothing is a silent zero.

For each graded submission, in words: it could not be graded (and why), its kernel died or
ignored the interrupt and was restarted, cells timed out or were not run, output was cut,
a limit of ``course.limits`` was hit, test cells were edited or deleted (nbgrader restored
them), notebooks were missing, and programs it left running were killed.
"""

import re
from pathlib import Path

import nbformat

from course.grading import integrity, notebooks

ERRORS = {
    "DeadKernelError": "the kernel died in {cell} and was restarted",
    "KernelWedged": "{cell} ignored the interrupt; the kernel was restarted",
    "CellTimeoutError": "{cell} ran out of time",
    "NotRun": "{cell} was not run: earlier cells kept killing the kernel",
    "KernelConfused": "the kernel's messages for {cell} made no sense; it was restarted",
    "ProcessLimit": "{cell} hit the process limit (a fork bomb?); the kernel was restarted",
    "MemoryError": "{cell} hit the memory limit",
    "StdinNotImplementedError": "{cell} asked for input(), which nobody answers while grading",
    "SystemExit": "{cell} called sys.exit()",
}
FILE_TOO_LARGE = "File too large"  # strerror(EFBIG): Python ignores SIGXFSZ, so the write fails


def findings(course_dir: Path, assignment: str, student: str, result) -> list[str]:
    """What needs attention in one student's submission of ``assignment``."""
    found = []
    if not result.success:
        found.append(f"not graded: {result.error}")
    if result.left_running:
        found.append(f"left {result.left_running} process(es) running (killed)")
    release = course_dir / "release" / assignment
    submitted = course_dir / "submitted" / student / assignment
    autograded = course_dir / "autograded" / student / assignment
    for expected in sorted(release.glob("*.ipynb")):
        if not (submitted / expected.name).exists():
            found.append(f"{expected.name} was not handed in")
            continue
        try:
            theirs = nbformat.read(str(submitted / expected.name), as_version=4)
        except Exception as error:
            found.append(f"{expected.name}: not a readable notebook ({type(error).__name__})")
            continue
        found += [f"{expected.name}: {item}" for item in _tampering(expected, theirs) + _suspicious(theirs)]
        if (autograded / expected.name).exists():
            found += [f"{expected.name}: {item}" for item in _troubles(autograded / expected.name)]
    return found


def _tampering(released: Path, theirs) -> list[str]:
    """Test cells the student edited or deleted (autograde grades nbgrader's copies)."""
    ours = nbformat.read(str(released), as_version=4)
    tests = {notebooks.grade_id(c): (c.cell_type, c.source) for c in ours.cells if notebooks.is_test(c)}
    kept = {notebooks.grade_id(c): (c.cell_type, c.source) for c in theirs.cells if notebooks.grade_id(c) in tests}
    found = [f"test cell {grade_id} was deleted (restored and graded)" for grade_id in tests if grade_id not in kept]
    found += [f"test cell {grade_id} was made a {kind} cell (restored and graded)"
              for grade_id, (kind, _) in kept.items() if kind != tests[grade_id][0]]
    found += [f"test cell {grade_id} was edited (restored and graded)" for grade_id, (kind, source) in kept.items()
              if kind == tests[grade_id][0] and source != tests[grade_id][1]]
    return found


SUSPICIOUS = {
    r"gradebook\.db|\bsqlite3\b": "touches a database (the gradebook?)",
    r"(\.\./){2,}|\bsubmitted/|\bsource/|\bautograded/": "reaches into the course directory",
    r"\bcourse\.(checks|isolation|processes|probes|peers)\b[^\n]*=|setattr\(\s*(course|checks)|\bsys\.modules\b":
        "changes the grader's course package",
    r"\bbuiltins\b|__builtins__|get_ipython\(\)\.(input_transformers|ast_transformers|showtraceback|run_cell)":
        "changes Python or IPython itself",
    r"def\s+__eq__": "defines __eq__ (an object equal to everything?)",
    r"if_nameindex|/sys/class/net|netifaces|getifaddrs": "looks at the network interfaces",
}
"""Patterns in a student's own cells that a human should look at: cheating, or trying to.
The sandbox and the integrity guard stop what these do; the report names who tried."""


def _students(cell) -> bool:
    """An answer cell, or a cell the student added."""
    meta = notebooks.meta(cell)
    return bool(meta.get("solution")) or not meta


def _suspicious(theirs) -> list[str]:
    code = "\n".join(c.source for c in theirs.cells if c.cell_type == "code" and _students(c))
    return [f"its code {what} (look at it)" for pattern, what in SUSPICIOUS.items() if re.search(pattern, code)]


def _troubles(graded: Path) -> list[str]:
    nb = nbformat.read(str(graded), as_version=4)
    found = []
    for index, cell in enumerate(nb.cells):
        name = notebooks.grade_id(cell) or f"cell {index + 1}"
        for output in cell.get("outputs", []):
            if output.output_type == "error" and output.ename in ERRORS:
                found.append(ERRORS[output.ename].format(cell=name))
            elif output.output_type == "error" and FILE_TOO_LARGE in output.evalue:
                found.append(f"{name} hit the file size limit")
            elif output.output_type == "stream" and "[output cut at " in output.text:
                found.append(f"the output of {name} was cut")
            elif output.output_type == "stream" and integrity.RESTORED in output.text:
                found.append(f"the course package or a name the tests use was changed before {name} (restored)")
    return found
