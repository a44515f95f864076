# expect: wrong
# why: checks the extension, then removes it with str.rstrip('.whl'), which strips any trailing '.', 'w', 'h' and 'l' characters: a platform tag like 'linux_armv7l' loses its last letter
def parse_wheel_filename(name: str) -> dict:
    if not name.endswith(".whl"):
        raise ValueError("not a wheel")
    parts = name.rstrip(".whl").split("-")
    if len(parts) not in (5, 6) or "" in parts:
        raise ValueError("wrong number of parts")
    build = parts.pop(2) if len(parts) == 6 else None
    if build is not None and build[0] not in "0123456789":
        raise ValueError("the build tag must start with a digit")
    distribution, version, python, abi, platform = parts
    tags = {key: set(text.split(".")) for key, text in (("python", python), ("abi", abi), ("platform", platform))}
    if any("" in found for found in tags.values()):
        raise ValueError("empty tag")
    return {"distribution": distribution, "version": version, "build": build, **tags}
