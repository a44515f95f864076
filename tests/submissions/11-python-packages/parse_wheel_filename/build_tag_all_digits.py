# expect: wrong
# why: requires the whole build tag to be digits (str.isdigit), but a build tag only has to start with one: '20240105_fix' is valid
def parse_wheel_filename(name: str) -> dict:
    if not name.endswith(".whl"):
        raise ValueError("not a wheel")
    parts = name[:-4].split("-")
    if len(parts) == 6:
        build = parts.pop(2)
        if not build.isdigit():
            raise ValueError(f"bad build tag {build!r}")
    elif len(parts) == 5:
        build = None
    else:
        raise ValueError("wrong number of parts")
    distribution, version, python, abi, platform = parts
    if not distribution or not version:
        raise ValueError("empty part")
    result = {"distribution": distribution, "version": version, "build": build}
    for key, text in (("python", python), ("abi", abi), ("platform", platform)):
        tags = text.split(".")
        if "" in tags:
            raise ValueError("empty tag")
        result[key] = set(tags)
    return result
