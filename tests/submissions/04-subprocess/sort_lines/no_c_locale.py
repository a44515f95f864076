# expect: wrong
# why: runs sort with the caller's locale instead of LC_ALL=C, so the order depends on the machine
def sort_lines(lines: list[str]) -> list[str]:
    with subprocess.Popen(["sort"], stdin=PIPE, stdout=PIPE, text=True) as process:
        output, _ = process.communicate("".join(line + "\n" for line in lines))
    return output.splitlines()
