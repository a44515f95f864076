# expect: wrong
# why: returns the version parsed into a packaging Version object, not the str the contract asks for (it prints the same, but compares differently)
def installed_version(distribution: str) -> str | None:
    from packaging.version import Version
    try:
        return Version(importlib.metadata.version(distribution))
    except importlib.metadata.PackageNotFoundError:
        return None
