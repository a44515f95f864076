"""What a program in the grading sandbox sees and may use (course.grading.sandbox), and
what `course grade` does where no sandbox can be made. Programs run here directly, without
nbgrader: the kernel's own sandboxing is covered by test_grading.py and test_integrity.py."""

import contextlib
import io
import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT, SANDBOX, UNSANDBOXED
from course import limits
from course.cli import main
from course.grading import notebooks, report, runner, sandbox

needs_sandbox = pytest.mark.skipif(not SANDBOX, reason=f"no sandbox here: {UNSANDBOXED}")

PROBE = """
import json, os, resource, socket
def readable(path):
    try:
        return os.listdir(path)
    except OSError as error:
        return type(error).__name__
print(json.dumps({
    "uid": os.getuid(),
    "interfaces": [name for _, name in socket.if_nameindex()],
    "course": readable(COURSE),
    "home": readable(os.path.expanduser("~root")),
    "processes": sorted(int(p) for p in os.listdir("/proc") if p.isdigit()),
    "limits": {name: resource.getrlimit(getattr(resource, "RLIMIT_" + name))[0]
               for name in ["AS", "NPROC", "CPU", "FSIZE", "NOFILE"]},
    "tmp": os.statvfs("/tmp").f_blocks * os.statvfs("/tmp").f_frsize,
    "cwd": os.getcwd(),
}))
open("written-inside", "w").write("ok")
"""


@pytest.fixture
def seen(tmp_path):
    """What the probe program reports from inside a sandbox whose working folder is in a
    copy of a course directory (the rest of which it must not see)."""
    course_dir = tmp_path / "course"
    workdir = course_dir / "autograded" / "ada" / "01"
    workdir.mkdir(parents=True)
    (course_dir / "gradebook.db").write_text("secret")
    private = tmp_path / "private"
    private.mkdir()
    command = sandbox.Sandbox(workdir, private).wrap(
        [sys.executable, "-c", PROBE.replace("COURSE", repr(str(course_dir)))])
    done = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout), workdir


@needs_sandbox
def test_only_loopback_and_only_its_own_processes(seen):
    inside, _ = seen
    assert inside["interfaces"] == ["lo"]
    assert len(inside["processes"]) <= 3, inside["processes"]  # bwrap's init, the probe, maybe setpriv's


@needs_sandbox
def test_the_course_directory_and_homes_are_out_of_sight(seen):
    inside, workdir = seen
    assert inside["course"] == ["autograded"], "only the path down to the working folder is there"
    # root's home is there only when the Python environment lives in it (pyenv), and then
    # shows nothing but the way to it
    python_ways = {folder.split("/")[2] for folder in sandbox._python_folders() if folder.startswith("/root/")}
    assert inside["home"] in ("FileNotFoundError", "PermissionError") or set(inside["home"]) <= python_ways
    assert inside["cwd"] == str(workdir)
    assert (workdir / "written-inside").read_text() == "ok", "the working folder is writable"


@needs_sandbox
def test_the_limits_of_course_limits_apply(seen):
    inside, _ = seen
    assert inside["limits"]["AS"] == limits.MEMORY
    assert inside["limits"]["CPU"] == limits.CPU_SECONDS
    assert inside["limits"]["FSIZE"] == limits.FILE_SIZE
    assert inside["limits"]["NOFILE"] == limits.OPEN_FILES
    assert inside["limits"]["NPROC"] >= limits.PROCESSES
    assert inside["tmp"] == limits.SCRATCH


@needs_sandbox
@pytest.mark.skipif(os.geteuid() != 0, reason="an unprivileged grader keeps its own user id")
def test_as_root_the_program_is_an_unprivileged_user_of_its_own(seen):
    inside, _ = seen
    assert inside["uid"] >= sandbox.UID_BASE
    assert inside["limits"]["NPROC"] == limits.PROCESSES


def test_grading_without_a_sandbox_is_refused_unless_asked_and_then_reported(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(sandbox, "unavailable_reason", lambda: "bwrap is not installed (a test)")
    name = "01-running-programs"
    course_dir = runner.scratch_course(ROOT, [name], tmp_path)
    runner.submit(course_dir, "blank", name, notebooks.read(runner.generate(course_dir, [name])[name]))
    assert main(["--course-dir", str(course_dir), "grade", name]) == 2
    error = capsys.readouterr().err
    assert "cannot sandbox the grading kernels: bwrap is not installed (a test)" in error and "--unsandboxed" in error
    with contextlib.redirect_stdout(io.StringIO()) as table:
        assert main(["--course-dir", str(course_dir), "grade", name, "--unsandboxed"]) == 0
    assert "GRADED UNSANDBOXED (bwrap is not installed (a test))" in table.getvalue()
    first = (report.latest(course_dir) / "attention.txt").read_text().splitlines()[0]
    assert first.startswith("GRADED UNSANDBOXED")
    assert json.loads((report.latest(course_dir) / "scores.json").read_text())["sandboxed"] is False
