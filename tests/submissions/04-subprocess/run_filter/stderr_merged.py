# expect: wrong
# why: sends standard error into the same pipe as standard output, so warnings end up in the data
def run_filter(argv: list[str], data: bytes) -> bytes:
    return subprocess.run(argv, input=data, stdout=PIPE, stderr=subprocess.STDOUT, check=True).stdout
