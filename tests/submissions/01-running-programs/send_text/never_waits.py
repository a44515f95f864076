# expect: wrong
# why: writes and flushes but never closes the pipe, so it neither waits for the program nor sees its exit code
def send_text(command: str, text: str) -> int:
    pipe = os.popen(command, "w")
    pipe.write(text)
    pipe.flush()
    return 0
