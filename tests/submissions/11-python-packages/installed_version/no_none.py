# expect: wrong
# why: lets PackageNotFoundError escape instead of returning None for a distribution that is not installed
def installed_version(distribution: str) -> str | None:
    return importlib.metadata.version(distribution)
