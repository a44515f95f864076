# expect: wrong
# why: imports a module of that name and reads its __version__: a distribution's name is not a module's, and many modules have no __version__
def installed_version(distribution: str) -> str | None:
    try:
        module = __import__(distribution)
    except ImportError:
        return None
    return getattr(module, "__version__", None)
