"""The README tells the truth: its course map lists every notebook in order, links the
student's release notebook and a Binder launch of it, all from the one place that names
the repository."""

import subprocess

from conftest import ROOT
from course import coursemap
from course.grading import runner


def test_the_course_map_is_what_course_readme_writes():
    readme = (ROOT / "README.md").read_text()
    assert coursemap.rewrite(readme, ROOT) == readme, "README.md's course map is out of date: run `course readme`"


def test_every_notebook_has_a_row_with_its_release_and_a_binder_link_that_opens_it():
    section = coursemap.section(ROOT)
    slug = coursemap.repository(ROOT)
    for name in runner.assignments(ROOT):
        assert (ROOT / "release" / name / f"{name}.ipynb").exists()
        row = next(line for line in section.splitlines() if f"[{name}](release/{name}/{name}.ipynb)" in line)
        assert f"https://mybinder.org/v2/gh/{slug}/main?urlpath=lab/tree/release/{name}/{name}.ipynb" in row
    assert "OWNER" not in section


def test_the_repository_is_named_in_one_place():
    slug = coursemap.repository(ROOT)
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    naming = sorted(name for name in tracked if name != "README.md"
                    and slug in (ROOT / name).read_text(errors="ignore"))
    assert naming == ["pyproject.toml"], naming
