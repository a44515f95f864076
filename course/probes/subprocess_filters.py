"""The grader's side of notebook 04-subprocess: probes that run inside the child process of
``checks.call``, next to the student's function, and small programs for the tests to run.

Every probe changes only its own process (the forked child of ``checks.call``): a PATH or
LC_ALL set here never reaches the kernel.
"""

import ast
import functools
import os
import shlex
import shutil
import stat
import tempfile
import time

from course import checks, processes, timeouts

ECHO_ARGUMENTS = processes.python_program(
    "import os, sys\n"
    "data = sys.stdin.buffer.read()\n"
    "sys.stdout.buffer.write(data + repr([os.getppid()] + sys.argv[1:]).encode() + b'\\n')"
)
"""A filter that copies its input, then adds a line with its parent's pid and its arguments
(append arguments to this argv)."""

LITERAL_ARGUMENTS = ["a; touch CANARY", "$(touch CANARY)", "`touch CANARY`", "two  spaces",
                     " ", "", "*", "'quoted'", '"double"', "a && touch CANARY", "-n", "naïve ✓"]
"""Arguments that a shell would split, expand or obey; a program must receive them as they are."""

NOISY_COPY = processes.python_program(
    "import sys\n"
    "sys.stderr.write('warning: this goes to standard error\\n' * 30000)\n"
    "sys.stderr.flush()\n"
    "sys.stdout.buffer.write(sys.stdin.buffer.read())"
)
"""A filter that writes about 1 MB to standard error (more than a pipe holds) before it
copies its input to standard output."""

TICKER = processes.python_program(
    "import time\n"
    "while True:\n"
    "    print('tick', flush=True)\n"
    "    time.sleep(0.005)"
)
"""A program that never ends by itself: it prints a line every 5 ms until its output pipe is
closed (then SIGPIPE ends it). Slow on purpose, so that collecting all of its output first
fills no memory, it just never finishes."""


def check_echoes(output, data: bytes, caller: int, argument_lists: list[list[str]], who: str) -> None:
    """Fail unless ``output`` is what a chain of ECHO_ARGUMENTS programs, each started by
    process ``caller`` with the arguments in ``argument_lists``, writes for the input ``data``.
    ``who`` names the call in the messages."""
    expected = data + b"".join(repr([caller] + list(a)).encode() + b"\n" for a in argument_lists)
    if type(output) is bytes and output.startswith(data):
        try:
            echoes = [ast.literal_eval(line.decode()) for line in output[len(data):].splitlines()]
            received = [echo[1:] for echo in echoes]
            parents = [echo[0] for echo in echoes]
        except (ValueError, SyntaxError, UnicodeDecodeError, TypeError, IndexError):
            echoes = None
        if echoes is not None:
            wanted = [list(a) for a in argument_lists]
            if received != wanted:
                checks.fail(f"{who}: the programs should receive the arguments {wanted!r}, "
                                     f"but they received {received!r}")
            if any(parent != caller for parent in parents):
                checks.fail(f"{who}: the programs were started by the processes {parents!r}, "
                                     f"not by the process that called it ({caller}): was there a shell "
                                     "in between?")
    checks.same(output, expected, what=f"{who}, with programs that print their input, their "
                                       "parent's pid and their arguments")


def reporting_pid(fn):
    """``fn``, changed to return what it returned and the pid of the process that called it
    (the programs it starts directly have this pid as their parent)."""
    @functools.wraps(fn)
    def call(*args):
        return fn(*args), os.getpid()
    return call


def with_recording_sort(fn, caller_locale: str = "C.UTF-8"):
    """``fn``, changed to run with a recording ``sort`` first on PATH and ``LC_ALL`` set to
    ``caller_locale`` in the caller's environment. The recording ``sort`` notes, for each
    run, the collation locale it was given (``LC_ALL``, else ``LC_COLLATE``, else ``LANG``,
    else ``C``, as POSIX says), then runs the real ``sort`` with the same arguments.
    It returns what ``fn`` returned and the list of locales noted, one per run of ``sort``."""
    @functools.wraps(fn)
    def call(*args):
        real_sort = shutil.which("sort")
        if real_sort is None:
            raise RuntimeError("the grader found no program 'sort' on PATH")
        with tempfile.TemporaryDirectory(prefix="sort-recorder-") as folder:
            log = os.path.join(folder, "runs.log")
            wrapper = os.path.join(folder, "sort")
            with open(wrapper, "w") as script:
                script.write("#!/bin/sh\n"
                             'printf "%s\\n" "${LC_ALL:-${LC_COLLATE:-${LANG:-C}}}" >> '
                             f"{shlex.quote(log)}\n"
                             f'exec {shlex.quote(real_sort)} "$@"\n')
            os.chmod(wrapper, os.stat(wrapper).st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
            os.environ["PATH"] = folder + os.pathsep + os.environ.get("PATH", os.defpath)
            os.environ["LC_ALL"] = caller_locale
            result = fn(*args)
            try:
                with open(log) as file:
                    runs = file.read().splitlines()
            except FileNotFoundError:
                runs = []
        return result, runs
    return call


def with_leftovers(fn, grace: float = timeouts.EXIT):
    """``fn``, changed to return what it returned and the command lines of the processes it
    started (directly or not) that are still running ``grace`` seconds after it returned.
    Ended processes that were not waited for (zombies) do not count."""
    @functools.wraps(fn)
    def call(*args):
        result = fn(*args)
        deadline = time.monotonic() + grace
        left = processes.running_descendants(os.getpid())
        while left and time.monotonic() < deadline:
            time.sleep(0.02)
            left = processes.running_descendants(os.getpid())
        return result, sorted(processes.command_line(pid) for pid in left)
    return call


SLEEPER = processes.python_program("import time\ntime.sleep(3600)")
"""A program that neither reads nor writes, and does not end by itself for an hour: only
being killed stops it."""

PIPE_ENDS = processes.python_program(
    "import os, stat, sys\n"
    "data = sys.stdin.buffer.read()\n"
    "ends = [os.fstat(fd) for fd in (0, 1)]\n"
    "sys.stdout.buffer.write(data + repr([[end.st_dev, end.st_ino, stat.S_ISFIFO(end.st_mode)] for end in ends]).encode() + b'\\n')"
)
"""A filter that copies its input, then adds a line that names its standard input and
standard output: ``[[device, inode, is_a_pipe], [device, inode, is_a_pipe]]``. In a chain
of these, program i's standard output must be the very pipe that is program i+1's
standard input."""


def check_connected(output, data: bytes, stages: int, who: str) -> None:
    """Fail unless ``output`` comes from ``stages`` PIPE_ENDS programs fed ``data``, each
    one's standard output the same pipe as the next one's standard input."""
    lines = None
    if type(output) is bytes and output.startswith(data):
        try:
            lines = [ast.literal_eval(line.decode()) for line in output[len(data):].splitlines()]
        except (ValueError, SyntaxError, UnicodeDecodeError):
            lines = None
    if lines is None or len(lines) != stages:
        checks.fail(f"{who} should return the input followed by one line from each of the "
                             f"{stages} programs; it returned {checks.short(output)}")
    for index in range(stages - 1):
        (_, _, _), (out_dev, out_ino, out_fifo) = lines[index]
        (in_dev, in_ino, in_fifo), _ = lines[index + 1]
        checks.that(out_fifo and in_fifo and (out_dev, out_ino) == (in_dev, in_ino),
                    f"{who}: program {index + 1}'s standard output was not connected to program "
                    f"{index + 2}'s standard input (they were {'the same' if (out_dev, out_ino) == (in_dev, in_ino) else 'two different'} "
                    f"{'pipes' if out_fifo and in_fifo else 'files, not one pipe'}). Pass one "
                    "program's stdout pipe as the next one's stdin (stdin=previous.stdout), as a "
                    "shell does, instead of copying the data through your own process or a file.")


def with_leftovers_after_error(fn, grace: float = timeouts.EXIT):
    """``fn``, changed to return the name of the exception it raised (None if it returned)
    and the command lines of the processes it started that are still running ``grace``
    seconds after."""
    @functools.wraps(fn)
    def call(*args):
        raised = None
        try:
            fn(*args)
        except Exception as error:
            raised = type(error).__name__
        deadline = time.monotonic() + grace
        left = processes.running_descendants(os.getpid())
        while left and time.monotonic() < deadline:
            time.sleep(0.02)
            left = processes.running_descendants(os.getpid())
        return raised, sorted(processes.command_line(pid) for pid in left)
    return call
