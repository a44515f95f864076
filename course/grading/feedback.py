"""Feedback that never carries a secret.

``nbgrader generate_feedback`` writes an HTML page per student from the autograded
notebook. The course's configuration clears hidden tests from it, and tracebacks show only
the exception line; but a submission's own output could still hold hidden-test text (code
that read it somewhere and printed it). Every page is checked against the hidden tests'
lines of the source notebooks; a page that holds one is withheld (deleted) and reported.
"""

import html
import re
from pathlib import Path

from course.grading import job, notebooks

SHORTEST_SECRET = 16
"""Hidden-test lines shorter than this (``)``, ``else:``) say nothing and are not looked for."""


def hidden_lines(source_nb, release_nb) -> set[str]:
    """The lines of the hidden parts of the test cells of a source notebook that the
    student's version (``release_nb``) does not show anyway."""
    found = set()
    for cell in source_nb.cells:
        if not notebooks.is_test(cell):
            continue
        for block in re.findall(r"### BEGIN HIDDEN TESTS\n(.*?)### END HIDDEN TESTS", cell.source, re.S):
            found |= {line.strip() for line in block.splitlines() if len(line.strip()) >= SHORTEST_SECRET}
    shown = {line.strip() for cell in release_nb.cells for line in cell.source.splitlines()}
    return found - shown


def leaked(page: str, secrets: set[str]) -> list[str]:
    """The secrets that the text of an HTML page shows."""
    text = html.unescape(re.sub(r"<[^>]+>", "", page))
    return sorted(secret for secret in secrets if secret in text)


def generate(course_dir: Path, assignments: list[str], students: list[str] | None = None) -> tuple[list[Path], list[str]]:
    """Generate feedback for the autograded submissions; return the pages written and, for
    each page withheld, why."""
    api = job.nbgrader_api(course_dir)
    written, withheld = [], []
    for assignment in assignments:
        secrets = set()
        for source in sorted((course_dir / "source" / assignment).glob("*.ipynb")):
            secrets |= hidden_lines(notebooks.read(source), notebooks.read(course_dir / "release" / assignment / source.name))
        for student in students or sorted(p.parent.name for p in (course_dir / "autograded").glob(f"*/{assignment}")):
            result = api.generate_feedback(assignment, student)
            if not result["success"]:
                withheld.append(f"{student}/{assignment}: no feedback: {job.last_error(result)}")
                continue
            for page in sorted((course_dir / "feedback" / student / assignment).glob("*.html")):
                shown = leaked(page.read_text(), secrets)
                if shown:
                    page.unlink()
                    withheld.append(f"{student}/{assignment}: {page.name} withheld: it shows hidden-test "
                                    f"text ({shown[0]!r}{' and more' if len(shown) > 1 else ''})")
                else:
                    written.append(page)
    return written, withheld
