"""The README's course map: one row per notebook, in order, with what it teaches, a link to
the student's release notebook in the repository, and a Binder link that opens it.

The repository's address is written in one place, ``[project.urls] Repository`` in
pyproject.toml; ``course readme`` rewrites the map (and the Binder badge) from it, so a
fork changes that line and runs the command.
"""

import re
import tomllib
import urllib.parse
from pathlib import Path

from course.grading import notebooks, runner

BEGIN = "<!-- course map: written by `course readme` from pyproject.toml and source/ -->"
END = "<!-- end of course map -->"
BINDER = "https://mybinder.org/v2/gh/{slug}/{branch}"
BRANCH = "main"


def repository(course_dir: Path) -> str:
    """``owner/name`` of the repository on GitHub, from pyproject.toml."""
    project = tomllib.loads((course_dir / "pyproject.toml").read_text())["project"]
    url = project.get("urls", {}).get("Repository", "")
    found = re.fullmatch(r"https://github\.com/([\w.-]+/[\w.-]+?)(?:\.git)?/?", url)
    if not found:
        raise notebooks.NotebookError(
            f"pyproject.toml: [project.urls] Repository must be https://github.com/OWNER/NAME, not {url!r}")
    return found.group(1)


def title(nb) -> str:
    """What a notebook teaches: its first heading, without the number."""
    first = nb.cells[0].source.splitlines()[0] if nb.cells else ""
    return re.sub(r"^#+\s*\d+\s*·\s*", "", first).strip()


def section(course_dir: Path) -> str:
    """The badge and the course map, between their markers."""
    binder = BINDER.format(slug=repository(course_dir), branch=BRANCH)
    lines = [BEGIN,
             f"[![Binder](https://mybinder.org/badge_logo.svg)]({binder}?urlpath=lab/tree/release)",
             "",
             "| # | notebook | what it teaches | open |",
             "| --- | --- | --- | --- |"]
    for name in runner.assignments(course_dir):
        path = f"release/{name}/{name}.ipynb"
        nb = notebooks.read(course_dir / "source" / name / f"{name}.ipynb")
        number = name.split("-", 1)[0]
        launch = f"{binder}?urlpath={urllib.parse.quote(f'lab/tree/{path}')}"
        lines.append(f"| {number} | [{name}]({path}) | {title(nb)} | [Binder]({launch}) |")
    lines.append(END)
    return "\n".join(lines)


def rewrite(readme: str, course_dir: Path) -> str:
    """``readme`` with its course map section replaced by the current one."""
    start, end = readme.find(BEGIN), readme.find(END)
    if start < 0 or end < start:
        raise notebooks.NotebookError(f"README.md has no course map section ({BEGIN} ... {END})")
    return readme[:start] + section(course_dir) + readme[end + len(END):]
