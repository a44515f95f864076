"""Assertions for hidden tests: call student code in a child process, compare results type
first, and fail with a message that says what was sent, what was expected and what came
back, in words a student can act on.

Types are compared before values because an object whose ``__eq__`` always says yes would
pass ``assert f(x) == expected``.

A failed check raises ``AssertionError``. In a notebook, its traceback ends at the test
cell's line that made the check: the frames of this package are plumbing, and a student
needs the call and the message, not them.
"""

import functools
import os
import types

from course import isolation, timeouts

SHORT = 70
"""Longest repr shown in a message before it is cut."""

_PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__)) + os.sep


def call(fn, /, *args, timeout: float = timeouts.CALL, cwd: str | None = None, **kwargs):
    """Call a student's function in a child process (in folder ``cwd``, if given) and
    return what it returned. Raising, hanging past ``timeout`` or killing its process
    fails the test."""
    outcome = isolation.run(fn, *args, timeout=timeout, cwd=cwd, **kwargs)
    if outcome.returned:
        return outcome.value
    fail(describe_call(fn, args, kwargs) + " " + _what_went_wrong(outcome, timeout))


def returns(expected, fn, /, *args, timeout: float = timeouts.CALL, cwd: str | None = None,
            **kwargs) -> None:
    """Call a student's function in a child process; fail unless it returns exactly
    ``expected`` (type first, then value). Returns nothing: a test cell that ends in a
    number would give the cell that many points."""
    actual = call(fn, *args, timeout=timeout, cwd=cwd, **kwargs)
    same(actual, expected, what=describe_call(fn, args, kwargs))


def raises(expected, fn, /, *args, timeout: float = timeouts.CALL, cwd: str | None = None,
           **kwargs) -> BaseException:
    """Call a student's function in a child process and return the exception it raised,
    which must be an instance of ``expected`` (a type or a tuple of types)."""
    outcome = isolation.run(fn, *args, timeout=timeout, cwd=cwd, **kwargs)
    if outcome.error is not None and isinstance(outcome.error, expected):
        return outcome.error
    names = " or ".join(t.__name__ for t in (expected if isinstance(expected, tuple) else (expected,)))
    text = f"{describe_call(fn, args, kwargs)} should raise {names}, but it "
    if outcome.returned:
        fail(text + f"returned {short(outcome.value)}")
    fail(text + _what_went_wrong(outcome, timeout))


def same(actual, expected, *, what: str) -> None:
    """Fail unless ``actual`` has exactly the type and value of ``expected`` (recursively,
    for lists, tuples, dicts and sets). ``what`` names the value, e.g. ``"exit_code('exit 3')"``."""
    difference = _difference(actual, expected)
    if difference:
        fail(f"{what}: {difference}")


def that(condition: bool, message: str) -> None:
    """Fail with ``message`` unless ``condition`` holds (an assert that survives -O and
    always says why)."""
    if not condition:
        fail(message)


def fail(message: str):
    """Fail the test with ``message``. In IPython the traceback shows the test cell's
    frames only (``_render_traceback_`` is IPython's hook for that)."""
    error = AssertionError(message)
    error._render_traceback_ = functools.partial(_cell_traceback, error)  # picklable, for a child's failure
    raise error


def short(value) -> str:
    """A readable form of ``value``: its repr when short; for long bytes and str the start
    and the end, each valid Python, and the length; functions and classes by name."""
    if callable(value) and hasattr(value, "__qualname__"):
        return value.__qualname__
    text = repr(value)
    if len(text) <= SHORT:
        return text
    if isinstance(value, (bytes, str)):
        unit = "bytes" if isinstance(value, bytes) else "characters"
        return f"{value[:SHORT // 2]!r} ... {value[-8:]!r} ({len(value)} {unit} in all)"
    if isinstance(value, (list, tuple, set, dict)):
        return f"{type(value).__name__} of {len(value)} items, starting {text[:SHORT - 20]}..."
    return text[:SHORT] + "..."


def describe_call(fn, args, kwargs) -> str:
    name = getattr(fn, "__name__", type(fn).__name__)
    shown = [short(a) for a in args] + [f"{k}={short(v)}" for k, v in kwargs.items()]
    return f"{name}({', '.join(shown)})"


def _what_went_wrong(outcome, timeout) -> str:
    """What a call did instead of returning, as the end of a sentence about the call."""
    if outcome.timed_out:
        message = (f"did not finish within {timeout:g} s and was stopped. Is it waiting for "
                   "something that never comes (a read that never ends, a process that never "
                   "exits, a lock)?")
    elif outcome.exit_status is not None:
        message = (f"ended the whole process it ran in ({_status_text(outcome.exit_status)}) "
                   "instead of returning. Did it call os._exit() or exec, or fork a child that "
                   "went on running the caller's code?")
    else:
        error = outcome.error
        if isinstance(error, isolation.ThreadDied):
            message = f"returned, but {error}"
        elif isinstance(error, isolation.ChildError):
            message = f"raised {error}"
        else:
            message = f"raised {type(error).__name__}: {error}"
        if outcome.where:
            message += f"\nIn your code:\n{outcome.where}"
    if outcome.output:
        message += f"\nIt printed:\n{outcome.output[:600]}"
    return message


def _cell_traceback(error) -> list[str]:
    """IPython's traceback of a failed check without the frames of this package (or of
    IPython itself): the test cell's line, then the message."""
    import IPython

    shell = IPython.get_ipython()
    if shell is None:
        return [f"AssertionError: {error}"]
    hidden = (_PACKAGE_DIR, os.path.dirname(os.path.abspath(IPython.__file__)) + os.sep)
    kept = []
    entry = error.__traceback__
    while entry is not None:
        if not entry.tb_frame.f_code.co_filename.startswith(hidden):
            kept.append(entry)
        entry = entry.tb_next
    trimmed = None
    for entry in reversed(kept):
        trimmed = types.TracebackType(trimmed, entry.tb_frame, entry.tb_lasti, entry.tb_lineno)
    return shell.InteractiveTB.structured_traceback(type(error), error, trimmed, tb_offset=0)


def _status_text(status: int) -> str:
    if os.WIFSIGNALED(status):
        return f"killed by signal {os.WTERMSIG(status)}"
    return f"exit status {os.waitstatus_to_exitcode(status)}"


def _difference(actual, expected, where="") -> str:
    """Describe the first way ``actual`` differs from ``expected``; '' if it does not."""
    if type(actual) is not type(expected):
        return (f"{where}expected {short(expected)} (of type {type(expected).__name__}), "
                f"got {short(actual)} (of type {type(actual).__name__})")
    if isinstance(expected, (list, tuple)):
        if len(actual) != len(expected):
            return f"{where}expected {len(expected)} items {short(expected)}, got {len(actual)}: {short(actual)}"
        for index, (a, e) in enumerate(zip(actual, expected)):
            found = _difference(a, e, f"{where}item {index}: ")
            if found:
                return found
        return ""
    if isinstance(expected, dict):
        missing = [k for k in expected if k not in actual]
        extra = [k for k in actual if k not in expected]
        if missing or extra:
            return f"{where}keys missing: {short(missing)}, keys not expected: {short(extra)}"
        for key in expected:
            found = _difference(actual[key], expected[key], f"{where}[{key!r}]: ")
            if found:
                return found
        return ""
    if actual == expected:
        return ""
    message = f"{where}expected {short(expected)}, got {short(actual)}"
    if isinstance(expected, (bytes, str)):
        offset = next((i for i, (a, e) in enumerate(zip(actual, expected)) if a != e),
                      min(len(actual), len(expected)))
        message += f"; they differ first at offset {offset}"
    return message
