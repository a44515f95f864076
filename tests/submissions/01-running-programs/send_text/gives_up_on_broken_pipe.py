# expect: wrong
# why: returns 0 as soon as the program stops reading, without waiting for it or looking at how it ended
def send_text(command: str, text: str) -> int:
    pipe = os.popen(command, "w")
    try:
        pipe.write(text)
        status = pipe.close()
    except BrokenPipeError:
        return 0
    return 0 if status is None else status >> 8
