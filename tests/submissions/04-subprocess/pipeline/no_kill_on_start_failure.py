# expect: wrong
# why: chains the programs correctly, but when one cannot be started it lets FileNotFoundError out and leaves the programs already started running
def pipeline(commands: list[list[str]], data: bytes) -> bytes:
    stages = []
    for argv in commands:
        stdin = stages[-1].stdout if stages else PIPE
        stages.append(subprocess.Popen(argv, stdin=stdin, stdout=PIPE))
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
    stages[-1].stdout.close()
    feeder.join()
    for stage in stages:
        stage.wait()
    if stages[-1].returncode != 0:
        raise subprocess.CalledProcessError(stages[-1].returncode, commands[-1], output)
    return output
