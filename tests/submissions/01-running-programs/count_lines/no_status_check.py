# expect: wrong
# why: never checks close(): for a missing file wc's output is empty, and int('') raises ValueError instead of FileNotFoundError
def count_lines(path: str) -> int:
    with os.popen(f"wc -l < {shlex.quote(path)}") as pipe:
        return int(pipe.read())
