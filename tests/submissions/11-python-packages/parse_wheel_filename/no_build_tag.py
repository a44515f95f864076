# expect: wrong
# why: unpacks exactly five parts, so a valid name with a build tag raises ValueError (too many values to unpack)
def parse_wheel_filename(name: str) -> dict:
    if not name.endswith(".whl"):
        raise ValueError("not a wheel")
    distribution, version, python, abi, platform = name[:-4].split("-")
    if "" in (distribution, version, python, abi, platform):
        raise ValueError("empty part")
    return {"distribution": distribution, "version": version, "build": None,
            "python": set(python.split(".")), "abi": set(abi.split(".")),
            "platform": set(platform.split("."))}
