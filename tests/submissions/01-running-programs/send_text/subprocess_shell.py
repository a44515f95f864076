# expect: wrong
# why: uses subprocess.run with shell=True instead of os.popen(command, "w"): the right codes, but not the tool the task names
import subprocess


def send_text(command: str, text: str) -> int:
    return subprocess.run(command, shell=True, input=text, text=True).returncode
