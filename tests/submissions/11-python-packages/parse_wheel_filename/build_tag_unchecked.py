# expect: wrong
# why: accepts any sixth part as the build tag, even one that does not start with a digit
def parse_wheel_filename(name: str) -> dict:
    if not name.endswith(".whl"):
        raise ValueError("not a wheel")
    parts = name[:-4].split("-")
    if len(parts) not in (5, 6) or "" in parts:
        raise ValueError("wrong number of parts")
    build = parts.pop(2) if len(parts) == 6 else None
    distribution, version, python, abi, platform = parts
    return {"distribution": distribution, "version": version, "build": build,
            "python": set(python.split(".")), "abi": set(abi.split(".")),
            "platform": set(platform.split("."))}
