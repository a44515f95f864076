# expect: wrong
# why: reads the pty once and stops, so only the first chunk of the output comes back
def run_in_pty(argv: list[str]) -> bytes:
    pid, master = os.forkpty()
    if pid == 0:
        try:
            os.execvp(argv[0], argv)
        finally:
            os._exit(127)
    try:
        output = os.read(master, 1024 * 1024)
    except OSError:
        output = b""
    os.close(master)
    os.waitpid(pid, 0)
    return output
