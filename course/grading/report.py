"""Scores out of the gradebook, and the grade table printed for a class."""

from pathlib import Path

from nbgrader.api import Gradebook, MissingEntry


def cell_scores(course_dir: Path, assignment: str, student: str) -> dict[str, tuple[float, float]] | None:
    """grade_id -> (score, max score) of one student's autograded submission (a grade of
    an assignment with several notebooks is named ``notebook/grade_id``); None if there is
    none."""
    with Gradebook(f"sqlite:///{course_dir / 'gradebook.db'}") as gradebook:
        try:
            submission = gradebook.find_submission(assignment, student)
        except MissingEntry:
            return None
        several = len(submission.notebooks) > 1
        return {(f"{notebook.name}/{grade.name}" if several else grade.name): (grade.score, grade.max_score)
                for notebook in submission.notebooks for grade in notebook.grades}


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


REPORTS = "reports"


def unsandboxed_warning(reason: str) -> str:
    return (f"GRADED UNSANDBOXED ({reason}): the students' code could read and change everything "
            "the grader can, hidden tests and the gradebook included.")


def write(course_dir: Path, results: dict, started: float, unsandboxed: str | None = None) -> Path:
    """Write the report of a grading run into reports/<timestamp>/ and return the folder:
    ``scores.csv`` and ``scores.json`` (student x graded cell, with totals), ``pass_rates.csv``
    (per graded cell, the share of students with full points), ``totals.png`` (a histogram
    of the totals) and ``attention.txt`` (what needs a look; nothing is a silent zero; its
    first line is ``unsandboxed``, the warning that grading ran without the sandbox)."""
    import csv
    import datetime
    import json

    from course.grading import attention

    stamp = datetime.datetime.fromtimestamp(started).strftime("%Y-%m-%dT%H-%M-%S")
    folder = course_dir / REPORTS / stamp
    folder.mkdir(parents=True, exist_ok=True)
    rows, cells, notes = {}, [], {}
    for (assignment, student), result in sorted(results.items(), key=lambda item: (item[0][1], item[0][0])):
        scores = cell_scores(course_dir, assignment, student) or {}
        for cell in scores:
            if (assignment, cell) not in cells:
                cells.append((assignment, cell))
        rows.setdefault(student, {}).update({(assignment, cell): value for cell, value in scores.items()})
        found = attention.findings(course_dir, assignment, student, result)
        if found:
            notes.setdefault(student, []).extend(f"{assignment}: {item}" for item in found)
    header = ["student"] + [f"{a}/{c}" for a, c in cells] + ["total", "possible"]
    table = []
    for student, scores in rows.items():
        got = [scores.get(key, (0.0, 0.0))[0] for key in cells]
        table.append([student, *got, sum(got), sum(top for _, top in scores.values())])
    with open(folder / "scores.csv", "w", newline="") as file:
        csv.writer(file).writerows([header, *table])
    with open(folder / "pass_rates.csv", "w", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(["assignment", "cell", "students", "full_points", "pass_rate"])
        for key in cells:
            graded = [scores[key] for scores in rows.values() if key in scores]
            full = sum(1 for got, top in graded if got == top)
            writer.writerow([*key, len(graded), full, f"{full / len(graded):.3f}" if graded else ""])
    (folder / "scores.json").write_text(json.dumps({
        "students": {row[0]: {"cells": dict(zip(header[1:-2], row[1:-2])), "total": row[-2], "possible": row[-1],
                              "attention": notes.get(row[0], [])} for row in table},
        "not_graded": sorted(f"{s}/{a}" for (a, s), r in results.items() if not r.success),
        "sandboxed": unsandboxed is None,
    }, indent=1))
    lines = [unsandboxed] if unsandboxed else []
    lines += [f"{student}: {item}" for student in sorted(notes) for item in notes[student]]
    (folder / "attention.txt").write_text(NOTHING)
    add_attention(folder, lines)
    _histogram(folder / "totals.png", [row[-2] for row in table], max((row[-1] for row in table), default=0))
    return folder


NOTHING = "nothing needs attention\n"


def add_attention(folder: Path, lines: list[str]) -> None:
    """Add lines to the attention list of the report in ``folder``."""
    path = folder / "attention.txt"
    kept = [] if path.read_text() == NOTHING else path.read_text().splitlines()
    if kept or lines:
        path.write_text("".join(f"{line}\n" for line in kept + lines))


def latest(course_dir: Path) -> Path | None:
    """The folder of the last report, if any."""
    folders = sorted(p for p in (course_dir / REPORTS).glob("*") if p.is_dir())
    return folders[-1] if folders else None


def _histogram(path: Path, totals: list[float], possible: float) -> None:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    figure, axes = pyplot.subplots(figsize=(6, 3.5))
    axes.hist(totals, bins=min(20, max(1, len(set(totals)))), range=(0, possible or 1), color="#4477aa")
    axes.set_xlabel(f"total points (of {possible:g})")
    axes.set_ylabel("students")
    axes.set_title(f"Totals of {len(totals)} students")
    figure.tight_layout()
    figure.savefig(path, dpi=100)
    pyplot.close(figure)
