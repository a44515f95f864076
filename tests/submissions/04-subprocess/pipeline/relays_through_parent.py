# expect: wrong
# why: gives every program pipes of its own and copies each program's output into the next one's input with threads: it works, but the programs are not chained as a shell chains them
import shutil


def pipeline(commands: list[list[str]], data: bytes) -> bytes:
    stages = [subprocess.Popen(argv, stdin=PIPE, stdout=PIPE) for argv in commands]

    def feed():
        try:
            stages[0].stdin.write(data)
        except BrokenPipeError:
            pass
        try:
            stages[0].stdin.close()
        except BrokenPipeError:
            pass

    def relay(source, target):
        try:
            shutil.copyfileobj(source.stdout, target.stdin)
        except BrokenPipeError:
            pass
        source.stdout.close()
        try:
            target.stdin.close()
        except BrokenPipeError:
            pass

    threads = [threading.Thread(target=feed)]
    threads += [threading.Thread(target=relay, args=(a, b)) for a, b in zip(stages, stages[1:])]
    for thread in threads:
        thread.start()
    output = stages[-1].stdout.read()
    for thread in threads:
        thread.join()
    for stage in stages:
        stage.wait()
    if stages[-1].returncode != 0:
        raise subprocess.CalledProcessError(stages[-1].returncode, commands[-1], output)
    return output
