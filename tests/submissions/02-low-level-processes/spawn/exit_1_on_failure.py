# expect: wrong
# why: ends a child whose exec failed with os._exit(1), so a missing program gives 1 instead of the shell's 127
def spawn(argv: list[str]) -> int:
    pid = os.fork()
    if pid == 0:
        try:
            os.execvp(argv[0], argv)
        finally:
            os._exit(1)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)
