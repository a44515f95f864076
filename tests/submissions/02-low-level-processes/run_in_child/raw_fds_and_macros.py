# expect: correct
# why: writes and reads with os.write/os.read loops on raw descriptors and checks WIFEXITED/WEXITSTATUS
import os


def run_in_child(fn):
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        ok = False
        try:
            os.close(r)
            view = memoryview(fn())
            while view:
                view = view[os.write(w, view):]
            ok = True
        except BaseException:
            pass
        finally:
            os._exit(0 if ok else 1)
    os.close(w)
    parts = []
    while True:
        part = os.read(r, 65536)
        if not part:
            break
        parts.append(part)
    os.close(r)
    _, status = os.waitpid(pid, 0)
    if not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
        raise ChildProcessError(f"child {pid} failed with wait status {status}")
    return b"".join(parts)
