# expect: wrong
# why: runs 'pip show' in a subprocess and reads its Version line: slow, depends on pip, and sees only what is on disk, not what importlib.metadata finds
def installed_version(distribution: str) -> str | None:
    import subprocess
    completed = subprocess.run([sys.executable, "-m", "pip", "show", distribution],
                               capture_output=True, text=True)
    for line in completed.stdout.splitlines():
        if line.startswith("Version:"):
            return line.split(":", 1)[1].strip()
    return None
