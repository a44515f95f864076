# expect: wrong
# why: first checks that a module of that name can be imported (importlib.util.find_spec), mixing up the distribution's name with a module's: 'charset-normalizer' is no module name
import importlib.util


def installed_version(distribution: str) -> str | None:
    if importlib.util.find_spec(distribution) is None:
        return None
    return importlib.metadata.version(distribution)
