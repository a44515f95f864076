# expect: correct
# why: takes the three tag sets from the right, then what is left is distribution, version and maybe a build tag
def parse_wheel_filename(name: str) -> dict:
    stem, dot, extension = name.rpartition(".")
    if not dot or extension != "whl":
        raise ValueError(f"{name!r} does not end in .whl")
    parts = stem.split("-")
    if not 5 <= len(parts) <= 6 or any(part == "" for part in parts):
        raise ValueError(f"{name!r} does not have 5 or 6 non-empty parts")
    platform, abi, python = parts.pop(), parts.pop(), parts.pop()
    build = parts.pop() if len(parts) == 3 else None
    if build is not None and not build[0] in "0123456789":
        raise ValueError(f"{name!r}: build tag {build!r} must start with a digit")
    distribution, version = parts
    result = {"distribution": distribution, "version": version, "build": build}
    for key, text in (("python", python), ("abi", abi), ("platform", platform)):
        if "" in text.split("."):
            raise ValueError(f"{name!r}: empty tag")
        result[key] = set(text.split("."))
    return result
