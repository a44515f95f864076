# expect: correct
# why: writes in chunks of 4 KiB until the program stops reading, and undoes close()'s shift by floor division (-2304 // 256 == -9)
import os


def send_text(command, text):
    pipe = os.popen(command, "w")
    try:
        for start in range(0, len(text), 4096):
            pipe.write(text[start:start + 4096])
        pipe.flush()
    except BrokenPipeError:
        pass
    while True:
        try:
            status = pipe.close()
            break
        except BrokenPipeError:
            continue
    if status is None:
        return 0
    return status // 256
