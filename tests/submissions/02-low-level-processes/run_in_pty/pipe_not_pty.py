# expect: wrong
# why: runs the program with pipes instead of a pseudo-terminal, so it sees no terminal (isatty() is False)
import subprocess


def run_in_pty(argv: list[str]) -> bytes:
    result = subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    return result.stdout
