# expect: wrong
# why: normalizes names correctly but accepts a distribution whose name merely contains the one asked for, so "grader-wid" finds "grader-widget"
import re


def installed_version(distribution: str) -> str | None:
    def normalize(name):
        return re.sub(r"[-_.]+", "-", name).lower()

    for dist in importlib.metadata.distributions():
        if normalize(distribution) in normalize(dist.metadata["Name"]):
            return dist.version
    return None
