"""course.probes.low_level_processes: counting the os calls a student's function makes (notebook 02)."""

import os
import pty
from os import fork as bound_fork  # a name bound to os.fork itself, as a student might

import pytest

from course import checks
from course.probes import low_level_processes


def forks_and_waits():
    pid = os.fork()
    if pid == 0:
        os._exit(3)
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])


def forks_through_a_bound_name():
    pid = bound_fork()
    if pid == 0:
        os._exit(4)
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])


def forks_twice_in_the_child():
    pid = os.fork()
    if pid == 0:
        try:
            grandchild = os.fork()  # made by the child: not the caller's call
            if grandchild == 0:
                os._exit(0)
            os.waitpid(grandchild, 0)
        finally:
            os._exit(5)
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])


def pty_fork():
    pid, master = pty.fork()
    if pid == 0:
        os._exit(0)
    os.close(master)
    os.waitpid(pid, 0)
    return b""


def no_fork():
    return os.system("exit 3") >> 8


@pytest.mark.parametrize("fn, result", [(forks_and_waits, 3), (forks_through_a_bound_name, 4),
                                        (forks_twice_in_the_child, 5)])
def test_forks_of_the_caller_are_counted_and_those_of_children_are_not(fn, result):
    report = checks.call(low_level_processes.calls_of(fn, "fork", "pipe"))
    assert report == (result, {"fork": 1, "pipe": 0})
    low_level_processes.check_called(report, result, "fn()", {"fork": "fork!"})


def test_pty_fork_counts_as_forkpty():
    assert checks.call(low_level_processes.calls_of(pty_fork, "forkpty")) == (b"", {"forkpty": 1})


def test_a_function_that_never_forks_fails_with_the_advice():
    report = checks.call(low_level_processes.calls_of(no_fork, "fork"))
    assert report == (3, {"fork": 0})
    with pytest.raises(AssertionError, match=r"fn\(\) never called os.fork: use fork"):
        low_level_processes.check_called(report, 3, "fn()", {"fork": "use fork"})


def test_the_os_functions_are_restored_after_the_call():
    real_fork = os.fork
    assert low_level_processes.calls_of(no_fork, "fork")() == (3, {"fork": 0})
    assert os.fork is real_fork and bound_fork is real_fork
