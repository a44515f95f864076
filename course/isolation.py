"""Run a student's function in a forked child process with a deadline.

Why a child process: the kernel that runs the notebook must survive whatever the function
does (loop forever, block, call ``os._exit``, fork and forget to exit, print a flood, leave
programs running). A coroutine that never yields cannot be interrupted on the kernel's own
event loop, and a runaway thread cannot be stopped at all; a child process can always be
killed.

The child leads a new process group, so whatever it started dies with it; what it started
in a session of its own is found in /proc and killed too. What it writes
to stdout and stderr goes to a pipe the parent drains (the first ``OUTPUT_KEPT`` bytes are
kept for messages): nothing reaches the test cell's own streams, where any stderr output
would make nbgrader score the cell 0.
"""

import asyncio
import inspect
import os
import pickle
import select
import signal
import struct
import sys
import threading
import time
import traceback
import warnings
from dataclasses import dataclass

from course import processes, timeouts

OUTPUT_KEPT = 4096
_PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__)) + os.sep
_LIBRARY_DIRS = tuple({os.path.join(p, "lib") + os.sep for p in (sys.prefix, sys.base_prefix)})
_HEADER = struct.Struct("!Q")


class ChildError(Exception):
    """Stands for an exception of the child's that could not be sent back whole."""

    def __init__(self, type_name: str, message: str):
        super().__init__(f"{type_name}: {message}" if message else type_name)
        self.type_name = type_name
        self.message = message

    def __reduce__(self):
        return ChildError, (self.type_name, self.message)


class ThreadDied(Exception):
    """A thread that the call started ended with an exception nobody caught: a failure of
    the call even when the call itself returned (in a program, it would be a traceback on
    stderr that nobody reads)."""


@dataclass(frozen=True)
class Outcome:
    """What happened to one call in a child process: exactly one of value, error,
    timed_out and exit_status describes it."""

    value: object = None
    error: BaseException | None = None
    where: str = ""
    """The lines of the student's own code the error passed through, innermost last."""
    timed_out: bool = False
    exit_status: int | None = None
    """The wait status of a child that ended without answering."""
    output: str = ""
    """What the call printed (stdout and stderr together, cut at OUTPUT_KEPT bytes)."""

    @property
    def returned(self) -> bool:
        return self.error is None and not self.timed_out and self.exit_status is None


def run(fn, /, *args, timeout: float = timeouts.CALL, cwd: str | None = None, **kwargs) -> Outcome:
    """Call ``fn(*args, **kwargs)`` in a forked child (working in folder ``cwd``, if
    given) and say what happened within ``timeout`` seconds. If the call gives a
    coroutine, the child runs it on an event loop of its own. The child, and everything
    it started, is gone when this returns."""
    caller_file = _caller_file()
    result_read, result_write = os.pipe()
    output_read, output_write = os.pipe()
    with warnings.catch_warnings():
        # Python 3.12+ warns (on stderr) that forking a threaded process is risky; the child
        # only runs the student's function and then calls os._exit, so the warning is noise.
        warnings.simplefilter("ignore", DeprecationWarning)
        pid = os.fork()
    if pid == 0:
        os.close(result_read)
        os.close(output_read)
        _child(fn, args, kwargs, result_write, output_write, caller_file, cwd)
    os.close(result_write)
    os.close(output_write)
    try:
        os.setpgid(pid, pid)  # also done by the child; whoever comes first wins the race
    except OSError:
        pass
    report, output, finished = None, b"", False
    try:
        report, output, finished = _collect(result_read, output_read, time.monotonic() + timeout)
    finally:
        # A child that answered, or closed its end, is on its way out: give it a moment.
        status = _stop(pid, grace=1.0 if report is not None or finished else 0.0)
        os.close(result_read)
        os.close(output_read)
    text = output.decode("utf-8", "backslashreplace")
    if report is None:
        if status is None:
            return Outcome(timed_out=True, output=text)
        return Outcome(exit_status=status, output=text)
    try:
        kind, payload, where = pickle.loads(report)
    except Exception as error:
        return Outcome(error=ChildError("UnreadableResult", str(error)), output=text)
    if kind == "returned":
        return Outcome(value=payload, output=text)
    return Outcome(error=payload, where=where, output=text)


def _caller_file() -> str:
    """The file of the code that called into this package (a test cell's file)."""
    frame = sys._getframe(1)
    while frame is not None and frame.f_code.co_filename.startswith(_PACKAGE_DIR):
        frame = frame.f_back
    return frame.f_code.co_filename if frame is not None else ""


def _child(fn, args, kwargs, result_write, output_write, caller_file, cwd):
    """The child's whole life: run the call, send back what happened, exit. Never returns."""
    status = 0
    child = os.getpid()
    try:
        os.setpgid(0, 0)
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        _redirect_standard_streams(output_write)
        if cwd is not None:
            os.chdir(cwd)
        report = _call(fn, args, kwargs, caller_file)
        if os.getpid() != child:
            # A process the call forked came back here instead of exiting: only the child
            # itself answers.
            os._exit(0)
        try:
            data = pickle.dumps(report)
        except Exception as error:
            data = pickle.dumps(("raised", _unsendable(report[1], error), ""))
        sys.stdout.flush()
        sys.stderr.flush()
        os.write(result_write, _HEADER.pack(len(data)))
        _write_all(result_write, data)
        # What the call started in a session of its own (setsid, forkpty) is out of reach of
        # the process-group kill; the child ends it while it can still find it.
        processes.kill_descendants(child)
    except BaseException:
        status = 70
    finally:
        os._exit(status)


def _redirect_standard_streams(output_write):
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.close(devnull)
    os.dup2(output_write, 1)
    os.dup2(output_write, 2)
    os.close(output_write)
    # The kernel's sys.stdout forwards to the notebook over ZeroMQ; the child must not use it.
    sys.stdin = open(0, closefd=False)
    sys.stdout = open(1, "w", buffering=1, closefd=False, errors="backslashreplace")
    sys.stderr = open(2, "w", buffering=1, closefd=False, errors="backslashreplace")


def _call(fn, args, kwargs, caller_file):
    # The kernel's event loop was running when we forked; it belongs to the parent.
    asyncio.events._set_running_loop(None)
    thread_failures = []
    threading.excepthook = thread_failures.append
    try:
        value = fn(*args, **kwargs)
        if inspect.iscoroutine(value):
            with asyncio.Runner() as runner:
                value = runner.run(value)
        if thread_failures:
            failure = thread_failures[0]
            raise ThreadDied(f"the thread {failure.thread.name!r} that it started ended with "
                             f"{failure.exc_type.__name__}: {failure.exc_value}") from failure.exc_value
        return ("returned", value, "")
    except BaseException as error:
        where = student_lines((error.__cause__ if isinstance(error, ThreadDied) else error).__traceback__,
                              caller_file)
        try:
            pickle.loads(pickle.dumps(error))
        except Exception:
            error = ChildError(type(error).__name__, str(error))
        error.__traceback__ = None
        error.__context__ = error.__cause__ = None
        return ("raised", error, where)


def _unsendable(value, error) -> ChildError:
    return ChildError(
        "UnsendableResult",
        f"the function returned {type(value).__name__} {value!r:.80}, which cannot be "
        f"sent between processes ({error})",
    )


def student_lines(tb, caller_file: str = "") -> str:
    """The frames of a traceback that are the student's own code: not this package, not
    the test cell that made the call, not the standard library or installed packages."""
    lines = []
    for frame in traceback.extract_tb(tb):
        name = frame.filename
        if name.startswith(_PACKAGE_DIR) or name.startswith(_LIBRARY_DIRS) or name == caller_file:
            continue
        lines.append(f"  in {frame.name}, line {frame.lineno}: {(frame.line or '').strip()}")
    return "\n".join(lines)


def _write_all(fd, data):
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _collect(result_read, output_read, deadline):
    """Read the child's report and drain its output until the report is whole, the child
    is gone, or the deadline passes. Returns the report (None if there is none), the output
    kept, and whether the child closed its end before the deadline."""
    report = bytearray()
    output = bytearray()
    watched = [result_read, output_read]
    while result_read in watched:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return None, bytes(output), False
        readable, _, _ = select.select(watched, [], [], remaining)
        for fd in readable:
            data = os.read(fd, 1 << 16)
            if not data:
                watched.remove(fd)
            elif fd == output_read:
                output += data[: max(0, OUTPUT_KEPT - len(output))]
            else:
                report += data
        if len(report) >= _HEADER.size:
            (length,) = _HEADER.unpack_from(report)
            if len(report) - _HEADER.size >= length:
                return bytes(report[_HEADER.size:]), bytes(output), True
    return None, bytes(output), True


def _stop(pid, grace) -> int | None:
    """Kill the child's process group and reap the child. Returns the child's wait status
    if it ended by itself within ``grace`` seconds, None if it had to be killed."""
    deadline = time.monotonic() + grace
    ended, status = os.waitpid(pid, os.WNOHANG)
    while not ended and time.monotonic() < deadline:
        time.sleep(0.002)
        ended, status = os.waitpid(pid, os.WNOHANG)
    if not ended:
        processes.kill_descendants(pid)
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    if ended:
        return status
    os.waitpid(pid, 0)
    return None
