# expect: correct
# why: writes in chunks and decodes the close() status with the W* macros
import os


def send_text(command, text):
    pipe = os.popen(command, "w")
    for start in range(0, len(text), 4096):
        pipe.write(text[start:start + 4096])
    status = pipe.close()
    if status is None:
        return 0
    return os.WEXITSTATUS(status) if os.WIFEXITED(status) else -os.WTERMSIG(status)
