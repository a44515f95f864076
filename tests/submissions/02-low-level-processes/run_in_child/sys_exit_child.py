# expect: wrong
# why: ends the child with sys.exit(), whose SystemExit carries the child back into the caller's code
import sys


def run_in_child(fn) -> bytes:
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_end)
        try:
            result = fn()
        except Exception:
            sys.exit(1)
        with open(write_end, "wb") as pipe:
            pipe.write(result)
        sys.exit(0)
    os.close(write_end)
    with open(read_end, "rb") as pipe:
        result = pipe.read()
    _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise ChildProcessError("the child failed")
    return result
