# expect: wrong
# why: reads every installed distribution once, when the cell runs, into a dict (as pkg_resources does), so a distribution that appears later is never found
import re

_VERSIONS = {re.sub(r"[-_.]+", "-", dist.metadata["Name"]).lower(): dist.version
             for dist in importlib.metadata.distributions()}


def installed_version(distribution: str) -> str | None:
    return _VERSIONS.get(re.sub(r"[-_.]+", "-", distribution).lower())
