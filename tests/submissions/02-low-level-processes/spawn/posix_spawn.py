# expect: wrong
# why: starts the program with os.posix_spawnp instead of fork + execvp
def spawn(argv: list[str]) -> int:
    try:
        pid = os.posix_spawnp(argv[0], argv, os.environ)
    except FileNotFoundError:
        return 127
    except OSError:
        return 126
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)
