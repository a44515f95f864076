# expect: wrong
# why: raises CalledProcessError itself but attaches no output (error.output is None)
def run_filter(argv: list[str], data: bytes) -> bytes:
    result = subprocess.run(argv, input=data, capture_output=True)
    if result.returncode != 0:
        raise subprocess.CalledProcessError(result.returncode, argv)
    return result.stdout
