# expect: wrong
# why: lets subprocess start the program and maps its exceptions to 127 and 126: the right codes, but no fork, exec or waitpid of its own
import subprocess


def spawn(argv: list[str]) -> int:
    try:
        return subprocess.run(argv).returncode
    except FileNotFoundError:
        return 127
    except PermissionError:
        return 126
