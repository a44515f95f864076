# expect: wrong
# why: replaces the whole environment with {'LC_ALL': 'C'}, so sort is looked up without the caller's PATH
def sort_lines(lines: list[str]) -> list[str]:
    with subprocess.Popen(["sort"], stdin=PIPE, stdout=PIPE, text=True, env={"LC_ALL": "C"}) as process:
        output, _ = process.communicate("".join(line + "\n" for line in lines))
    return output.splitlines()
