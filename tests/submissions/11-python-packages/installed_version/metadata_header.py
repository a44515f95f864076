# expect: correct
# why: reads the Version header of the METADATA through importlib.metadata.metadata
def installed_version(distribution: str) -> str | None:
    from importlib import metadata
    try:
        return metadata.metadata(distribution)["Version"]
    except metadata.PackageNotFoundError:
        return None
