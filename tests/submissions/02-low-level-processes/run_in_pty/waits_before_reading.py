# expect: wrong
# why: waits for the program before reading: a program that writes more than the pty holds blocks forever
def run_in_pty(argv: list[str]) -> bytes:
    pid, master = os.forkpty()
    if pid == 0:
        try:
            os.execvp(argv[0], argv)
        finally:
            os._exit(127)
    os.waitpid(pid, 0)
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
