# expect: correct
# why: passes the quoted name after '--', reads the count from the start of wc's output, and tells a missing file from another failure by errno
import errno
import os
import shlex


def count_lines(path):
    pipe = os.popen("wc -l -- " + shlex.quote(path))
    output = pipe.read()
    if pipe.close() is not None:
        if not os.path.exists(path):
            raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), path)
        raise OSError(errno.EIO, "wc -l failed", path)
    return int(output.split()[0])
