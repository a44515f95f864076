"""`make demo`: the release is built and the bundled sample class graded in a scratch
course, with the grade table the class's descriptions promise."""

import re

from conftest import ROOT, SUBMISSIONS
from course.cli import main
from course.grading import samples


def gradebook_state():
    path = ROOT / "gradebook.db"
    return path.stat().st_mtime_ns if path.exists() else None


def test_demo_prints_the_expected_grade_table(capsys, tmp_path):
    instructors_gradebook = gradebook_state()
    assert main(["--course-dir", str(ROOT), "demo", "--workers", "4", "--keep", str(tmp_path / "demo")]) == 0
    out = capsys.readouterr().out
    table = out[out.index("student "):].splitlines()
    header = table[0].split()
    rows = {line.split()[0]: line.split() for line in table[2:] if line.strip() and not line.startswith("The scratch")}
    assert set(rows) == set(samples.sample_class(SUBMISSIONS))
    total = header.index("total")

    def points(student):
        got, possible = rows[student][total].split("/")
        return float(got), float(possible)

    for complete in ("ada", "dana"):
        got, possible = points(complete)
        assert got == possible > 0, f"{complete} should have full marks: {rows[complete]}"
    for partial in ("brian", "chen"):
        got, possible = points(partial)
        assert 0 < got < possible, f"{partial} should have some points, not all: {rows[partial]}"
    assert gradebook_state() == instructors_gradebook, "the demo must not touch the instructor's gradebook"
    assert (tmp_path / "demo" / "gradebook.db").exists()
    assert re.search(r"graded on \d+ notebooks in \d+ s", out)


def test_the_sample_class_names_only_snippets_that_exist():
    for student, spec in samples.sample_class(SUBMISSIONS).items():
        assert spec.get("default", samples.REFERENCE) in (samples.REFERENCE, samples.BLANK), student
        for notebook, chosen in spec.get("answers", {}).items():
            assert (ROOT / "source" / notebook).is_dir(), f"{student}: no notebook {notebook}"
            assert set(samples.answers_of(SUBMISSIONS, notebook, chosen)) == set(chosen)
