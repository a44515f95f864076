"""Every deadline the grader uses, in seconds, in one table.

Hidden tests never wait without a deadline; these names say what the wait is for.
The per-cell limit that nbgrader enforces (``Execute.timeout`` in nbgrader_config.py) is
larger than any single wait here, so a hanging student function fails its own check with
a clear message before nbgrader has to interrupt the cell.
"""

CALL = 5.0
"""A student's function, run in a child process, must return within this."""

JOIN = 5.0
"""A grader thread (a peer server, a reader) must stop within this after it is told to."""

EXIT = 2.0
"""A process that was asked to stop must be gone within this."""

PROGRAM = 10.0
"""A program the grader runs itself must finish within this."""

IO = 5.0
"""One socket operation of a grader peer (connect, recv, send) must finish within this."""
