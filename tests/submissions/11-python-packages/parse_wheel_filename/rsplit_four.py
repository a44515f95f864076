# expect: wrong
# why: splits from the right with rsplit('-', 4), so a build tag ends up as the version and the version inside the distribution, and too many parts are never noticed
def parse_wheel_filename(name: str) -> dict:
    if not name.endswith(".whl"):
        raise ValueError("not a wheel")
    pieces = name.removesuffix(".whl").rsplit("-", 4)
    if len(pieces) != 5 or "" in pieces:
        raise ValueError("not enough parts")
    distribution, version, python, abi, platform = pieces
    return {"distribution": distribution, "version": version, "build": None,
            "python": set(python.split(".")), "abi": set(abi.split(".")),
            "platform": set(platform.split("."))}
