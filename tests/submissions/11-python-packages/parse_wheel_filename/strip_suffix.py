# expect: wrong
# why: removes the extension with str.strip('.whl'), which strips those characters from both ends ('wheel-...' loses its 'whe'), and never checks the extension
def parse_wheel_filename(name: str) -> dict:
    parts = name.strip(".whl").split("-")
    if len(parts) == 6:
        distribution, version, build, python, abi, platform = parts
        if not build[0].isdigit():
            raise ValueError("bad build tag")
    elif len(parts) == 5:
        distribution, version, python, abi, platform = parts
        build = None
    else:
        raise ValueError("wrong number of parts")
    return {"distribution": distribution, "version": version, "build": build,
            "python": set(python.split(".")), "abi": set(abi.split(".")),
            "platform": set(platform.split("."))}
