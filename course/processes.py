"""Programs for hidden tests to run, and whether a process is still there.

The programs are small Python scripts run by this interpreter, so they behave the same on
every machine; a program that must be seen to stop writes its pid to a file first.
"""

import os
import shlex
import signal
import subprocess
import sys
import time
from collections.abc import Collection

from course import timeouts


def python_program(code: str, *args: str) -> list[str]:
    """The argv of a program that runs ``code`` with this Python, unbuffered, with ``args``
    as its arguments (``sys.argv[1:]``)."""
    return [sys.executable, "-u", "-c", code, *args]


def python_command(code: str) -> str:
    """The same program as one shell command line, quoted for /bin/sh."""
    return shlex.join(python_program(code))


def pid_writer(pid_file: str, then: str = "import time; time.sleep(3600)") -> str:
    """Python code that writes its process id to ``pid_file``, then runs ``then``."""
    return (f"import os; open({pid_file!r}, 'w').write(str(os.getpid()))\n{then}")


def running(pid: int) -> bool:
    """Is there a live (not zombie) process ``pid``?"""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            state = stat.read().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return False
    return state not in ("Z", "X")


def exists(pid: int) -> bool:
    """Is there a process ``pid`` at all, a zombie (ended, not yet reaped) included?"""
    return os.path.exists(f"/proc/{pid}")


def wait_gone(pid: int, timeout: float = timeouts.EXIT, zombie_counts: bool = False) -> bool:
    """Wait until process ``pid`` is gone; True if it went within ``timeout``.
    With ``zombie_counts`` an ended but unreaped process still counts as there."""
    still_there = exists if zombie_counts else running
    deadline = time.monotonic() + timeout
    while still_there(pid):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


def read_pid(pid_file: str, timeout: float = timeouts.EXIT) -> int | None:
    """The pid a program wrote to ``pid_file``, once it is there; None if it never came."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with open(pid_file) as file:
                text = file.read()
            if text:
                return int(text)
        except (FileNotFoundError, ValueError):
            pass
        time.sleep(0.01)
    return None


def run(argv: list[str], input: bytes = b"", timeout: float = timeouts.PROGRAM) -> subprocess.CompletedProcess:
    """Run a program of the grader's own, capturing both streams; on timeout the program
    and everything it started are killed and ``subprocess.TimeoutExpired`` is raised."""
    with subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, start_new_session=True) as process:
        try:
            stdout, stderr = process.communicate(input, timeout=timeout)
        except subprocess.TimeoutExpired:
            kill_group(process.pid)
            process.communicate()
            raise
        return subprocess.CompletedProcess(argv, process.returncode, stdout, stderr)


def kill_group(pgid: int) -> None:
    """SIGKILL a whole process group; a group that is already gone is fine."""
    try:
        os.killpg(pgid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def children(parent: int) -> dict[int, str]:
    """The direct children of process ``parent``: pid -> state (``Z`` for a zombie)."""
    return {pid: state for pid, (ppid, state) in _process_table().items() if ppid == parent}


def running_descendants(root: int) -> list[int]:
    """The live (not zombie) descendants of process ``root``, children and deeper."""
    table = _process_table()
    return [pid for pid in _descendants(root, table) if table[pid][1] not in "ZX"]


def command_line(pid: int, width: int = 80) -> str:
    """What process ``pid`` runs, as one line cut at ``width`` characters."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as file:
            words = file.read().rstrip(b"\0").split(b"\0")
    except OSError:
        return f"process {pid}"
    text = " ".join(os.fsdecode(word) for word in words)
    return text if len(text) <= width else text[: width - 3] + "..."


def kill_descendants(root: int, sparing: Collection[int] = ()) -> int:
    """SIGKILL every live descendant of process ``root`` but those in ``sparing`` (when
    ``root`` is this process, also reap them); return how many were alive."""
    killed = set()
    for _ in range(5):  # a dying parent can hand its children to a subreaper: look again
        alive = [pid for pid in running_descendants(root) if pid not in sparing]
        for pid in alive:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        killed.update(alive)
        if root == os.getpid():
            _reap_children()
        if not alive:
            break
    return len(killed)


def _process_table() -> dict[int, tuple[int, str]]:
    """pid -> (parent pid, state) for every process there is."""
    table = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        table[int(entry)] = (int(fields[1]), fields[0])
    return table


def _descendants(root: int, table) -> list[int]:
    children: dict[int, list[int]] = {}
    for pid, (parent, _) in table.items():
        children.setdefault(parent, []).append(pid)
    found, todo = [], [root]
    while todo:
        kids = children.get(todo.pop(), [])
        found += kids
        todo += kids
    return found


def _reap_children(timeout: float = timeouts.EXIT) -> None:
    """Reap this process's ended children, waiting up to ``timeout`` for killed ones."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            time.sleep(0.01)
