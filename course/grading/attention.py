"""What an instructor should look at after grading: nothing is a silent zero.

For each graded submission, in words: it could not be graded (and why), its kernel died or
ignored the interrupt and was restarted, cells timed out or were not run, output was cut,
test cells were edited or deleted (nbgrader restored them), notebooks were missing, and
programs it left running were killed.
"""

from pathlib import Path

import nbformat

from course.grading import notebooks

ERRORS = {
    "DeadKernelError": "the kernel died in {cell} and was restarted",
    "KernelWedged": "{cell} ignored the interrupt; the kernel was restarted",
    "CellTimeoutError": "{cell} ran out of time",
    "NotRun": "{cell} was not run: earlier cells kept killing the kernel",
}


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
        found += [f"{expected.name}: {item}" for item in _tampering(expected, submitted / expected.name)]
        if (autograded / expected.name).exists():
            found += [f"{expected.name}: {item}" for item in _troubles(autograded / expected.name)]
    return found


def _tampering(released: Path, handed_in: Path) -> list[str]:
    """Test cells the student edited or deleted (autograde grades nbgrader's copies)."""
    try:
        theirs = nbformat.read(str(handed_in), as_version=4)
    except Exception as error:
        return [f"not a readable notebook ({type(error).__name__})"]
    ours = nbformat.read(str(released), as_version=4)
    tests = {notebooks.grade_id(c): c.source for c in ours.cells if notebooks.is_test(c)}
    kept = {notebooks.grade_id(c): c.source for c in theirs.cells if notebooks.grade_id(c) in tests}
    found = [f"test cell {grade_id} was deleted (restored and graded)" for grade_id in tests if grade_id not in kept]
    found += [f"test cell {grade_id} was edited (restored and graded)" for grade_id, source in kept.items()
              if source != tests[grade_id]]
    return found


def _troubles(graded: Path) -> list[str]:
    nb = nbformat.read(str(graded), as_version=4)
    found = []
    for index, cell in enumerate(nb.cells):
        name = notebooks.grade_id(cell) or f"cell {index + 1}"
        for output in cell.get("outputs", []):
            if output.output_type == "error" and output.ename in ERRORS:
                found.append(ERRORS[output.ename].format(cell=name))
            elif output.output_type == "stream" and "[output cut at " in output.text:
                found.append(f"the output of {name} was cut")
    return found
