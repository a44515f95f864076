# expect: wrong
# why: catches BrokenPipeError from write() only; a short text sits in the buffer until close() flushes it, and then close() raises it
def send_text(command: str, text: str) -> int:
    pipe = os.popen(command, "w")
    try:
        pipe.write(text)
    except BrokenPipeError:
        pass
    status = pipe.close()
    return 0 if status is None else status >> 8
