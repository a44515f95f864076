# expect: wrong
# why: runs the programs one after another, each to its end, so a first program that never ends hangs it
def pipeline(commands: list[list[str]], data: bytes) -> bytes:
    for argv in commands[:-1]:
        data = subprocess.run(argv, input=data, stdout=PIPE).stdout
    return subprocess.run(commands[-1], input=data, stdout=PIPE, check=True).stdout
