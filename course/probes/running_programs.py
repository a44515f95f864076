"""Notebook 01 (running programs): probes that run inside the child process of
``checks.call``, next to the student's function, and prove that what a contract names was
used.

``recorded(fn)`` changes, in that child only:

- ``os.popen``: each call is noted (its mode) before the real ``os.popen`` runs. Names the
  student's code bound to ``os.popen`` itself (``from os import popen``) are changed too.
- ``PATH``: a recording ``wc`` comes first; it notes each run and then runs the real ``wc``
  with the same arguments, so the count is still ``wc``'s own.

It returns a ``Report`` instead of the function's result; ``check_counted`` and
``check_sent`` then fail with a message that says what was missing.
"""

import functools
import inspect
import os
import shlex
import shutil
import stat
import tempfile
import time
from dataclasses import dataclass, field

from course import checks, timeouts


@dataclass
class Report:
    """What a call of the student's function did."""

    result: object = None
    popen_modes: list[str] = field(default_factory=list)
    """The mode of each ``os.popen`` call, in order (``"r"`` or ``"w"``)."""
    wc_runs: int = 0
    """How many times the program ``wc`` ran."""


def recorded(fn, *, wait_for: str | None = None):
    """``fn``, changed to return a ``Report`` of its result, its ``os.popen`` calls and the
    runs of ``wc``. With ``wait_for`` (a file name), each ``os.popen`` call returns only once
    the program has created that file (or after ``timeouts.CALL`` seconds): a program that
    closes its standard input and then creates the file has stopped reading for sure, so
    whatever the caller writes afterwards meets a pipe that nobody reads."""
    student = inspect.unwrap(fn)

    @functools.wraps(fn)
    def call(*args):
        report = Report()
        real_popen = os.popen

        def popen(cmd, mode="r", buffering=-1):
            report.popen_modes.append(mode)
            pipe = real_popen(cmd, mode, buffering)
            if wait_for is not None:
                deadline = time.monotonic() + timeouts.CALL
                while not os.path.exists(wait_for) and time.monotonic() < deadline:
                    time.sleep(0.005)
            return pipe

        names = getattr(student, "__globals__", {})
        aliases = [name for name, value in names.items() if value is real_popen]
        os.popen = popen
        for name in aliases:
            names[name] = popen
        with tempfile.TemporaryDirectory(prefix="wc-recorder-") as folder:
            log = os.path.join(folder, "runs.log")
            _recording_wc(folder, log)
            os.environ["PATH"] = folder + os.pathsep + os.environ.get("PATH", os.defpath)
            report.result = fn(*args)
            try:
                with open(log) as file:
                    report.wc_runs = len(file.read().splitlines())
            except FileNotFoundError:
                pass
        return report

    return call


def _recording_wc(folder: str, log: str) -> None:
    """Write a program ``wc`` into ``folder`` that adds a line to ``log``, then runs the
    real ``wc`` with the same arguments."""
    real_wc = shutil.which("wc")
    if real_wc is None:
        raise RuntimeError("the grader found no program 'wc' on PATH")
    wrapper = os.path.join(folder, "wc")
    with open(wrapper, "w") as script:
        script.write("#!/bin/sh\n"
                     f"echo ran >> {shlex.quote(log)}\n"
                     f'exec {shlex.quote(real_wc)} "$@"\n')
    os.chmod(wrapper, os.stat(wrapper).st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)


def check_counted(report: Report, expected: int, path: str) -> None:
    """Fail unless ``count_lines(path)`` ran ``wc`` through ``os.popen`` and returned
    ``expected``."""
    who = f"count_lines({path!r})"
    checks.that(type(report) is Report, f"{who}: the grader's probe got no report back")
    checks.that(bool(report.popen_modes),
                f"{who} never called os.popen: the task is to let the program wc count the lines, "
                "run through os.popen.")
    checks.that(report.wc_runs > 0,
                f"{who} called os.popen, but the program wc never ran: run `wc -l` (by that name, "
                "found on PATH) and read the count it prints.")
    checks.same(report.result, expected, what=who)


def check_sent(report: Report, expected: int, command: str, text: str) -> None:
    """Fail unless ``send_text(command, text)`` called ``os.popen`` in mode ``"w"`` and
    returned ``expected``."""
    who = f"send_text({command!r}, {checks.short(text)})"
    checks.that(type(report) is Report, f"{who}: the grader's probe got no report back")
    checks.that("w" in report.popen_modes,
                f"{who} did not call os.popen(command, 'w'): the task is to write the text to the "
                "program through os.popen in mode 'w'.")
    checks.same(report.result, expected, what=who)
