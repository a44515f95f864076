# expect: correct
# why: asks importlib.metadata for the Distribution object and reads its version; catches the error as ImportError, of which PackageNotFoundError is a subclass
from importlib.metadata import distribution as find_distribution


def installed_version(distribution: str) -> str | None:
    try:
        found = find_distribution(distribution)
    except ImportError:
        return None
    return found.version
