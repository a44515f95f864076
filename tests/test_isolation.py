"""course.isolation: whatever the student's function does, the caller survives, gets an
honest account of it, and nothing the function started is left running."""

import asyncio
import os
import subprocess
import sys
import threading
import time

import pytest

from course import isolation, processes


def double(x):
    print("doubling", x)
    return 2 * x


def test_returns_the_value_and_what_was_printed():
    outcome = isolation.run(double, 21)
    assert outcome.returned and outcome.value == 42
    assert outcome.output == "doubling 21\n"


def test_nothing_reaches_the_callers_streams(capfd):
    isolation.run(lambda: (print("out"), print("err", file=sys.stderr), os.system("echo shell >&2")))
    assert capfd.readouterr() == ("", "")


def test_an_exception_comes_back_with_its_type_attributes_and_the_students_lines():
    def fails():
        subprocess.run(["false"], check=True, capture_output=True)

    outcome = isolation.run(fails)
    assert type(outcome.error) is subprocess.CalledProcessError
    assert outcome.error.returncode == 1 and outcome.error.stdout == b""
    assert "in fails" not in outcome.where, "the caller's own file is not the student's code"


def test_an_exception_that_cannot_be_pickled_is_described():
    class Odd(Exception):
        def __init__(self, a, b):
            super().__init__(a)

    def fails():
        raise Odd("one", "two")

    outcome = isolation.run(fails)
    assert type(outcome.error) is isolation.ChildError
    assert outcome.error.type_name == "Odd" and "one" in str(outcome.error)


def test_a_result_that_cannot_be_sent_back_is_an_error():
    outcome = isolation.run(lambda: (lambda: None))
    assert type(outcome.error) is isolation.ChildError and "cannot be sent" in str(outcome.error)


def test_a_function_that_never_returns_is_stopped_with_everything_it_started(tmp_path):
    pid_file = str(tmp_path / "pid")

    def hangs():
        subprocess.Popen(processes.python_program(processes.pid_writer(pid_file)))
        while True:
            time.sleep(0.01)

    started = time.monotonic()
    outcome = isolation.run(hangs, timeout=1.0)
    assert outcome.timed_out and time.monotonic() - started < 3
    pid = processes.read_pid(pid_file)
    assert pid and processes.wait_gone(pid), "the program the function started is still running"


def test_programs_left_behind_by_a_returning_function_are_killed(tmp_path):
    pid_file = str(tmp_path / "pid")

    def leaves_a_program():
        subprocess.Popen(processes.python_program(processes.pid_writer(pid_file)))
        processes.read_pid(pid_file)

    assert isolation.run(leaves_a_program).returned
    assert processes.wait_gone(processes.read_pid(pid_file))


def test_a_function_that_ends_its_process_is_reported_with_the_status():
    outcome = isolation.run(os._exit, 3)
    assert outcome.exit_status is not None and os.waitstatus_to_exitcode(outcome.exit_status) == 3
    outcome = isolation.run(lambda: os.kill(os.getpid(), 9))
    assert os.WIFSIGNALED(outcome.exit_status) and os.WTERMSIG(outcome.exit_status) == 9


def test_a_forked_process_returning_into_the_harness_does_not_answer():
    def forks_and_forgets():
        return "child" if os.fork() == 0 else "parent"

    for _ in range(5):
        assert isolation.run(forks_and_forgets).value == "parent"


def test_a_flood_of_output_neither_hangs_nor_fills_memory():
    outcome = isolation.run(lambda: sys.stdout.write("x" * 20_000_000) and None)
    assert outcome.returned and len(outcome.output) == isolation.OUTPUT_KEPT


def test_standard_input_is_empty():
    assert type(isolation.run(input).error) is EOFError


def test_a_coroutine_runs_on_the_childs_own_loop_even_inside_a_running_loop():
    async def answer(x):
        await asyncio.sleep(0.01)
        return x

    async def like_a_kernel_cell():
        # A kernel cell runs inside a running loop: the child must not reuse it.
        return isolation.run(answer, 7)

    assert asyncio.run(like_a_kernel_cell()).value == 7


def test_the_child_works_in_the_folder_it_is_given(tmp_path):
    assert isolation.run(os.getcwd, cwd=str(tmp_path)).value == str(tmp_path)


def test_an_interrupted_caller_leaves_no_child():
    import signal

    def interrupt_soon(*_):
        raise KeyboardInterrupt

    def children():
        return {pid for pid, (parent, state) in processes._process_table().items()
                if parent == os.getpid() and state not in "ZX"}

    earlier = children()  # e.g. multiprocessing's resource tracker

    previous = signal.signal(signal.SIGALRM, interrupt_soon)
    signal.setitimer(signal.ITIMER_REAL, 0.3)
    try:
        with pytest.raises(KeyboardInterrupt):
            isolation.run(time.sleep, 30, timeout=10)
    finally:
        signal.signal(signal.SIGALRM, previous)
    assert children() - earlier == set()


def test_programs_started_in_a_new_session_are_killed_too(tmp_path):
    pid_file = str(tmp_path / "pid")

    def detaches(hang):
        subprocess.Popen(processes.python_program(processes.pid_writer(pid_file)), start_new_session=True)
        processes.read_pid(pid_file)
        while hang:
            time.sleep(0.01)

    for hang in (False, True):
        isolation.run(detaches, hang, timeout=1.0)
        assert processes.wait_gone(processes.read_pid(pid_file)), f"a detached program survived (hang={hang})"
        os.remove(pid_file)


STUDENT_CELL = """
import threading

def thread_that_fails():
    def work():
        raise ValueError("boom in a thread")

    thread = threading.Thread(target=work, name="worker")
    thread.start()
    thread.join()
    return "done"
"""


def test_a_thread_that_dies_with_an_exception_is_a_failure_of_the_call():
    namespace = {}
    exec(compile(STUDENT_CELL, "<student cell>", "exec"), namespace)
    outcome = isolation.run(namespace["thread_that_fails"])
    assert isinstance(outcome.error, isolation.ThreadDied)
    assert "'worker'" in str(outcome.error) and "ValueError: boom in a thread" in str(outcome.error)
    assert "in work, line 6" in outcome.where, "the student's line is located"
    assert outcome.output == "", "nothing reaches stderr"
