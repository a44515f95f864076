"""Scores out of the gradebook, and the grade table printed for a class."""

from pathlib import Path

from nbgrader.api import Gradebook, MissingEntry


def cell_scores(course_dir: Path, assignment: str, student: str) -> dict[str, tuple[float, float]] | None:
    """grade_id -> (score, max score) of one student's autograded notebook (each
    assignment holds one notebook of the same name); None if there is none."""
    with Gradebook(f"sqlite:///{course_dir / 'gradebook.db'}") as gradebook:
        try:
            notebook = gradebook.find_submission_notebook(assignment, assignment, student)
        except MissingEntry:
            return None
        return {grade.name: (grade.score, grade.max_score) for grade in notebook.grades}


def table(course_dir: Path, assignments: list[str], students: list[str], notes: dict[str, str]) -> str:
    """A plain-text table: a row per student, a column per assignment, a total, and a note
    (why a submission could not be graded, or what it left running)."""
    header = ["student", *assignments, "total", "note"]
    rows = [header]
    for student in students:
        row, total, possible = [student], 0.0, 0.0
        for assignment in assignments:
            scores = cell_scores(course_dir, assignment, student) or {}
            got = sum(score for score, _ in scores.values())
            out_of = sum(top for _, top in scores.values())
            total, possible = total + got, possible + out_of
            row.append(f"{got:g}/{out_of:g}" if scores else "-")
        row += [f"{total:g}/{possible:g}", notes.get(student, "")]
        rows.append(row)
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)
