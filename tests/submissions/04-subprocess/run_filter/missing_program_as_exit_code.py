# expect: wrong
# why: turns a missing program into CalledProcessError with the shell's code 127, so the caller cannot tell a missing program from a failing one
def run_filter(argv: list[str], data: bytes) -> bytes:
    try:
        return subprocess.run(argv, input=data, capture_output=True, check=True).stdout
    except FileNotFoundError:
        raise subprocess.CalledProcessError(127, argv, output=b"")
