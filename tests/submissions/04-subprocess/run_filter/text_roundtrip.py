# expect: wrong
# why: goes through text mode and back, which fails on bytes that are not UTF-8 and turns '\r\n' into '\n'
def run_filter(argv: list[str], data: bytes) -> bytes:
    result = subprocess.run(argv, input=data.decode(), capture_output=True, text=True, check=True)
    return result.stdout.encode()
