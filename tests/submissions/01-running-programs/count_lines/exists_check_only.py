# expect: wrong
# why: checks that the path exists but never looks at what close() says, so a folder (wc prints 0 and fails) counts as 0 lines
def count_lines(path: str) -> int:
    if not os.path.exists(path):
        raise FileNotFoundError(path)
    with os.popen(f"wc -l < {shlex.quote(path)}") as pipe:
        return int(pipe.read())
