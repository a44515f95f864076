"""course.probes.running_programs: proving that wc ran, through os.popen (notebook 01)."""

import os
import shlex
from os import popen as bound_popen  # a name bound to os.popen itself, as a student might

import pytest

from course import checks
from course.probes import running_programs


def count_with_wc(path):
    with os.popen(f"wc -l < {shlex.quote(path)}") as pipe:
        return int(pipe.read())


def count_with_bound_popen(path):
    with bound_popen(f"wc -l < {shlex.quote(path)}") as pipe:
        return int(pipe.read())


def count_in_python(path):
    with open(path, "rb") as file:
        return file.read().count(b"\n")


def count_with_python_through_popen(path):
    with os.popen(f"cat < {shlex.quote(path)}") as pipe:
        return pipe.read().count("\n")


def send(command, text):
    pipe = os.popen(command, "w")
    try:
        pipe.write(text)
    except BrokenPipeError:
        pass
    try:
        status = pipe.close()
    except BrokenPipeError:
        status = pipe.close()
    return 0 if status is None else status >> 8


def send_without_second_close(command, text):
    pipe = os.popen(command, "w")
    pipe.write(text)
    status = pipe.close()
    return 0 if status is None else status >> 8


@pytest.fixture
def three_lines(tmp_path):
    path = tmp_path / "three lines.txt"
    path.write_text("a\nb\nc\n")
    return str(path)


@pytest.mark.parametrize("fn", [count_with_wc, count_with_bound_popen])
def test_a_count_by_wc_through_popen_passes(fn, three_lines):
    report = checks.call(running_programs.recorded(fn), three_lines)
    assert report == running_programs.Report(result=3, popen_modes=["r"], wc_runs=1)
    running_programs.check_counted(report, 3, three_lines)


@pytest.mark.parametrize("fn, message", [
    (count_in_python, "never called os.popen"),
    (count_with_python_through_popen, "the program wc never ran"),
])
def test_a_count_without_wc_or_popen_fails_and_says_which(fn, message, three_lines):
    report = checks.call(running_programs.recorded(fn), three_lines)
    assert report.result == 3
    with pytest.raises(AssertionError, match=message):
        running_programs.check_counted(report, 3, three_lines)


def test_a_wrong_count_fails_after_the_tool_checks(three_lines):
    report = running_programs.Report(result=4, popen_modes=["r"], wc_runs=1)
    with pytest.raises(AssertionError, match="expected 3, got 4"):
        running_programs.check_counted(report, 3, three_lines)


def test_the_recording_wc_changes_only_the_child(three_lines):
    path_before = os.environ.get("PATH")
    checks.call(running_programs.recorded(count_with_wc), three_lines)
    assert os.environ.get("PATH") == path_before and os.popen is bound_popen


def test_wait_for_makes_the_program_stop_reading_before_the_text_is_written(tmp_path):
    command = "exec 0<&-; touch stdin-closed; exit 4"
    for _ in range(3):
        report = checks.call(running_programs.recorded(send, wait_for="stdin-closed"), command, "short\n",
                             cwd=str(tmp_path))
        running_programs.check_sent(report, 4, command, "short\n")
        (tmp_path / "stdin-closed").unlink()
    with pytest.raises(AssertionError, match="BrokenPipeError"):
        checks.call(running_programs.recorded(send_without_second_close, wait_for="stdin-closed"), command,
                    "short\n", cwd=str(tmp_path))


def test_sending_without_popen_in_mode_w_fails():
    report = running_programs.Report(result=0, popen_modes=["r"], wc_runs=0)
    with pytest.raises(AssertionError, match=r"did not call os.popen\(command, 'w'\)"):
        running_programs.check_sent(report, 0, "cat", "text")
