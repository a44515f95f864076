"""course.processes: programs for tests, and telling a live process from a gone one."""

import os
import subprocess
import time

import pytest

from course import processes


def test_a_python_program_runs_with_this_interpreter_and_its_shell_form_quotes():
    code = "import sys; print('it''s', sys.argv[1:])"
    assert subprocess.run(processes.python_program(code), capture_output=True).stdout == b"its []\n"
    assert os.system(processes.python_command("import sys; sys.exit(5)")) >> 8 == 5


def test_pid_file_running_and_gone(tmp_path):
    pid_file = str(tmp_path / "pid")
    program = subprocess.Popen(processes.python_program(processes.pid_writer(pid_file)))
    pid = processes.read_pid(pid_file)
    assert pid == program.pid and processes.running(pid)
    program.kill()
    assert processes.wait_gone(pid), "a killed process stops running at once"
    assert processes.exists(pid), "but stays a zombie until it is reaped"
    assert not processes.wait_gone(pid, timeout=0.1, zombie_counts=True)
    program.wait()
    assert processes.wait_gone(pid, zombie_counts=True)


def test_read_pid_gives_up():
    assert processes.read_pid("/nonexistent/pid", timeout=0.05) is None


def test_run_captures_and_kills_on_timeout(tmp_path):
    done = processes.run(["sh", "-c", "cat; echo err >&2; exit 3"], input=b"in")
    assert (done.returncode, done.stdout, done.stderr) == (3, b"in", b"err\n")
    pid_file = str(tmp_path / "pid")
    started = time.monotonic()
    with pytest.raises(subprocess.TimeoutExpired):
        processes.run(processes.python_program(processes.pid_writer(pid_file)), timeout=0.5)
    assert time.monotonic() - started < 5
    assert processes.wait_gone(processes.read_pid(pid_file))


def test_kill_descendants_finds_grandchildren(tmp_path):
    pid_file = str(tmp_path / "pid")
    earlier = set(processes.running_descendants(os.getpid()))  # e.g. multiprocessing's resource tracker
    middle = subprocess.Popen(["sh", "-c", f"{processes.python_command(processes.pid_writer(pid_file))} & wait"])
    grandchild = processes.read_pid(pid_file)
    assert processes.kill_descendants(os.getpid(), sparing=earlier) == 2
    assert processes.wait_gone(grandchild)
    middle.wait(timeout=5)


def test_running_descendants_skip_zombies_and_name_their_programs(tmp_path):
    pid_file = str(tmp_path / "pid")
    earlier = set(processes.running_descendants(os.getpid()))  # e.g. multiprocessing's resource tracker
    sleeper = subprocess.Popen(processes.python_program(processes.pid_writer(pid_file)))
    finished = subprocess.Popen(["true"])
    processes.read_pid(pid_file)
    assert processes.wait_gone(finished.pid)
    try:
        assert [pid for pid in processes.running_descendants(os.getpid()) if pid not in earlier] == [sleeper.pid]
        assert processes.command_line(sleeper.pid).startswith(f"{processes.python_program('')[0]} -u -c import os")
        assert len(processes.command_line(sleeper.pid, width=20)) == 20
    finally:
        sleeper.kill()
        sleeper.wait()
        finished.wait()
