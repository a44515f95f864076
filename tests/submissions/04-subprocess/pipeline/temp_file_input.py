# expect: correct
# why: no thread: the data goes into a temporary file that the first program reads as its standard input; kills the programs already started when one cannot be started
import subprocess
import tempfile


def pipeline(commands, data):
    with tempfile.TemporaryFile() as source:
        source.write(data)
        source.seek(0)
        stages = []
        for argv in commands:
            try:
                stage = subprocess.Popen(argv, stdin=stages[-1].stdout if stages else source,
                                         stdout=subprocess.PIPE)
            except OSError:
                for started in stages:
                    started.kill()
                    started.wait()
                raise
            if stages:
                stages[-1].stdout.close()
            stages.append(stage)
        output, _ = stages[-1].communicate()
        for stage in stages:
            stage.wait()
    if stages[-1].returncode:
        raise subprocess.CalledProcessError(stages[-1].returncode, commands[-1], output=output)
    return output
