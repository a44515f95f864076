"""The two ways to install the course name the same versions."""

import re

from conftest import ROOT


def pins(text: str) -> dict[str, str]:
    return {name.lower().replace("_", "-"): version
            for name, version in re.findall(r"^[\s-]*([A-Za-z0-9_.-]+)==([^\s#]+)", text, re.M)}


def test_environment_yml_pins_what_requirements_txt_pins():
    required = pins((ROOT / "requirements.txt").read_text())
    conda = pins((ROOT / "environment.yml").read_text())
    assert required, "requirements.txt pins nothing"
    assert conda == required


def test_environment_yml_uses_python_311_and_no_file_of_the_repository():
    """repo2docker installs environment.yml before it copies the repository in: a local
    path there (``-e .``) breaks the Binder build."""
    text = (ROOT / "environment.yml").read_text()
    assert re.search(r"^\s*- python=3\.11\s*$", text, re.M)
    assert not re.search(r"^\s*- (-e |\.)", text, re.M)


def test_binder_installs_the_course_and_starts_the_student_setup():
    post_build = (ROOT / "postBuild").read_text()
    assert post_build.startswith("#!/bin/bash") and "set -euo pipefail" in post_build
    assert re.search(r"^python -m pip install --no-deps -e \.$", post_build, re.M)
    start = (ROOT / "start").read_text()
    assert 'export JUPYTER_CONFIG_DIR="$here/student"' in start and start.rstrip().endswith('exec "$@"')
    assert not (ROOT / "binder").exists(), "a binder/ folder would make repo2docker ignore the files at the root"
