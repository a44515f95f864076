# expect: wrong
# why: decodes the status with WEXITSTATUS alone, so a program killed by signal 9 looks like exit code 0
def spawn(argv: list[str]) -> int:
    pid = os.fork()
    if pid == 0:
        code = 126
        try:
            os.execvp(argv[0], argv)
        except FileNotFoundError:
            code = 127
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    return os.WEXITSTATUS(status)
