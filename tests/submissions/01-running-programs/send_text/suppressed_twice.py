# expect: correct
# why: silences BrokenPipeError with contextlib.suppress on the write and on the first close, then closes again to wait
import contextlib
import os


def send_text(command: str, text: str) -> int:
    pipe = os.popen(command, "w")
    with contextlib.suppress(BrokenPipeError):
        pipe.write(text)
    with contextlib.suppress(BrokenPipeError):
        pipe.close()
    status = pipe.close()  # closed already: this only waits and gives the status again
    return 0 if not status else status >> 8
