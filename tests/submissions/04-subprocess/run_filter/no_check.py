# expect: wrong
# why: never looks at the exit code, so a failing program returns its output instead of raising
def run_filter(argv: list[str], data: bytes) -> bytes:
    return subprocess.run(argv, input=data, capture_output=True).stdout
