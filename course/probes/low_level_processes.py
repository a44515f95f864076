"""Notebook 02 (low-level processes): a watch on the student's forked children, the
functions handed to ``run_in_child``, and the programs the hidden tests run.

The tests call ``watched(spawn)`` (or ``run_in_child``, ``run_in_pty``) through
``checks.call``, so the watch runs inside the grader's child process, next to the student's
code. It notices what ``course.isolation`` would silently tidy away:

- a forked child that comes back from the student's function into the caller's code
  (it forgot ``os._exit``: it returned, raised, or called ``sys.exit``) -- in a notebook
  that child would go on as a second copy of the kernel;
- with ``reaped=True``, a child left as a zombie (ended, never waited for) or still
  running after the function returned.

Anything the function started that is still running when the watch ends is killed, pty
children included (``os.forkpty`` puts them in a session of their own, out of reach of
the process-group kill that ``course.isolation`` does).
"""

import functools
import inspect
import json
import os
import select
import signal
import time

from course import checks, processes, timeouts


class ChildCameBack(Exception):
    """A forked child came back from the student's function into the code that called it."""


class ZombieLeft(Exception):
    """The student's function returned and left an ended child that nobody waited for."""


class ChildStillRunning(Exception):
    """The student's function returned while a child it forked was still running."""


_caller_pid = None
"""The pid of the process that called the watched function (read by ``where_it_runs``)."""


# ---------------------------------------------------------------- the watch


def watched(fn, *, reaped: bool = False):
    """``fn`` wrapped so that a call notices children that come back into the caller's code
    and, with ``reaped``, children left as zombies or still running. Problems are raised as
    ``ChildCameBack``, ``ZombieLeft`` or ``ChildStillRunning``; otherwise the call returns
    or raises whatever ``fn`` did. The wrapper keeps ``fn``'s name for messages."""
    name = getattr(fn, "__name__", "the function")

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        global _caller_pid
        me = _caller_pid = os.getpid()
        report_read, report_write = os.pipe()  # close-on-exec: programs never hold it
        try:
            value, error = fn(*args, **kwargs), None
        except BaseException as raised:  # noqa: BLE001 -- SystemExit is the point
            value, error = None, raised
            if os.getpid() != me:
                _came_back(report_write, f"by raising {type(raised).__name__}{_args_text(raised)}")
        else:
            if os.getpid() != me:
                _came_back(report_write, f"by returning {checks.short(value)}")
        os.close(report_write)
        try:
            came_back, all_closed = _read_reports(report_read, time.monotonic() + timeouts.EXIT)
        finally:
            os.close(report_read)
        try:
            if came_back:
                pid, how = came_back[0]
                raise ChildCameBack(
                    f"the child process (pid {pid}) came back from {name} into the code that "
                    f"called {name}, {how}, instead of ending there. In a notebook it would go on "
                    f"as a second copy of the kernel. End a forked child with os._exit(code), in a "
                    f"finally block, whatever happens (never return, sys.exit() or an exception).")
            if reaped:
                zombies, running = _settled_children(me, all_closed)
                if zombies:
                    raise ZombieLeft(
                        f"{name} returned and left its child (pid {zombies[0]}) a zombie: the "
                        f"child had ended, but nobody waited for it. Reap every child you fork "
                        f"with os.waitpid(pid, 0).")
                if running:
                    raise ChildStillRunning(
                        f"{name} returned while its child (pid {running[0]}) was still running. "
                        f"Wait for the child (os.waitpid) before returning.")
        finally:
            processes.kill_descendants(me)
        if error is not None:
            raise error
        return value

    return wrapper


def _args_text(error) -> str:
    return f"({', '.join(repr(a) for a in error.args)})" if error.args else ""


def _came_back(report_write, how):
    """In a child that came back: tell the watch, then end this process. Never returns."""
    try:
        os.write(report_write, f"{os.getpid()} {how}\n".encode("utf-8", "backslashreplace"))
    finally:
        os._exit(0)


def _read_reports(fd, deadline):
    """Reports of children that came back, until every process that could still send one
    has ended (end of file) or the deadline passes; and whether end of file came."""
    data = b""
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            break
        readable, _, _ = select.select([fd], [], [], remaining)
        if not readable:
            break
        chunk = os.read(fd, 4096)
        if not chunk:
            return _parse(data), True
        data += chunk
    return _parse(data), False


def _parse(data):
    reports = []
    for line in data.decode("utf-8", "replace").splitlines():
        pid, _, how = line.partition(" ")
        reports.append((int(pid), how))
    return reports


def _settled_children(me, all_closed):
    """The zombies and the still-running children of this process, once children that are
    exiting right now have had a moment to finish exiting."""
    deadline = time.monotonic() + (timeouts.EXIT if all_closed else 0.2)
    while True:
        children = processes.children(me)
        running = sorted(p for p, state in children.items() if state not in "ZX")
        if not running or time.monotonic() > deadline:
            zombies = sorted(p for p, state in children.items() if state == "Z")
            return zombies, running
        time.sleep(0.01)


# ---------------------------------------------------------------- which calls were made


def calls_of(fn, *names: str):
    """``fn``, changed to return what it returned and a dict that counts, for each name in
    ``names`` (``"fork"``, ``"forkpty"``, ``"pipe"``), the calls of that ``os`` function made
    by the process that called ``fn`` (not by its children). A name the student's code bound
    to such a function itself (``from os import fork``) is counted too, and so are calls made
    through the standard library (``pty.fork`` calls ``os.forkpty``)."""
    student = inspect.unwrap(fn)

    @functools.wraps(fn)
    def call(*args, **kwargs):
        me = os.getpid()
        counts = dict.fromkeys(names, 0)
        real = {name: getattr(os, name) for name in names}

        def counting(name):
            def counted(*a, **k):
                if os.getpid() == me:
                    counts[name] += 1
                return real[name](*a, **k)
            return counted

        replaced = {name: counting(name) for name in names}
        bound = getattr(student, "__globals__", {})
        aliases = {key: name for key, value in bound.items() for name in names if value is real[name]}
        for name, function in replaced.items():
            setattr(os, name, function)
        for key, name in aliases.items():
            bound[key] = replaced[name]
        try:
            result = fn(*args, **kwargs)
        finally:
            for name, function in real.items():
                setattr(os, name, function)
            for key, name in aliases.items():
                bound[key] = real[name]
        return result, counts

    return call


def check_called(report, expected, who: str, needed: dict[str, str]) -> None:
    """Fail unless the call ``who`` (run through ``calls_of``) returned ``expected`` and
    called each ``os`` function named in ``needed``; ``needed`` maps the name to what the
    message should say when it was never called."""
    checks.that(type(report) is tuple and len(report) == 2, f"{who}: the grader's probe got no report back")
    result, counts = report
    for name, advice in needed.items():
        checks.that(counts.get(name, 0) > 0, f"{who} never called os.{name}: {advice}")
    checks.same(result, expected, what=who)


# ---------------------------------------------------------------- functions for run_in_child


class Fn:
    """A function for ``run_in_child`` to call, shown in messages as readable code."""

    def __init__(self, text, body):
        self.text = text
        self.body = body

    def __call__(self):
        return self.body()

    def __repr__(self):
        return self.text


def gives(data: bytes, text: str | None = None) -> Fn:
    """A function that returns ``data``."""
    return Fn(text or f"lambda: {data!r}", lambda: data)


def raises(error: BaseException) -> Fn:
    """A function that raises ``error``."""
    def body():
        raise error
    return Fn(f"a function that raises {error!r}", body)


def exits(code: int) -> Fn:
    """A function that ends its process at once with exit code ``code``."""
    return Fn(f"lambda: os._exit({code})", lambda: os._exit(code))


def kills_itself(signum: int) -> Fn:
    """A function whose process kills itself with signal ``signum``."""
    name = signal.Signals(signum).name

    def body():
        os.kill(os.getpid(), signum)
        time.sleep(timeouts.CALL)  # a signal that is handled or ignored: do not go on
        return b"the signal did not end the process"
    return Fn(f"lambda: os.kill(os.getpid(), signal.{name})", body)


def _where_it_runs():
    if os.getpid() == _caller_pid:
        return b"in the caller's own process"
    return b"in a child process"


where_it_runs = Fn("a function that returns b'in a child process', or b\"in the caller's own process\" when it runs there",
                   _where_it_runs)
"""A function that says whether it runs in a child (what ``run_in_child`` should do)."""


# ---------------------------------------------------------------- programs


python = processes.python_program  # the name the notebook's test cells use


def on_terminal(data: bytes) -> bytes:
    """What the master side of a pseudo-terminal reads when a program writes ``data``: the
    terminal turns every newline into carriage return + newline."""
    return data.replace(b"\n", b"\r\n")


ARGV_REPORTER = python("import json, sys; open('argv.json', 'w').write(json.dumps(sys.argv[1:]))")
"""Writes the arguments it was given (after the code) as JSON to argv.json."""


def received_argv(folder: str) -> list[str] | None:
    """The arguments ``ARGV_REPORTER`` received when it ran in ``folder`` (None if it never
    wrote them)."""
    try:
        with open(os.path.join(folder, "argv.json")) as file:
            return json.load(file)
    except (OSError, ValueError):
        return None

TERMINAL_REPORT = python(
    "import os, sys\n"
    "print(*(os.isatty(fd) for fd in (0, 1, 2)))\n"
    "print('name', os.ttyname(1))\n"
    "fd = os.open('/dev/tty', os.O_WRONLY)\n"
    "os.write(fd, b'controlling terminal\\n')\n")
"""Reports whether it sees terminals, its terminal's name, and writes to /dev/tty (which
only a process with a controlling terminal can open)."""


def writer(total: int, line: int = 100) -> tuple[list[str], bytes]:
    """A program that writes ``total`` bytes in lines of ``line`` bytes, in one go, and the
    bytes it writes."""
    data = (b"x" * (line - 1) + b"\n") * (total // line)
    code = f"import sys; sys.stdout.buffer.write((b'x' * {line - 1} + b'\\n') * {total // line})"
    return python(code), data


def dribbler(pieces: int, pause: float) -> tuple[list[str], bytes]:
    """A program that writes ``pieces`` short lines, one every ``pause`` seconds, and the
    bytes it writes."""
    data = b"".join(b"piece %d\n" % i for i in range(pieces))
    code = (f"import sys, time\n"
            f"for i in range({pieces}):\n"
            f"    sys.stdout.write('piece %d\\n' % i); sys.stdout.flush(); time.sleep({pause})\n")
    return python(code), data
