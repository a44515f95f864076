# expect: wrong
# why: loops forever; every call must be stopped at its deadline, and only this task loses points
def count_lines(path: str) -> int:
    while True:
        pass
