# expect: correct
# why: uses subprocess.run (which calls Popen.communicate itself) with text=True and splitlines()
import os
import subprocess


def sort_lines(lines):
    result = subprocess.run(["sort"], input="".join(f"{line}\n" for line in lines), capture_output=True,
                            text=True, env=dict(os.environ, LC_ALL="C"), check=True)
    return result.stdout.splitlines()
