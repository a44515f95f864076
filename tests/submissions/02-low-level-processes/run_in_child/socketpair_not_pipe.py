# expect: wrong
# why: sends the result back through socket.socketpair() instead of an os.pipe
import socket


def run_in_child(fn) -> bytes:
    parent_end, child_end = socket.socketpair()
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            parent_end.close()
            child_end.sendall(fn())
            child_end.close()
            code = 0
        finally:
            os._exit(code)
    child_end.close()
    chunks = []
    with parent_end:
        while chunk := parent_end.recv(65536):
            chunks.append(chunk)
    _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise ChildProcessError(f"the child failed: {os.waitstatus_to_exitcode(status)}")
    return b"".join(chunks)
