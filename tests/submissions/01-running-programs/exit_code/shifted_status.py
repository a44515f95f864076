# expect: wrong
# why: shifts the status right, which reports a shell killed by a signal as exit code 0
def exit_code(command: str) -> int:
    return os.system(command) >> 8
