# expect: wrong
# why: ends a child whose exec failed with sys.exit(127), whose SystemExit escapes into the caller's code
import sys


def spawn(argv: list[str]) -> int:
    pid = os.fork()
    if pid == 0:
        try:
            os.execvp(argv[0], argv)
        except FileNotFoundError:
            sys.exit(127)
        except OSError:
            sys.exit(126)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)
