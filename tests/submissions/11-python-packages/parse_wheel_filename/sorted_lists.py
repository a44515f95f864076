# expect: wrong
# why: returns each tag set as a sorted list, the right tags but not the set the contract asks for
def parse_wheel_filename(name: str) -> dict:
    if not name.endswith(".whl"):
        raise ValueError("not a wheel")
    parts = name[:-4].split("-")
    if len(parts) not in (5, 6) or "" in parts:
        raise ValueError("wrong number of parts")
    build = parts.pop(2) if len(parts) == 6 else None
    if build is not None and build[0] not in "0123456789":
        raise ValueError("the build tag must start with a digit")
    distribution, version, python, abi, platform = parts
    result = {"distribution": distribution, "version": version, "build": build}
    for key, text in (("python", python), ("abi", abi), ("platform", platform)):
        tags = text.split(".")
        if "" in tags:
            raise ValueError("empty tag")
        result[key] = sorted(tags)
    return result
