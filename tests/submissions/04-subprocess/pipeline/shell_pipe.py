# expect: wrong
# why: quotes every argument and hands 'a | b | c' to a shell: it works, but a shell starts the programs
import shlex


def pipeline(commands: list[list[str]], data: bytes) -> bytes:
    command_line = " | ".join(shlex.join(argv) for argv in commands)
    return subprocess.run(command_line, shell=True, input=data, stdout=PIPE, check=True).stdout
