# expect: wrong
# why: decodes close() right but lets BrokenPipeError out when the program stops reading early (head -n 1, a program that exits at once)
def send_text(command: str, text: str) -> int:
    pipe = os.popen(command, "w")
    pipe.write(text)
    status = pipe.close()
    return 0 if status is None else status >> 8
