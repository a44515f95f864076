# expect: wrong
# why: returns the raw wait status from waitpid (768 for exit 3), not the exit code
def spawn(argv: list[str]) -> int:
    pid = os.fork()
    if pid == 0:
        try:
            os.execvp(argv[0], argv)
        except FileNotFoundError:
            os._exit(127)
        finally:
            os._exit(126)
    _, status = os.waitpid(pid, 0)
    return status
