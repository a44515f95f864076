# expect: wrong
# why: decodes close()'s value with os.waitstatus_to_exitcode, but close() returns returncode << 8, not a wait status: signal 9 gives 247 instead of -9
def send_text(command: str, text: str) -> int:
    pipe = os.popen(command, "w")
    try:
        pipe.write(text)
    except BrokenPipeError:
        pass
    try:
        status = pipe.close()
    except BrokenPipeError:
        status = pipe.close()
    return 0 if status is None else os.waitstatus_to_exitcode(status)
