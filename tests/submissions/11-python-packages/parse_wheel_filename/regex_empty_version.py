# expect: wrong
# why: its regular expression lets the version be empty ('[^-]*' where '[^-]+' was meant), so 'demo--py3-none-any.whl' is accepted
import re

WHEEL_NAME = re.compile(r"([^-]+)-([^-]*)(?:-([0-9][^-]*))?-([^-]+)-([^-]+)-([^-]+)\.whl")


def parse_wheel_filename(name: str) -> dict:
    match = WHEEL_NAME.fullmatch(name)
    if not match:
        raise ValueError(f"not a wheel file name: {name!r}")
    distribution, version, build, python, abi, platform = match.groups()
    result = {"distribution": distribution, "version": version, "build": build}
    for key, text in (("python", python), ("abi", abi), ("platform", platform)):
        if "" in text.split("."):
            raise ValueError(f"empty tag in {name!r}")
        result[key] = set(text.split("."))
    return result
