# expect: wrong
# why: decodes close()'s value with the W* macros, as if it were a wait status: a program killed by signal 9 gives 247, not -9 (and a program that stops reading raises BrokenPipeError)
import os


def send_text(command, text):
    pipe = os.popen(command, "w")
    for start in range(0, len(text), 4096):
        pipe.write(text[start:start + 4096])
    status = pipe.close()
    if status is None:
        return 0
    return os.WEXITSTATUS(status) if os.WIFEXITED(status) else -os.WTERMSIG(status)
