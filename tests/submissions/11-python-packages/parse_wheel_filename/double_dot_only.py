# expect: wrong
# why: looks for an empty tag only as '..' inside a tag set, so a tag set that starts or ends with '.' ('py3.') still gives an empty tag
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
    for text in (python, abi, platform):
        if ".." in text:
            raise ValueError("empty tag")
    return {"distribution": distribution, "version": version, "build": build,
            "python": set(python.split(".")), "abi": set(abi.split(".")),
            "platform": set(platform.split("."))}
