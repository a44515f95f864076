# expect: correct
# why: passes the quoted name after '--' and reads the count from the start of wc's output
import os
import shlex


def count_lines(path):
    pipe = os.popen("wc -l -- " + shlex.quote(path))
    try:
        return int(pipe.read().split()[0])
    finally:
        pipe.close()
