# expect: wrong
# why: returns the raw wait status (768 for "exit 3"), not the exit code
def exit_code(command: str) -> int:
    return os.system(command)
