# expect: wrong
# why: execs without try/finally in the child, so a program that cannot be started sends the child back into the caller's code
def run_in_pty(argv: list[str]) -> bytes:
    pid, master = os.forkpty()
    if pid == 0:
        os.execvp(argv[0], argv)
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
    os.waitpid(pid, 0)
    return output
