# expect: correct
# why: copies os.environ by hand, names the encoding instead of text=True, and strips the final newline before splitting
def sort_lines(lines: list[str]) -> list[str]:
    environment = os.environ.copy()
    environment["LC_ALL"] = "C"
    process = subprocess.Popen(["sort"], stdin=PIPE, stdout=PIPE, encoding="utf-8", env=environment)
    output, _ = process.communicate("".join(line + "\n" for line in lines))
    if not output:
        return []
    return output.removesuffix("\n").split("\n")
