# expect: wrong
# why: sorts with Python's sorted(): the same order, but the program sort never runs
def sort_lines(lines: list[str]) -> list[str]:
    return sorted(lines)
