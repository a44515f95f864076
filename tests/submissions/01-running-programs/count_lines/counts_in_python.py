# expect: wrong
# why: counts the newlines in Python instead of running wc -l through os.popen: right numbers, but not the tool the task names
def count_lines(path: str) -> int:
    with open(path, "rb") as file:
        return file.read().count(b"\n")
