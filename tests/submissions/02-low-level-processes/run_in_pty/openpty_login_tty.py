# expect: correct
# why: gets the pty and the child from pty.fork() (which calls os.forkpty), reads with select into a bytearray, and treats EIO or b"" as the end
import errno
import os
import pty
import select


def run_in_pty(argv):
    pid, master = pty.fork()
    if pid == pty.CHILD:
        try:
            os.execvp(argv[0], argv)
        finally:
            os._exit(127)
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
