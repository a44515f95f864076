# expect: wrong
# why: joins with '\n' and lets sort end the last line, so an empty last line is lost ('a\n' reads as one line)
def sort_lines(lines: list[str]) -> list[str]:
    with subprocess.Popen(["sort"], stdin=PIPE, stdout=PIPE, text=True,
                          env={**os.environ, "LC_ALL": "C"}) as process:
        output, _ = process.communicate("\n".join(lines))
    return output.splitlines()
