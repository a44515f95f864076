"""Communication & HTTP with asyncio: the package that notebooks, hidden tests and the
instructor's command line share.

Hidden tests read like specifications because the plumbing lives here:

- ``isolation``: run a student's function in a forked child with a deadline.
- ``checks``: call student code there and compare results type first, with messages a
  student can act on.
- ``peers``: grader-side servers on 127.0.0.1 port 0 (TCP, UDP, HTTP, aiohttp, TLS).
- ``processes``: small programs to run, and whether a process is still alive.
- ``grading``: nbgrader at class scale (execution that survives a dead kernel, parallel
  autograding, sample submissions, the grade table).
- ``timeouts``: every deadline the grader uses, in one table.
"""
