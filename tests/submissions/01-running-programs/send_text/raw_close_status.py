# expect: wrong
# why: returns what close() returns: None on success, the exit code shifted left by 8 (1792 for exit 7) on failure
def send_text(command: str, text: str) -> int:
    pipe = os.popen(command, "w")
    pipe.write(text)
    return pipe.close()
