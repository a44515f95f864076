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


def test_environment_yml_installs_the_course_package_and_python_311():
    text = (ROOT / "environment.yml").read_text()
    assert re.search(r"^\s*- python=3\.11\s*$", text, re.M)
    assert re.search(r"^\s*- -e \.\s*$", text, re.M)
