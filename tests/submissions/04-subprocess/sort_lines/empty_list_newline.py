# expect: wrong
# why: always adds a final newline, so an empty list becomes one empty line: [''] instead of []
def sort_lines(lines: list[str]) -> list[str]:
    with subprocess.Popen(["sort"], stdin=PIPE, stdout=PIPE, text=True,
                          env={**os.environ, "LC_ALL": "C"}) as process:
        output, _ = process.communicate("\n".join(lines) + "\n")
    return output.splitlines()
