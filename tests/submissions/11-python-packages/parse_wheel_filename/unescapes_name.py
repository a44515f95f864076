# expect: wrong
# why: turns the escaped '_' of the distribution back into '-', but the contract keeps the name as written in the file name
def parse_wheel_filename(name: str) -> dict:
    if not name.endswith(".whl"):
        raise ValueError("not a wheel")
    parts = name[:-4].split("-")
    if len(parts) not in (5, 6) or "" in parts:
        raise ValueError("wrong number of parts")
    build = parts.pop(2) if len(parts) == 6 else None
    if build is not None and not build[0].isdigit():
        raise ValueError("bad build tag")
    distribution, version, python, abi, platform = parts
    tags = [set(part.split(".")) for part in (python, abi, platform)]
    if any("" in t for t in tags):
        raise ValueError("empty tag")
    return {"distribution": distribution.replace("_", "-"), "version": version, "build": build,
            "python": tags[0], "abi": tags[1], "platform": tags[2]}
