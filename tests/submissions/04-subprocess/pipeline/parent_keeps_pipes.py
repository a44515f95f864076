# expect: wrong
# why: never closes the parent's copies of the pipes between programs, so a program before head -n 1 blocks forever
def pipeline(commands: list[list[str]], data: bytes) -> bytes:
    stages = []
    for argv in commands:
        source = stages[-1].stdout if stages else PIPE
        stages.append(subprocess.Popen(argv, stdin=source, stdout=PIPE))

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
    for stage in stages:
        stage.wait()
    if stages[-1].returncode != 0:
        raise subprocess.CalledProcessError(stages[-1].returncode, commands[-1], output)
    return output
