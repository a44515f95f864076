# expect: correct
# why: uses the check_output shorthand and throws standard error away instead of capturing it
import subprocess


def run_filter(argv, data):
    return subprocess.check_output(argv, input=data, stderr=subprocess.DEVNULL)
