# expect: wrong
# why: wraps the name in double quotes, inside which the shell still runs $(...) and backticks
def count_lines(path: str) -> int:
    with os.popen(f'wc -l "{path}"') as pipe:
        return int(pipe.read().split()[0])
