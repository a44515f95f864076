# expect: wrong
# why: runs wc -l with subprocess, not through os.popen as the task asks
import subprocess


def count_lines(path: str) -> int:
    with open(path, "rb") as file:
        result = subprocess.run(["wc", "-l"], stdin=file, capture_output=True, check=True)
    return int(result.stdout)
