# expect: wrong
# why: walks every distribution and compares the Name header exactly, so 'Charset_Normalizer' does not find 'charset-normalizer' (names compare case-, '-', '_' and '.'-insensitively)
def installed_version(distribution: str) -> str | None:
    for dist in importlib.metadata.distributions():
        if dist.metadata["Name"] == distribution:
            return dist.version
    return None
