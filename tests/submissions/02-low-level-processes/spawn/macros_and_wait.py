# expect: correct
# why: maps the exec error to 127/126 by errno, waits with os.wait() in a loop and decodes with the W* macros
import errno
import os


def spawn(argv):
    child = os.fork()
    if child == 0:
        try:
            os.execvp(argv[0], list(argv))
        except OSError as error:
            os._exit(127 if error.errno == errno.ENOENT else 126)
        except BaseException:
            os._exit(126)
        os._exit(126)
    while True:
        pid, status = os.wait()
        if pid == child:
            break
    if os.WIFSIGNALED(status):
        return -os.WTERMSIG(status)
    return os.WEXITSTATUS(status)
