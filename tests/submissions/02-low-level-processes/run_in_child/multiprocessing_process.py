# expect: wrong
# why: runs fn with multiprocessing.Process and a multiprocessing.Pipe (a socket pair), instead of its own os.fork and os.pipe
import multiprocessing


def _child(fn, connection):
    connection.send_bytes(fn())
    connection.close()


def run_in_child(fn) -> bytes:
    receiving, sending = multiprocessing.Pipe()
    process = multiprocessing.get_context("fork").Process(target=_child, args=(fn, sending))
    process.start()
    sending.close()
    try:
        result = receiving.recv_bytes()
    except EOFError:
        result = None
    process.join()
    if process.exitcode != 0 or result is None:
        raise ChildProcessError(f"the child failed with exit code {process.exitcode}")
    return result
