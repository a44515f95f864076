# expect: wrong
# why: tells success by a marker byte instead of the exit status and never waits, so every child stays a zombie
def run_in_child(fn) -> bytes:
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(read_end)
            result = fn()
            with open(write_end, "wb") as pipe:
                pipe.write(b"\x00" + result)
        finally:
            os._exit(0)
    os.close(write_end)
    with open(read_end, "rb") as pipe:
        data = pipe.read()
    if not data.startswith(b"\x00"):
        raise ChildProcessError("the child sent no result")
    return data[1:]
