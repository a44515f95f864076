"""course.checks: type before value, and messages that say what was sent, expected and got."""

import os
import re
import subprocess
import time

import nbclient
import nbformat
import pytest

from course import checks


class AlwaysEqual:
    def __eq__(self, other):
        return True


def fail_message(fn, *args, **kwargs) -> str:
    with pytest.raises(AssertionError) as failure:
        fn(*args, **kwargs)
    return str(failure.value)


def test_an_object_that_equals_everything_does_not_pass():
    message = fail_message(checks.same, AlwaysEqual(), 3, what="f(1)")
    assert "expected 3 (of type int)" in message and "AlwaysEqual" in message


def test_a_bool_is_not_an_int_and_a_subclass_is_not_its_base():
    assert "of type bool" in fail_message(checks.same, True, 1, what="x")
    assert "of type MyBytes" in fail_message(checks.same, type("MyBytes", (bytes,), {})(b"a"), b"a", what="x")


def test_containers_are_compared_item_by_item_with_types():
    assert "item 1: expected b'ac'" in fail_message(checks.same, [1, b"ab"], [1, b"ac"], what="x")
    assert "item 0: expected 1 (of type int), got '1'" in fail_message(checks.same, ("1",), (1,), what="x")
    assert "keys missing: ['b']" in fail_message(checks.same, {"a": 1}, {"a": 1, "b": 2}, what="x")
    assert "['a']: expected 1" in fail_message(checks.same, {"a": 2}, {"a": 1}, what="x")
    checks.same({"a": [b"x", (1, "y")]}, {"a": [b"x", (1, "y")]}, what="x")


def test_long_values_are_shortened_and_the_first_difference_located():
    message = fail_message(checks.same, b"a" * 5000 + b"b", b"a" * 5001, what="reply")
    assert "(5001 bytes in all)" in message and "offset 5000" in message and len(message) < 400
    assert "aaa' ... b'aaaaaaab' (5001 bytes in all)" in message, "each piece shown is valid Python, not a repr cut inside its quotes"


def test_returns_passes_and_gives_nothing_back():
    assert checks.returns(4, pow, 2, 2) is None


def test_returns_describes_the_call_and_the_wrong_value():
    message = fail_message(checks.returns, 3, os.waitstatus_to_exitcode, 512)
    assert message == "waitstatus_to_exitcode(512): expected 3, got 2"


def test_call_reports_an_exception_with_what_was_printed():
    def noisy():
        print("about to fail")
        raise ValueError("bad input")

    message = fail_message(checks.call, noisy)
    assert message.startswith("noisy() raised ValueError: bad input")
    assert "about to fail" in message


def test_call_reports_a_hang_and_a_dead_process():
    assert "did not finish within 0.2 s" in fail_message(checks.call, time.sleep, 10, timeout=0.2)
    assert "exit status 4" in fail_message(checks.call, os._exit, 4)


def test_raises_returns_the_exception_with_its_attributes():
    error = checks.raises(subprocess.CalledProcessError, subprocess.run, ["sh", "-c", "echo out; exit 3"],
                          check=True, capture_output=True)
    assert error.returncode == 3 and error.stdout == b"out\n"


def test_raises_fails_when_nothing_or_something_else_is_raised():
    assert "should raise LookupError, but it returned 'x'" in fail_message(checks.raises, LookupError, str, "x")
    message = fail_message(checks.raises, LookupError, int, "x")
    assert message.startswith("int('x') should raise LookupError, but it raised ValueError: invalid literal")
    assert message.count("int('x')") == 1, "the call is named once"


def test_functions_in_a_call_are_shown_by_name():
    def probe(student_function, data):
        raise ValueError("no")

    def decode_stream():
        pass

    assert fail_message(checks.call, probe, decode_stream, b"x").startswith(
        "probe(test_functions_in_a_call_are_shown_by_name.<locals>.decode_stream, b'x') raised ValueError")


def test_in_a_notebook_a_failed_check_shows_the_cell_and_the_message_without_harness_frames(tmp_path):
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("from course import checks"),
        nbformat.v4.new_code_cell("checks.returns(5, pow, 2, 2)"),
    ])
    nbclient.NotebookClient(nb, timeout=60, kernel_name="python3", allow_errors=True).execute()
    (error,) = [o for o in nb.cells[1].outputs if o.output_type == "error"]
    text = re.sub(r"\x1b\[[0-9;]*m", "", "\n".join(error.traceback))
    assert error.ename == "AssertionError" and error.evalue == "pow(2, 2): expected 5, got 4"
    assert "checks.returns(5, pow, 2, 2)" in text, "the cell's line is shown"
    assert "checks.py" not in text and "isolation" not in text and "interactiveshell" not in text, text
