# expect: correct
# why: drives Popen.communicate by hand and raises CalledProcessError with both streams attached
def run_filter(argv: list[str], data: bytes) -> bytes:
    with subprocess.Popen(argv, stdin=PIPE, stdout=PIPE, stderr=PIPE) as process:
        output, errors = process.communicate(data)
    if process.returncode:
        raise subprocess.CalledProcessError(process.returncode, argv, output=output, stderr=errors)
    return output
