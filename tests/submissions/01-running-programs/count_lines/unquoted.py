# expect: wrong
# why: pastes the file name into the command line unquoted: spaces break it and ';' runs commands
def count_lines(path: str) -> int:
    with os.popen(f"wc -l < {path}") as pipe:
        return int(pipe.read())
