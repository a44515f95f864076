"""The probes that notebooks 04 and 05 add: a chain of pipes told from a relay, a recording
bc that tells a conversation from input sent all at once, and run_all's gated programs."""

import asyncio
import os
import shutil
import subprocess
import threading

import pytest

from course import checks
from course.probes import asyncio_subprocesses as probes05
from course.probes import subprocess_filters as probes04


def _chained(commands, data):
    stages = []
    for argv in commands:
        stages.append(subprocess.Popen(argv, stdin=stages[-1].stdout if stages else subprocess.PIPE,
                                       stdout=subprocess.PIPE))
        if len(stages) > 1:
            stages[-2].stdout.close()
    stages[0].stdin.write(data)
    stages[0].stdin.close()
    output = stages[-1].stdout.read()
    for stage in stages:
        stage.wait()
    return output


def _relayed(commands, data):
    output = data
    for argv in commands:
        output = subprocess.run(argv, input=output, capture_output=True).stdout
    return output


def test_a_chain_of_pipes_passes_and_a_relay_does_not():
    commands = [probes04.PIPE_ENDS] * 3
    probes04.check_connected(_chained(commands, b"x\n"), b"x\n", 3, who="chained")
    with pytest.raises(AssertionError, match="not connected"):
        probes04.check_connected(_relayed(commands, b"x\n"), b"x\n", 3, who="relayed")


def test_leftovers_after_an_error_name_the_exception_and_the_programs_left():
    def leaves_one(commands, data):
        subprocess.Popen(probes04.SLEEPER)
        raise FileNotFoundError("no such program")

    raised, left = checks.call(probes04.with_leftovers_after_error(leaves_one, grace=0.2), [], b"")
    assert raised == "FileNotFoundError" and len(left) == 1


async def _conversation(expressions, timeout):
    process = await asyncio.create_subprocess_exec("bc", "-q", stdin=asyncio.subprocess.PIPE,
                                                   stdout=asyncio.subprocess.PIPE)
    answers = []
    for expression in expressions:
        process.stdin.write(expression.encode() + b"\n")
        await process.stdin.drain()
        answers.append((await asyncio.wait_for(process.stdout.readline(), timeout)).decode().strip())
    process.stdin.close()
    await process.wait()
    return answers


async def _all_at_once(expressions, timeout):
    process = await asyncio.create_subprocess_exec("bc", "-q", stdin=asyncio.subprocess.PIPE,
                                                   stdout=asyncio.subprocess.PIPE)
    out, _ = await process.communicate("".join(e + "\n" for e in expressions).encode())
    return out.decode().split()


@pytest.mark.skipif(shutil.which("bc") is None, reason="needs bc")
def test_the_recording_bc_tells_a_conversation_from_input_sent_at_once(tmp_path):
    os.mkdir(tmp_path / "a")
    talk = checks.call(probes05.WithRecordingBc(_conversation, str(tmp_path / "a")), ["1+1", "2*3"], 5.0)
    talk.expect_returned(["2", "6"])
    talk.expect_interleaved()
    talk.expect_stopped()
    os.mkdir(tmp_path / "b")
    talk = checks.call(probes05.WithRecordingBc(_all_at_once, str(tmp_path / "b")), ["1+1", "2*3"], 5.0)
    talk.expect_returned(["2", "6"])
    with pytest.raises(AssertionError, match="before it had read the answer"):
        talk.expect_interleaved()


async def _together(commands):
    async def one(argv):
        process = await asyncio.create_subprocess_exec(*argv, stdout=asyncio.subprocess.PIPE)
        return (await process.communicate())[0]
    return list(await asyncio.gather(*(one(argv) for argv in commands)))


async def _one_after_another(commands):
    return [await _together([argv]) for argv in commands]


def test_gated_programs_pass_together_and_stop_one_after_another(tmp_path, monkeypatch):
    monkeypatch.setattr(probes05, "RUN_ALL_LIMIT", 6.0)
    for name, fn, passes in [("together", _together, True), ("apart", _one_after_another, False)]:
        folder = tmp_path / name
        folder.mkdir()
        names = ["a", "b", "c"]
        commands = [probes05.gated(str(folder), n, 3, n.encode()) for n in names]
        finished, _ = checks.call(probes05.Bounded(fn, probes05.RUN_ALL_LIMIT), commands, timeout=10)
        if passes:
            probes05.expect_overlap(str(folder), names, finished)
        else:
            with pytest.raises(AssertionError, match="only program a of the 3"):
                probes05.expect_overlap(str(folder), names, finished)
