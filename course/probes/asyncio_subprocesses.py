"""Notebook 05 (asyncio subprocesses): programs for the hidden tests to run, and probes
that run in the child process next to the student's coroutine.

The programs are small Python scripts (``Program``), which show as a short sentence in
failure messages instead of a long ``python -c`` command line. Programs that must be seen
to stop write their pid to a file first; ``Watching`` awaits the student's coroutine and
then, still inside the child (whose whole process group is killed when the call ends),
checks that the program is gone.
"""

import asyncio
import os
import time
from dataclasses import dataclass

from course import checks, processes, timeouts

PAUSE = 0.05
"""Seconds a dribbling program waits after each piece it writes, so that the pieces
arrive in separate reads."""

GATE = 1.0
"""Seconds a gated program waits at most for its companions to start."""

SLEEP = "time.sleep(3600)"
TICK = "while True:\n    print('tick', flush=True)\n    time.sleep(0.1)"
BIG_PIPE = ("import fcntl\n"
            "try:\n    fcntl.fcntl(1, fcntl.F_SETPIPE_SZ, 1 << 20)\n"
            "except (OSError, AttributeError):\n    pass")
"""Code that makes the program's stdout pipe hold 1 MiB (Linux), so that much output is
waiting in it at once."""


def flood_after(line: bytes) -> str:
    """Code that writes ``line`` and 300 kB more in one go, then output without end: with
    ``BIG_PIPE``, the reader has far more than a line waiting when ``line`` arrives."""
    return (
        "filler = b'x' * 999 + b'\\n'\n"
        f"sys.stdout.buffer.write({line!r} + filler * 300)\n"
        "sys.stdout.buffer.flush()\n"
        "while True:\n"
        "    sys.stdout.buffer.write(filler)\n"
    )


class Program(list):
    """An argv (a real ``list``) that describes itself in words in failure messages."""

    def __init__(self, argv: list[str], description: str):
        super().__init__(argv)
        self.description = description

    def __repr__(self) -> str:
        return f"<a program that {self.description}>"


def dribbling(pieces: list[bytes], description: str, *, then: str = "", stderr: bytes = b"",
              pid_file: str | None = None, pause: float = PAUSE, setup: str = "") -> Program:
    """A program that runs the code ``setup``, writes ``stderr`` to its standard error,
    then each of ``pieces`` to its standard output (flushing and pausing after each), then
    runs the code ``then`` (nothing: it exits; ``SLEEP``, ``TICK``, ``flood_after(...)``).
    With ``pid_file`` it first writes its process id there."""
    code = (
        "import sys, time\n"
        f"{setup}\n"
        f"sys.stderr.buffer.write({stderr!r}); sys.stderr.buffer.flush()\n"
        f"for piece in {list(pieces)!r}:\n"
        "    sys.stdout.buffer.write(piece)\n"
        "    sys.stdout.buffer.flush()\n"
        f"    time.sleep({pause!r})\n"
        f"{then}\n"
    )
    if pid_file is not None:
        code = processes.pid_writer(pid_file, then=code)
    return Program(processes.python_program(code), description)


def python(code: str, description: str) -> Program:
    """A program that runs the Python ``code``."""
    return Program(processes.python_program(code), description)


# ---------------------------------------------------------------------------- run_all

def gated(folder: str, name: str, companions: int, output: bytes) -> Program:
    """A program that notes when it starts, waits (up to ``GATE`` seconds) until
    ``companions`` programs in total have started in ``folder``, notes when it ends, and
    prints ``output``. Run together, their intervals overlap by construction; run one
    after another, they do not."""
    code = (
        "import os, sys, time\n"
        f"folder, name, companions = {folder!r}, {name!r}, {companions!r}\n"
        "start = time.monotonic()\n"
        "open(os.path.join(folder, name + '.started'), 'w').close()\n"
        f"deadline = start + {GATE!r}\n"
        "while time.monotonic() < deadline:\n"
        "    if sum(f.endswith('.started') for f in os.listdir(folder)) >= companions:\n"
        "        break\n"
        "    time.sleep(0.01)\n"
        "time.sleep(0.05)\n"
        "end = time.monotonic()\n"
        "with open(os.path.join(folder, name + '.interval'), 'w') as f:\n"
        "    f.write(f'{start} {end}')\n"
        f"sys.stdout.buffer.write({output!r})\n"
    )
    return Program(processes.python_program(code), f"prints {output!r} (program {name})")


def expect_overlap(folder: str, names: list[str]) -> None:
    """Fail unless every program in ``names`` ran, and all ran at the same time: the last
    one started before the first one ended (by the times the programs noted themselves)."""
    intervals = {}
    for name in names:
        try:
            with open(os.path.join(folder, name + ".interval")) as file:
                start, end = map(float, file.read().split())
        except (OSError, ValueError):
            raise AssertionError(f"program {name} did not run to its end: run_all must run "
                                 "every command and wait for all of them") from None
        intervals[name] = (start, end)
    first = min(start for start, _ in intervals.values())
    shown = ", ".join(f"{name} {start - first:.2f}-{end - first:.2f} s"
                      for name, (start, end) in intervals.items())
    last_start = max(intervals, key=lambda n: intervals[n][0])
    first_end = min(intervals, key=lambda n: intervals[n][1])
    checks.that(
        intervals[last_start][0] < intervals[first_end][1],
        f"run_all did not run the programs at the same time: program {last_start} started "
        f"only after program {first_end} had ended. When each ran (start-end, as the "
        f"programs noted it): {shown}. Start them all first, then wait for all of them "
        "(asyncio.gather).",
    )


# ---------------------------------------------------------------------- wait_for_line

@dataclass(frozen=True)
class Watch:
    """What one watched call did, and whether the program it started was gone after."""

    call: str
    value: object = None
    error: str | None = None
    timeout_error: bool = False
    pid: int | None = None
    gone: bool = False
    zombie: bool = False

    def expect_returned(self, expected) -> None:
        checks.that(self.error is None,
                    f"{self.call} raised {self.error}; expected it to return {checks.short(expected)}")
        checks.same(self.value, expected, what=self.call)

    def expect_timeout(self) -> None:
        if self.error is None:
            raise AssertionError(f"{self.call} should raise TimeoutError, but it returned "
                                 f"{checks.short(self.value)}")
        checks.that(self.timeout_error,
                    f"{self.call} should raise TimeoutError, but it raised {self.error}")

    def expect_stopped(self) -> None:
        checks.that(self.pid is not None,
                    f"{self.call}: the program was never started (it writes its pid first)")
        if self.zombie:
            raise AssertionError(
                f"{self.call} ended the program (pid {self.pid}) but never waited for it: it was "
                f"still a zombie {timeouts.EXIT:g} s after the call. Await proc.wait() or "
                "proc.communicate() after killing it.")
        checks.that(self.gone,
                    f"{self.call} left the program it started (pid {self.pid}) running: it was "
                    f"still there {timeouts.EXIT:g} s after the call "
                    f"{'returned' if self.error is None else 'raised'}. Stop it (proc.kill()) "
                    "before you return or raise.")


class Watching:
    """A probe: ``Watching(fn, pid_file)(*args)`` awaits ``fn(*args)`` in the child, then
    waits (without blocking the loop) for the process whose pid is in ``pid_file`` to be
    gone and reaped, and returns a ``Watch``. Messages name it as ``fn``."""

    def __init__(self, fn, pid_file: str):
        self.fn = fn
        self.pid_file = pid_file
        self.__name__ = getattr(fn, "__name__", "the function")

    async def __call__(self, *args) -> Watch:
        call = checks.describe_call(self.fn, args, {})
        value, error, timeout_error = None, None, False
        try:
            value = await self.fn(*args)
        except Exception as raised:
            error = f"{type(raised).__name__}: {raised}".rstrip(": ")
            timeout_error = isinstance(raised, TimeoutError)
        pid = processes.read_pid(self.pid_file, timeout=0.2)
        gone = zombie = False
        if pid is not None:
            deadline = time.monotonic() + timeouts.EXIT
            while processes.exists(pid) and time.monotonic() < deadline:
                await asyncio.sleep(0.01)  # the loop may be the one that reaps it
            gone = not processes.exists(pid)
            zombie = not gone and not processes.running(pid)
        return Watch(call, value, error, timeout_error, pid, gone, zombie)


# ---------------------------------------------------------------------- count_lines_of

class UsingProtocols:
    """A probe: ``UsingProtocols(fn, protocol_class)(argv)`` awaits ``fn(argv)`` in the
    child while recording every protocol that ``loop.subprocess_exec`` or
    ``loop.subprocess_shell`` made; returns ``(result, names of the protocols' classes,
    whether one was a protocol_class)``."""

    def __init__(self, fn, protocol_class):
        self.fn = fn
        self.protocol_class = protocol_class
        self.__name__ = getattr(fn, "__name__", "the function")

    async def __call__(self, argv):
        loop = asyncio.get_running_loop()
        made = []
        for name in ("subprocess_exec", "subprocess_shell"):
            original = getattr(loop, name)

            async def recording(protocol_factory, *args, _original=original, **kwargs):
                def factory():
                    protocol = protocol_factory()
                    made.append(protocol)
                    return protocol
                return await _original(factory, *args, **kwargs)

            setattr(loop, name, recording)
        result = await self.fn(argv)
        used = isinstance(self.protocol_class, type) and any(
            isinstance(p, self.protocol_class) for p in made)
        return result, [type(p).__name__ for p in made], used
