# expect: wrong
# why: the child sends the result and then returns it instead of calling os._exit, so it comes back into the caller's code
def run_in_child(fn) -> bytes:
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_end)
        result = fn()
        with open(write_end, "wb") as pipe:
            pipe.write(result)
        return result
    os.close(write_end)
    with open(read_end, "rb") as pipe:
        result = pipe.read()
    _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise ChildProcessError("the child failed")
    return result
