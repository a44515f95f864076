# expect: wrong
# why: reads the pipe once, which gives at most what the pipe holds (64 KiB), not the whole result
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
    result = os.read(read_end, 16 * 1024 * 1024)
    os.close(read_end)
    _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise ChildProcessError("the child failed")
    return result
