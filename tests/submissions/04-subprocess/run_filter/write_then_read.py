# expect: wrong
# why: writes all the input, then reads the output: deadlocks once the data is larger than the pipes hold
def run_filter(argv: list[str], data: bytes) -> bytes:
    process = subprocess.Popen(argv, stdin=PIPE, stdout=PIPE)
    process.stdin.write(data)
    process.stdin.close()
    output = process.stdout.read()
    if process.wait() != 0:
        raise subprocess.CalledProcessError(process.returncode, argv, output)
    return output
