"""Notebook 11 (Python packages): a distribution that only ``importlib.metadata`` can see,
and the ``packaging`` library's reading of wheel file names as a second opinion.

``WithDistributions(fn, {"name": "version"})(name)`` calls ``fn(name)`` in the child
process while a finder on ``sys.meta_path`` offers made-up distributions. Python's
``importlib.metadata`` asks every finder on ``sys.meta_path`` for distributions
(``find_distributions``), so it finds them; ``pkg_resources``, ``pip show`` in a subprocess
and ``module.__version__`` cannot, since nothing is on disk and there is no module to
import. A function that answers with their versions therefore used ``importlib.metadata``.
"""

import importlib.abc
import importlib.metadata
import pathlib
import re

from course import checks


def normalized(name: str) -> str:
    """A distribution name compared as the Python Package Index compares them (PEP 503):
    case, ``-``, ``_`` and ``.`` do not matter."""
    return re.sub(r"[-_.]+", "-", name).lower()


class _MadeUpDistribution(importlib.metadata.Distribution):
    def __init__(self, name: str, version: str):
        self._text = f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n"

    def read_text(self, filename):
        return self._text if filename in ("METADATA", "PKG-INFO") else None

    def locate_file(self, path):
        return pathlib.Path("/nonexistent") / str(path)


class _Finder(importlib.abc.MetaPathFinder):
    """Finds no module; offers the made-up distributions to ``importlib.metadata``."""

    def __init__(self, versions: dict[str, str]):
        self.versions = versions

    def find_spec(self, fullname, path=None, target=None):
        return None

    def find_distributions(self, context=importlib.metadata.DistributionFinder.Context()):
        wanted = getattr(context, "name", None)
        for name, version in self.versions.items():
            if wanted is None or normalized(wanted) == normalized(name):
                yield _MadeUpDistribution(name, version)


class WithDistributions:
    """A probe: ``WithDistributions(fn, versions)(*args)`` calls ``fn(*args)`` in the child
    while the distributions ``versions`` (name → version) are visible to
    ``importlib.metadata`` only. Messages name it as ``fn``."""

    def __init__(self, fn, versions: dict[str, str]):
        self.fn = fn
        self.versions = dict(versions)
        self.__name__ = getattr(fn, "__name__", "the function")

    def __call__(self, *args):
        import sys
        sys.meta_path.insert(0, _Finder(self.versions))
        return self.fn(*args)


def packaging_reading(name: str):
    """What the ``packaging`` library (which pip vendors) makes of a wheel file name:
    ``(build tag or None, set of (python, abi, platform) tags)``, or None when
    ``packaging`` is not installed. The distribution and version are left out: packaging
    normalizes them, while the task keeps them as written."""
    try:
        from packaging.utils import parse_wheel_filename
    except ImportError:
        return None
    _, _, build, tags = parse_wheel_filename(name)
    build_text = None if not build else f"{build[0]}{build[1]}"
    return build_text, {(tag.interpreter, tag.abi, tag.platform) for tag in tags}


def expect_same_as_packaging(parts, name: str) -> None:
    """Fail unless the tag sets (and build tag) in ``parts`` describe the same tags as
    the ``packaging`` library reads in ``name``. Does nothing without ``packaging``."""
    reading = packaging_reading(name)
    if reading is None or not isinstance(parts, dict):
        return
    build, tags = reading
    try:
        mine = {(p, a, s) for p in parts["python"] for a in parts["abi"] for s in parts["platform"]}
    except (KeyError, TypeError):
        mine = None
    checks.that(mine is not None, f"parse_wheel_filename({name!r}) gave {checks.short(parts)}: the keys "
                                  "'python', 'abi' and 'platform' must hold sets of tags")
    checks.that(mine == tags,
                f"parse_wheel_filename({name!r}): the tags it gives ({sorted(mine or ())}) are not those "
                f"that the packaging library (used by pip) reads in the name: {sorted(tags)}")
    checks.that(parts.get("build") == build,
                f"parse_wheel_filename({name!r}): build tag {parts.get('build')!r}, but the packaging "
                f"library reads {build!r}")
