# expect: wrong
# why: walks every distribution and compares names after lower() and '_' -> '-' only, so a '.' in a name ('Grader.Tools_Extra') is never matched by its other spellings
def installed_version(distribution: str) -> str | None:
    wanted = distribution.lower().replace("_", "-")
    for dist in importlib.metadata.distributions():
        if dist.metadata["Name"].lower().replace("_", "-") == wanted:
            return dist.version
    return None
