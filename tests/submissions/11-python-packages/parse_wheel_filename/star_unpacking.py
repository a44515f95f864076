# expect: correct
# why: unpacks the parts with a starred name for the optional build tag (distribution, version, *build, python, abi, platform) and validates with one list of problems
def parse_wheel_filename(name: str) -> dict:
    stem = name.removesuffix(".whl")
    if stem == name:
        raise ValueError(f"{name!r} does not end in .whl")
    try:
        distribution, version, *build, python, abi, platform = stem.split("-")
    except ValueError:
        raise ValueError(f"{name!r} has fewer than 5 parts") from None
    problems = []
    if len(build) > 1:
        problems.append("more than 6 parts")
    first = build[0][:1] if build else "0"
    if not (first.isascii() and first.isdigit()):
        problems.append("a build tag that does not start with a digit")
    tag_sets = {"python": python.split("."), "abi": abi.split("."), "platform": platform.split(".")}
    if not distribution or not version or any("" in tags for tags in tag_sets.values()):
        problems.append("an empty part or tag")
    if problems:
        raise ValueError(f"{name!r} is not a wheel file name: " + ", ".join(problems))
    return {"distribution": distribution, "version": version, "build": build[0] if build else None,
            **{key: set(tags) for key, tags in tag_sets.items()}}
