"""A sandbox for every grading kernel, made by bubblewrap (``bwrap``), with the operating
system's limits of ``course.limits`` applied by util-linux's ``prlimit``.

Inside, the student's code sees the Python environment, the ``course`` package and the
system's programs and libraries read-only, and two folders read-write: the notebook's
working folder and a private folder for the kernel's sockets and connection file. It
cannot see the course directory (``source/``, ``gradebook.db``, ``autograded/``, other
submissions) or anyone's home. Its network namespace has only the loopback interface (the
hidden tests' servers and clients live in it too); its process namespace has only its own
processes, and all of them die with the kernel.

Where the grader runs as root, each worker process takes a user id of its own
(``UID_BASE`` and up), so the kernel is an unprivileged user that cannot read root's files
and its process limit counts only its own processes. Elsewhere the kernel keeps the
grader's user id inside a user namespace, and the process limit is counted on top of the
processes that user already runs.
"""

import fcntl
import functools
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import course
from course import limits

UID_BASE = 2_000_000
"""First user id handed to sandboxes when grading as root: far above the ids of real users
and of the usual subordinate-id ranges."""

UID_SLOTS = 256


class SandboxUnavailable(Exception):
    """This machine cannot make the sandbox (no bwrap, or no user namespaces)."""


@functools.cache
def unavailable_reason() -> str | None:
    """Why no sandbox can be made here, or None when it can."""
    if not shutil.which("bwrap"):
        return "bubblewrap (bwrap) is not installed (Debian/Ubuntu: apt-get install bubblewrap)"
    if not shutil.which("prlimit"):
        return "prlimit (util-linux) is not installed"
    with tempfile.TemporaryDirectory(prefix="course-sandbox-check-") as folder:
        trial = Sandbox(Path(folder), Path(folder)).wrap(["true"])
        done = subprocess.run(trial, capture_output=True, text=True)
    if done.returncode != 0:
        return f"bwrap cannot make a sandbox here: {done.stderr.strip() or done.returncode}"
    return None


def require() -> None:
    reason = unavailable_reason()
    if reason:
        raise SandboxUnavailable(reason)


class Sandbox:
    """The command line that runs a program sandboxed, with ``workdir`` as its working
    folder and ``private`` for its sockets; both become the sandbox user's."""

    def __init__(self, workdir: Path, private: Path):
        self.workdir = Path(workdir).resolve()
        self.private = Path(private).resolve()
        self.uid = _slot_uid() if os.geteuid() == 0 else None

    def hand_over(self, *paths: Path) -> None:
        """Make the sandbox user the owner of these files and folders (as root)."""
        if self.uid is None:
            return
        for path in paths:
            inside = (os.path.join(root, name) for root, folders, files in os.walk(path) for name in folders + files)
            for name in [path, *inside]:
                os.chown(name, self.uid, self.uid, follow_symlinks=False)

    def wrap(self, argv: list[str]) -> list[str]:
        self.hand_over(self.workdir, self.private)
        if self.uid is None:  # an unprivileged grader: a user namespace keeps its own id
            return [*_limits(self.uid), "bwrap", "--unshare-user", *self._view(), "--", *argv]
        # As root, bwrap sets up the view with root's rights (it can bind folders under
        # /root), then setpriv becomes the slot's user, with no capabilities left.
        user = ["setpriv", f"--reuid={self.uid}", f"--regid={self.uid}", "--clear-groups",
                "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs"]
        return [*_limits(self.uid), "bwrap", *self._view(), "--", *user, *argv]

    def _view(self) -> list[str]:
        view = ["--unshare-net", "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try",
                "--die-with-parent", "--new-session", "--dev", "/dev", "--proc", "/proc",
                "--perms", "1777", "--size", str(limits.SCRATCH), "--tmpfs", "/tmp",
                "--perms", "1777", "--tmpfs", "/dev/shm",
                "--unsetenv", "JPY_PARENT_PID",  # its pid is not visible from a new pid namespace
                "--setenv", "HOME", "/tmp", "--setenv", "IPYTHONDIR", "/tmp/.ipython",
                "--setenv", "MPLCONFIGDIR", "/tmp/.matplotlib", "--setenv", "TMPDIR", "/tmp",
                "--setenv", "USER", "student", "--setenv", "LOGNAME", "student"]
        for top in ("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/usr", "/etc"):
            if os.path.islink(top):
                view += ["--symlink", os.readlink(top), top]
            elif os.path.isdir(top):
                view += ["--ro-bind", top, top]
        shown = [(folder, "--ro-bind") for folder in _python_folders()]
        shown += [(str(self.private), "--bind"), (str(self.workdir), "--bind")]
        # bwrap would make the folders above a mount point readable by root only.
        parents = sorted({str(p) for folder, _ in shown for p in Path(folder).parents} - {"/"})
        for parent in parents:
            if not parent.startswith(("/usr/", "/etc/")):
                view += ["--perms", "0755", "--dir", parent]
        for folder, how in shown:
            view += [how, folder, folder]
        return view + ["--chdir", str(self.workdir)]


def _python_folders() -> list[str]:
    """The Python environment and the course package (which an editable install keeps in
    the repository: only the package's own folder is shown, not the repository)."""
    folders = {sys.prefix, sys.base_prefix, sys.exec_prefix, os.path.dirname(course.__file__)}
    return sorted(f for f in folders if not f.startswith(("/usr/", "/bin", "/lib")) and f != "/usr")


def _limits(uid: int | None) -> list[str]:
    processes = limits.PROCESSES if uid else limits.PROCESSES + _processes_of_this_user()
    return ["prlimit", f"--as={limits.MEMORY}", f"--nproc={processes}", f"--cpu={limits.CPU_SECONDS}",
            f"--fsize={limits.FILE_SIZE}", f"--nofile={limits.OPEN_FILES}", "--"]


def _processes_of_this_user() -> int:
    uid = os.getuid()
    return sum(1 for entry in Path("/proc").iterdir() if entry.name.isdigit() and _owner(entry) == uid)


def _owner(path: Path) -> int | None:
    try:
        return path.stat().st_uid
    except OSError:
        return None


_slot = None


def _slot_uid() -> int:
    """A user id that no other grading process on this machine uses now: the first free
    one of the lock files in the temporary folder, held until this process ends."""
    global _slot
    if _slot is None:
        for n in range(UID_SLOTS):
            lock = os.path.join(tempfile.gettempdir(), f"course-sandbox-uid-{UID_BASE + n}.lock")
            descriptor = os.open(lock, os.O_CREAT | os.O_WRONLY, 0o600)  # held open: the lock lasts
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(descriptor)
                continue
            _slot = UID_BASE + n
            break
        else:
            raise SandboxUnavailable(f"all {UID_SLOTS} sandbox user ids are in use")
    return _slot
