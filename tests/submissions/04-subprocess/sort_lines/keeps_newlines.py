# expect: wrong
# why: returns the lines with their '\n' still at the end
def sort_lines(lines: list[str]) -> list[str]:
    with subprocess.Popen(["sort"], stdin=PIPE, stdout=PIPE, text=True,
                          env={**os.environ, "LC_ALL": "C"}) as process:
        output, _ = process.communicate("".join(line + "\n" for line in lines))
    return output.splitlines(keepends=True)
