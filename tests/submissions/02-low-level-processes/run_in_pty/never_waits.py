# expect: wrong
# why: reads all the output but never waits for the program, which stays a zombie
def run_in_pty(argv: list[str]) -> bytes:
    pid, master = os.forkpty()
    if pid == 0:
        try:
            os.execvp(argv[0], argv)
        finally:
            os._exit(127)
    output = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    os.close(master)
    return output
