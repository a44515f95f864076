# expect: wrong
# why: checks only WEXITSTATUS, which is 0 for a child killed by a signal: a killed child passes for a success
def run_in_child(fn) -> bytes:
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            os.close(read_end)
            result = fn()
            with open(write_end, "wb") as pipe:
                pipe.write(result)
            code = 0
        finally:
            os._exit(code)
    os.close(write_end)
    with open(read_end, "rb") as pipe:
        result = pipe.read()
    _, status = os.waitpid(pid, 0)
    if os.WEXITSTATUS(status) != 0:
        raise ChildProcessError("the child failed")
    return result
