# expect: correct
# why: walks importlib.metadata.distributions() itself and compares names normalized as the Package Index does (runs of '-', '_', '.' are one '-', case ignored)
import re


def _normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def installed_version(distribution: str) -> str | None:
    wanted = _normalized(distribution)
    return next((dist.version for dist in importlib.metadata.distributions()
                 if _normalized(dist.metadata["Name"]) == wanted), None)
