# expect: wrong
# why: builds the pty by hand with os.openpty, os.fork and os.login_tty: a working terminal, but the task asks for os.forkpty
import errno
import os
import select


def run_in_pty(argv):
    master, terminal = os.openpty()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(master)
            os.login_tty(terminal)
            os.execvp(argv[0], argv)
        finally:
            os._exit(127)
    os.close(terminal)
    received = bytearray()
    try:
        while True:
            select.select([master], [], [])
            try:
                chunk = os.read(master, 4096)
            except OSError as error:
                if error.errno == errno.EIO:
                    break
                raise
            if chunk == b"":
                break
            received += chunk
    finally:
        os.close(master)
        os.waitpid(pid, 0)
    return bytes(received)
