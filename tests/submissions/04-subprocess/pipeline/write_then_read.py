# expect: wrong
# why: connects the programs right, but writes all the input before reading: deadlocks on large data
def pipeline(commands: list[list[str]], data: bytes) -> bytes:
    stages = []
    for argv in commands:
        source = stages[-1].stdout if stages else PIPE
        stages.append(subprocess.Popen(argv, stdin=source, stdout=PIPE))
        if len(stages) > 1:
            stages[-2].stdout.close()
    stages[0].stdin.write(data)
    stages[0].stdin.close()
    output = stages[-1].stdout.read()
    for stage in stages:
        stage.wait()
    if stages[-1].returncode != 0:
        raise subprocess.CalledProcessError(stages[-1].returncode, commands[-1], output)
    return output
