# expect: wrong
# why: returns the tag parts as they are written ('py2.py3') instead of sets of tags
def parse_wheel_filename(name: str) -> dict:
    if not name.endswith(".whl"):
        raise ValueError("not a wheel")
    parts = name[:-4].split("-")
    if len(parts) == 6:
        if not parts[2][:1].isdigit():
            raise ValueError("bad build tag")
        build = parts.pop(2)
    elif len(parts) == 5:
        build = None
    else:
        raise ValueError("wrong number of parts")
    distribution, version, python, abi, platform = parts
    if "" in parts:
        raise ValueError("empty part")
    return {"distribution": distribution, "version": version, "build": build,
            "python": python, "abi": abi, "platform": platform}
