# expect: wrong
# why: quotes the name but passes it as an argument, so a name starting with '-' is read as an option
def count_lines(path: str) -> int:
    with os.popen("wc -l " + shlex.quote(path)) as pipe:
        return int(pipe.read().split()[0])
