# expect: correct
# why: decodes the wait status with the W* macros instead of waitstatus_to_exitcode
import os


def exit_code(command):
    status = os.system(command)
    if os.WIFSIGNALED(status):
        return -os.WTERMSIG(status)
    return os.WEXITSTATUS(status)
