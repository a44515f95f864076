# expect: wrong
# why: joins the arguments into one command line for a shell, which splits spaces and runs ';' and '$(...)'
def run_filter(argv: list[str], data: bytes) -> bytes:
    return subprocess.run(" ".join(argv), shell=True, input=data, capture_output=True, check=True).stdout
