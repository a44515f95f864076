# expect: wrong
# why: sends the text with print(), which adds a newline the caller did not ask for
def send_text(command: str, text: str) -> int:
    pipe = os.popen(command, "w")
    print(text, file=pipe)
    status = pipe.close()
    return 0 if status is None else os.waitstatus_to_exitcode(status)
