"""What one graded submission may use, in one table, with the reason for each number.

The operating system enforces these on the sandboxed kernel and everything it starts
(``course.grading.sandbox`` applies them with util-linux's ``prlimit``), so neither the
grader nor the machine goes down because of one submission; the grader and its workers
stay outside them. Deadlines live in ``course.timeouts``; the output kept per cell is
``GradingExecute.output_limit``.
"""

GiB = 1024 ** 3
MiB = 1024 ** 2

MEMORY = 3 * GiB
"""Address space per process (RLIMIT_AS). A kernel that has run the heaviest notebook
(aiohttp, TLS, threads) maps about 1.2 GiB; a student's 6 GiB allocation fails with
MemoryError inside the cell that made it, and the rest of the notebook is graded."""

PROCESSES = 256
"""Processes of the submission at once (RLIMIT_NPROC, for the sandbox's own user): far more
than a notebook's tests run at once (every reference solution is graded under it); a fork
bomb stops at this count with BlockingIOError instead of taking the machine."""

CPU_SECONDS = 300
"""CPU time per process (RLIMIT_CPU). A kernel running a whole notebook uses under 2 s of
CPU; a thread that spins forever is killed here, the kernel is restarted and the cells
after it are graded."""

FILE_SIZE = 256 * MiB
"""Largest file a submission may write (RLIMIT_FSIZE). The largest data a hidden test
writes is 10 MB; a runaway writer fails with "File too large" (SIGXFSZ)."""

SCRATCH = 512 * MiB
"""Size of the sandbox's /tmp (a tmpfs in memory): room for every temporary file and Unix
socket a notebook makes, not for filling the machine's memory."""

OPEN_FILES = 4096
"""Open files per process (RLIMIT_NOFILE): a server test opens a few hundred sockets at
most; a descriptor leak fails fast instead of exhausting the system table."""
