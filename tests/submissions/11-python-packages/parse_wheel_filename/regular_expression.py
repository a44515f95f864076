# expect: correct
# why: matches the whole name against one regular expression with an optional build-tag group, then splits each tag set on '.'
import re

WHEEL_NAME = re.compile(
    r"(?P<distribution>[^-]+)-(?P<version>[^-]+)(?:-(?P<build>[0-9][^-]*))?"
    r"-(?P<python>[^-]+)-(?P<abi>[^-]+)-(?P<platform>[^-]+)\.whl"
)


def parse_wheel_filename(name: str) -> dict:
    match = WHEEL_NAME.fullmatch(name)
    if match is None:
        raise ValueError(f"not a wheel file name: {name!r}")
    parts = match.groupdict()
    for key in ("python", "abi", "platform"):
        tags = parts[key].split(".")
        if not all(tags):
            raise ValueError(f"empty tag in {name!r}")
        parts[key] = set(tags)
    return parts
