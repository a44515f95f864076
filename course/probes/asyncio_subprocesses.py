"""Notebook 05 (asyncio subprocesses): programs for the hidden tests to run, and probes
that run in the child process next to the student's coroutine.

The programs are small Python scripts (``Program``), which show as a short sentence in
failure messages instead of a long ``python -c`` command line. Programs that must be seen
to stop write their pid to a file first; ``Watching`` awaits the student's coroutine and
then, still inside the child (whose whole process group is killed when the call ends),
checks that the program is gone.
"""

import asyncio
import json
import os
import shlex
import sys
import time
from dataclasses import dataclass

from course import checks, processes, timeouts

PAUSE = 0.05
"""Seconds a dribbling program waits after each piece it writes, so that the pieces
arrive in separate reads."""

GATE = 60.0
"""Seconds a gated program waits at most for its companions to start. Run together (as
run_all must), a program goes on as soon as all have started, however slow the machine; run
one after another, the first one waits in vain, and the test stops run_all (``RUN_ALL_LIMIT``)
long before this."""

RUN_ALL_LIMIT = 12.0
"""Seconds the tests give run_all to start every program and collect their outputs."""

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
    """A program that notes when it starts, waits until ``companions`` programs in total
    have started in ``folder`` (giving up after ``GATE`` seconds, which only programs run
    one after another reach), notes when it ends, and prints ``output``. Run together,
    their intervals overlap by construction; run one after another, they do not."""
    code = (
        "import os, sys, time\n"
        f"folder, name, companions = {folder!r}, {name!r}, {companions!r}\n"
        "start = time.monotonic()\n"
        "with open(os.path.join(folder, name + '.started'), 'w') as f:\n"
        "    f.write(repr(start))\n"
        f"deadline = start + {GATE!r}\n"
        "while time.monotonic() < deadline:\n"
        "    if sum(f.endswith('.started') for f in os.listdir(folder)) >= companions:\n"
        "        break\n"
        "    time.sleep(0.01)\n"
        "end = time.monotonic()\n"
        "with open(os.path.join(folder, name + '.interval'), 'w') as f:\n"
        "    f.write(f'{start} {end}')\n"
        f"sys.stdout.buffer.write({output!r})\n"
    )
    return Program(processes.python_program(code), f"prints {output!r} (program {name})")


@dataclass(frozen=True)
class Bounded:
    """A probe: ``Bounded(fn, limit)(*args)`` awaits ``fn(*args)`` in the child for at most
    ``limit`` seconds and returns ``(True, result)``, or ``(False, None)`` when the time
    was up, so that the test can then say why from what the programs recorded."""

    fn: object
    limit: float

    @property
    def __name__(self) -> str:
        return getattr(self.fn, "__name__", "the function")

    async def __call__(self, *args):
        try:
            async with asyncio.timeout(self.limit):
                return True, await self.fn(*args)
        except TimeoutError:
            return False, None


def expect_overlap(folder: str, names: list[str], finished: bool = True) -> None:
    """Fail unless every program in ``names`` ran, and all ran at the same time: the last
    one started before the first one ended (by the times the programs noted themselves).
    ``finished`` says whether run_all returned within ``RUN_ALL_LIMIT``."""
    starts, intervals = {}, {}
    for name in names:
        try:
            with open(os.path.join(folder, name + ".started")) as file:
                starts[name] = float(file.read())
        except (OSError, ValueError):
            pass
        try:
            with open(os.path.join(folder, name + ".interval")) as file:
                intervals[name] = tuple(map(float, file.read().split()))
        except (OSError, ValueError):
            pass
    advice = "Start them all first, then wait for all of them (asyncio.gather)."
    if not finished:
        started = [name for name in names if name in starts]
        if len(started) < len(names):
            checks.fail(
                f"run_all did not return within {RUN_ALL_LIMIT:g} s, and by then it had started "
                f"{'only program ' + ', '.join(started) if started else 'none'} of the "
                f"{len(names)} programs. Each test program waits until all {len(names)} are "
                "running, so programs run one after another never get past the first. " + advice)
        checks.fail(f"run_all did not return within {RUN_ALL_LIMIT:g} s, although every "
                             "program had started. Does it wait for something that never comes?")
    missing = [name for name in names if name not in intervals]
    checks.that(not missing, f"run_all returned before program {', '.join(missing)} had ended (or "
                             "never started it): it must run every command and wait for all of them")
    first = min(start for start, _ in intervals.values())
    shown = "; ".join(f"program {name} ran {intervals[name][0] - first:.2f}-"
                      f"{intervals[name][1] - first:.2f} s" for name in names)
    for later in names:
        for earlier in names:
            if intervals[later][0] >= intervals[earlier][1]:
                checks.fail(
                    f"run_all did not run the programs at the same time: program {later} "
                    f"started only after program {earlier} had ended (as they noted it: "
                    f"{shown}). " + advice)


# ---------------------------------------------------------------------- wait_for_line

@dataclass(frozen=True)
class Watch:
    """What one watched call did, and whether the program it started (and the program
    that one started, if watched) was gone after."""

    call: str
    value: object = None
    error: str | None = None
    timeout_error: bool = False
    pid: int | None = None
    gone: bool = False
    zombie: bool = False
    hung: float | None = None
    """The limit the call did not finish within, if it did not."""
    grandchild: int | None = None
    grandchild_gone: bool = True

    def expect_finished(self) -> None:
        if self.hung is not None:
            checks.fail(
                f"{self.call} did not finish within {self.hung:g} s. The program it started "
                "had started a program of its own, which holds the same output pipe: killing "
                "only the program you started leaves that one running and the pipe open, so "
                "reading to the end of the output never ends. Start the program in a process "
                "group of its own (start_new_session=True) and kill the whole group "
                "(os.killpg(process.pid, signal.SIGKILL)).")

    def expect_returned(self, expected) -> None:
        self.expect_finished()
        checks.that(self.error is None,
                    f"{self.call} raised {self.error}; expected it to return {checks.short(expected)}")
        checks.same(self.value, expected, what=self.call)

    def expect_timeout(self) -> None:
        self.expect_finished()
        if self.error is None:
            checks.fail(f"{self.call} should raise TimeoutError, but it returned "
                                 f"{checks.short(self.value)}")
        checks.that(self.timeout_error,
                    f"{self.call} should raise TimeoutError, but it raised {self.error}")

    def expect_stopped(self) -> None:
        self.expect_finished()
        if self.pid is None and self.error is not None:
            return  # stopped before it ran its first line (a slow start on a busy machine)
        checks.that(self.pid is not None,
                    f"{self.call}: the program was never started (it writes its pid first)")
        if self.zombie:
            checks.fail(
                f"{self.call} ended the program (pid {self.pid}) but never waited for it: it was "
                f"still a zombie {timeouts.EXIT:g} s after the call. Await proc.wait() or "
                "proc.communicate() after killing it.")
        checks.that(self.gone,
                    f"{self.call} left the program it started (pid {self.pid}) running: it was "
                    f"still there {timeouts.EXIT:g} s after the call "
                    f"{'returned' if self.error is None else 'raised'}. Stop it (proc.kill()) "
                    "before you return or raise.")
        checks.that(self.grandchild_gone,
                    f"{self.call} stopped the program it started, but not the program that one "
                    f"had started (pid {self.grandchild}), which was still running "
                    f"{timeouts.EXIT:g} s after the call. Start the program in a process group "
                    "of its own (start_new_session=True) and kill the whole group "
                    "(os.killpg(process.pid, signal.SIGKILL)).")


class Watching:
    """A probe: ``Watching(fn, pid_file)(*args)`` awaits ``fn(*args)`` in the child (for at
    most ``limit`` seconds), then waits (without blocking the loop) for the process whose pid
    is in ``pid_file`` to be gone and reaped, and for the one whose pid is in
    ``grandchild_pid_file`` (a program that program started) to be gone, and returns a
    ``Watch``. Messages name it as ``fn``."""

    def __init__(self, fn, pid_file: str, grandchild_pid_file: str | None = None,
                 limit: float | None = None):
        self.fn = fn
        self.pid_file = pid_file
        self.grandchild_pid_file = grandchild_pid_file
        self.limit = limit
        self.__name__ = getattr(fn, "__name__", "the function")

    async def __call__(self, *args) -> Watch:
        call = checks.describe_call(self.fn, args, {})
        value, error, timeout_error, hung = None, None, False, None
        try:
            async with asyncio.timeout(self.limit) as scope:
                value = await self.fn(*args)
        except Exception as raised:
            if isinstance(raised, TimeoutError) and scope.expired():
                hung = self.limit
            error = f"{type(raised).__name__}: {raised}".rstrip(": ")
            timeout_error = isinstance(raised, TimeoutError)
        # A call that raised may have stopped the program before its first line; one that
        # left it running gives it time to start and write its pid.
        pid = processes.read_pid(self.pid_file, timeout=0.2 if error is None else timeouts.EXIT)
        gone = zombie = False
        if pid is not None:
            deadline = time.monotonic() + timeouts.EXIT
            while processes.exists(pid) and time.monotonic() < deadline:
                await asyncio.sleep(0.01)  # the loop may be the one that reaps it
            gone = not processes.exists(pid)
            zombie = not gone and not processes.running(pid)
        grandchild, grandchild_gone = None, True
        if self.grandchild_pid_file is not None:
            grandchild = processes.read_pid(self.grandchild_pid_file, timeout=0.2)
            if grandchild is not None:
                deadline = time.monotonic() + timeouts.EXIT
                while processes.running(grandchild) and time.monotonic() < deadline:
                    await asyncio.sleep(0.01)
                grandchild_gone = not processes.running(grandchild)
        return Watch(call, value, error, timeout_error, pid, gone, zombie, hung, grandchild,
                     grandchild_gone)


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


def shell_starting_program(pid_file: str, grandchild_pid_file: str) -> Program:
    """A shell (``sh -c``) that writes its pid to ``pid_file`` and runs a program (a
    command that is not the last, so no shell execs it) which writes its pid to
    ``grandchild_pid_file``, prints 'READY' and sleeps: killing the shell alone leaves that
    program running, holding the shell's output pipe."""
    grandchild = dribbling([b"READY\n"], "", then=SLEEP, pid_file=grandchild_pid_file)
    script = (f"echo $$ > {shlex.quote(pid_file)}; {shlex.join(grandchild)}; "
              "echo the program ended")
    return Program(["sh", "-c", script],
                   "is sh -c running a program that prints 'READY'")


# ---------------------------------------------------------------------------- ask_bc

HOLD = 0.2
"""Seconds the recording bc holds each answer back while it watches for more input: a
conversation that sends the next line before it has read an answer is seen doing so."""

_RELAY = r'''
import json, os, selectors, subprocess, sys, time
log_path, pid_path, real_bc, hold = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
bc = subprocess.Popen([real_bc, *sys.argv[5:]], stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0)
with open(pid_path, "w") as f:
    f.write(f"{os.getpid()} {bc.pid}")
log = open(log_path, "a", buffering=1)
def note(kind, data):
    log.write(json.dumps([kind, data.decode("utf-8", "replace")]) + "\n")
selector = selectors.DefaultSelector()
selector.register(0, selectors.EVENT_READ, "in")
selector.register(bc.stdout.fileno(), selectors.EVENT_READ, "out")
waiting_in, waiting_out, ready, due = b"", b"", [], None
def answers(data):
    """Split complete answers (lines, a backslash-newline continues one) off data."""
    found = []
    while True:
        end = 0
        while True:
            at = data.find(b"\n", end)
            if at < 0:
                return found, data
            if at > 0 and data[at - 1:at] == b"\\":
                end = at + 1
                continue
            found.append(data[:at + 1])
            data = data[at + 1:]
            break
out_open = True
while out_open or ready:
    timeout = None if due is None else max(0.0, due - time.monotonic())
    for key, _ in selector.select(timeout):
        if key.data == "in":
            data = os.read(0, 65536)
            if not data:
                note("eof", b"")
                selector.unregister(0)
                bc.stdin.close()
                continue
            waiting_in += data
            while b"\n" in waiting_in:
                line, waiting_in = waiting_in.split(b"\n", 1)
                note("in", line)
                try:
                    bc.stdin.write(line + b"\n")
                except BrokenPipeError:
                    pass
        else:
            data = os.read(key.fd, 65536)
            if not data:
                selector.unregister(key.fd)
                out_open = False
                ready.extend([waiting_out] if waiting_out else [])
                due = time.monotonic()
                continue
            found, waiting_out = answers(waiting_out + data)
            ready.extend(found)
            if ready and due is None:
                due = time.monotonic() + hold
    if ready and due is not None and time.monotonic() >= due:
        for answer in ready:
            note("out", answer)
            os.write(1, answer)
        ready, due = [], None
sys.exit(bc.wait())
'''


@dataclass(frozen=True)
class Conversation:
    """What one call of ask_bc did with a recording bc: the call's outcome, the events
    in order (``("in", line)`` received, ``("out", answer)`` written, ``("eof", "")``),
    whether the relay and the real bc were gone after it, and whether it hung."""

    call: str
    value: object = None
    error: str | None = None
    timeout_error: bool = False
    value_error: bool = False
    events: tuple = ()
    started: bool = False
    gone: bool = True
    zombie: bool = False
    bc_gone: bool = True
    hung: float | None = None

    def expect_finished(self) -> None:
        checks.that(self.hung is None,
                    f"{self.call} did not finish within {self.hung} s. Does it wait for an "
                    "answer without a deadline, or read bc's output to its end while bc is "
                    "still running (bc ends when its input ends)?")

    def expect_returned(self, expected) -> None:
        self.expect_finished()
        checks.that(self.error is None,
                    f"{self.call} raised {self.error}; expected it to return {checks.short(expected)}")
        checks.same(self.value, expected, what=self.call)

    def expect_raised(self, name: str) -> None:
        self.expect_finished()
        if self.error is None:
            checks.fail(f"{self.call} should raise {name}, but it returned "
                                 f"{checks.short(self.value)}")
        raised = self.timeout_error if name == "TimeoutError" else self.value_error
        checks.that(raised, f"{self.call} should raise {name}, but it raised {self.error}")

    def expect_ran_bc(self) -> None:
        checks.that(self.started, f"{self.call} never ran the program bc found on PATH (a "
                                  "recording bc put first on PATH was not started)")

    def expect_interleaved(self) -> None:
        """Every line after the first was sent only after the answer to the one before."""
        self.expect_ran_bc()
        answered, sent = 0, []
        for kind, data in self.events:
            if kind == "out":
                answered += 1
            elif kind == "in":
                if len(sent) > answered:
                    checks.fail(
                        f"{self.call} sent the line {data!r} before it had read the answer to "
                        f"{sent[answered]!r} (bc had not even written that answer yet). Send "
                        "one line, read its answer, and only then send the next line.")
                sent.append(data)

    def expect_stopped(self) -> None:
        self.expect_ran_bc()
        checks.that(not self.zombie,
                    f"{self.call} ended bc but never waited for it: it was still a zombie "
                    f"{timeouts.EXIT:g} s after the call. Await process.wait() (or "
                    "communicate()) before you return or raise.")
        checks.that(self.gone and self.bc_gone,
                    f"{self.call} left bc running {timeouts.EXIT:g} s after the call "
                    f"{'returned' if self.error is None else 'raised'}. Close its input "
                    "(bc ends at the end of its input), or kill it, and wait for it.")


class WithRecordingBc:
    """A probe: ``WithRecordingBc(fn, folder)(expressions, timeout)`` puts a recording
    ``bc`` first on PATH (a relay between the caller and the real bc that logs each line it
    receives and each answer it writes, holding every answer back ``HOLD`` seconds while it
    watches for more input), awaits ``fn(expressions, timeout)`` for at most ``limit``
    seconds, checks that the relay and the real bc are gone, and returns a ``Conversation``."""

    def __init__(self, fn, folder: str, limit: float = timeouts.CALL - 1.5):
        self.fn = fn
        self.folder = folder
        self.limit = limit
        self.__name__ = getattr(fn, "__name__", "the function")

    async def __call__(self, expressions, timeout):
        import shutil
        import stat as stat_module

        call = checks.describe_call(self.fn, (expressions, timeout), {})
        real_bc = shutil.which("bc")
        if real_bc is None:
            raise RuntimeError("the grader found no program 'bc' on PATH")
        bin_folder = os.path.join(self.folder, "bin")
        os.makedirs(bin_folder, exist_ok=True)
        log, pids, relay = (os.path.join(self.folder, name) for name in ("log", "pids", "relay.py"))
        with open(relay, "w") as file:
            file.write(_RELAY)
        wrapper = os.path.join(bin_folder, "bc")
        with open(wrapper, "w") as file:
            file.write("#!/bin/sh\n"
                       f"echo $$ > {shlex.quote(pids + '.relay')}\n"
                       f"exec {shlex.join([sys.executable, '-u', relay, log, pids, real_bc, str(HOLD)])}"
                       ' "$@"\n')
        os.chmod(wrapper, os.stat(wrapper).st_mode | stat_module.S_IXUSR)
        os.environ["PATH"] = bin_folder + os.pathsep + os.environ.get("PATH", os.defpath)
        value, error, timeout_error, value_error, hung = None, None, False, False, None
        try:
            async with asyncio.timeout(self.limit) as scope:
                value = await self.fn(expressions, timeout)
        except Exception as raised:
            if isinstance(raised, TimeoutError) and scope.expired():
                hung = self.limit
            error = f"{type(raised).__name__}: {raised}".rstrip(": ")
            timeout_error = isinstance(raised, TimeoutError)
            value_error = isinstance(raised, ValueError)
        started, gone, zombie, bc_gone = False, True, False, True
        relay_pid = processes.read_pid(pids + ".relay", timeout=0.2)  # written before its exec
        bc_pid = None  # written by the relay once it has started the real bc
        try:
            with open(pids) as file:
                bc_pid = int(file.read().split()[1])
        except (OSError, ValueError, IndexError):
            pass
        if relay_pid is not None:
            started = True
            deadline = time.monotonic() + timeouts.EXIT
            while ((processes.exists(relay_pid) or (bc_pid is not None and processes.running(bc_pid)))
                   and time.monotonic() < deadline):
                await asyncio.sleep(0.01)
            gone = not processes.exists(relay_pid)
            zombie = not gone and not processes.running(relay_pid)
            bc_gone = bc_pid is None or not processes.running(bc_pid)
        events = []
        try:
            with open(log) as file:
                events = [tuple(json.loads(line)) for line in file if line.strip()]
        except (OSError, ValueError):
            pass
        return Conversation(call, value, error, timeout_error, value_error, tuple(events),
                            started, gone, zombie, bc_gone, hung)
