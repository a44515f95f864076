# expect: wrong
# why: asks the deprecated pkg_resources (setuptools) instead of importlib.metadata; it scans sys.path once at import and misses distributions that only importlib.metadata's finders offer
def installed_version(distribution: str) -> str | None:
    import pkg_resources
    try:
        return pkg_resources.get_distribution(distribution).version
    except pkg_resources.DistributionNotFound:
        return None
