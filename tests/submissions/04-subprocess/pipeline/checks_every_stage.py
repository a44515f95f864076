# expect: wrong
# why: raises when any program fails, also one that SIGPIPE ended because head -n 1 stopped reading
def pipeline(commands: list[list[str]], data: bytes) -> bytes:
    stages = []
    for argv in commands:
        source = stages[-1].stdout if stages else PIPE
        stages.append(subprocess.Popen(argv, stdin=source, stdout=PIPE))
        if len(stages) > 1:
            stages[-2].stdout.close()

    def feed():
        try:
            stages[0].stdin.write(data)
            stages[0].stdin.close()
        except BrokenPipeError:
            pass

    feeder = threading.Thread(target=feed)
    feeder.start()
    output = stages[-1].stdout.read()
    feeder.join()
    for argv, stage in zip(commands, stages):
        if stage.wait() != 0:
            raise subprocess.CalledProcessError(stage.returncode, argv, output)
    return output
