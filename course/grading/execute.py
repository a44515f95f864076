"""The Execute preprocessor that ``nbgrader autograde`` uses for this course.

nbgrader's own Execute gives up on a notebook whose kernel dies (the submission then
vanishes from the gradebook and scores 0 without a word), and a kernel wedged in code that
ignores the interrupt makes every later cell wait for its own timeout. Here the cell that
did it gets an error output, the kernel is restarted, the cells before it that are not
tests are run again (so the student's definitions exist), and grading goes on with the
next cell. The same happens after a cell that left a fork bomb's copies of the kernel
running, or whose kernel messages made no sense. A cell's output is cut at
``output_limit`` characters.

Tracebacks show only the exception line (``%xmode Minimal``): the messages of the course's
checks say everything a student needs, and hidden test lines never appear in feedback.

The kernel talks to the grader over Unix sockets in a private folder (ZeroMQ's ipc
transport), not TCP ports: jupyter_client picks free ports, closes them and hands them to
the kernel, and a parallel worker's kernel or a hidden test's server can take one in
between, so a correct submission's kernel could die before it ran a cell.

Each kernel runs in ``course.grading.sandbox`` (unless ``sandbox`` is off), and before each
test cell ``course.grading.integrity`` checks that the student's code left the course
package and the names the tests use as the setup cells made them.
"""

import asyncio
import copy
import os
import subprocess
import tempfile
from pathlib import Path

from jupyter_client.manager import AsyncKernelManager
from jupyter_core.utils import ensure_async, run_sync
from nbclient.exceptions import CellTimeoutError, DeadKernelError
from nbformat.v4 import new_output
from nbgrader.preprocessors import Execute
from nbgrader.utils import is_grade
from traitlets import Bool, Enum, Float, Integer, default

from course import limits, processes
from course.grading import integrity
from course.grading.sandbox import Sandbox, require as require_sandbox

TIMEOUT_ERROR = "CellTimeoutError"
PROCESS_LIMIT = "ProcessLimit"

left_running: dict[str, int] = {}
"""Processes each graded notebook (by its folder) left running at its end, counted before
its kernel stopped: a sandboxed kernel's processes die with it, so the worker cannot count
them afterwards."""


class SandboxedKernelManager(AsyncKernelManager):
    """Starts (and restarts) the kernel inside ``sandbox`` when one is set."""

    sandbox: Sandbox | None = None

    def format_kernel_cmd(self, extra_arguments=None):
        command = super().format_kernel_cmd(extra_arguments)
        return command if self.sandbox is None else self.sandbox.wrap(command)


class GradingExecute(Execute):
    output_limit = Integer(100_000, help="Characters of stream output kept per cell.").tag(config=True)
    probe_timeout = Float(5.0, help="Seconds a kernel has to answer after a cell timed out.").tag(config=True)
    max_restarts = Integer(3, help="Kernel restarts per notebook before the rest is failed unrun.").tag(config=True)
    kernel_transport = Enum(["ipc", "tcp"], "ipc", help="How the grader talks to the kernel.").tag(config=True)
    sandbox = Bool(True, help="Run the kernel in course.grading.sandbox (needs ipc transport).").tag(config=True)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("kernel_manager_class", SandboxedKernelManager)
        super().__init__(*args, **kwargs)

    @default("extra_arguments")
    def _minimal_tracebacks(self):
        return ["--InteractiveShell.xmode=Minimal"]

    def preprocess(self, nb, resources=None, km=None):
        self._broken: set[int] = set()
        self._output_sizes: dict[int, int] = {}
        self._setup = integrity.setup_cells(nb)
        self._shadowed = integrity.builtins_used(nb)
        self._fingerprint_names = integrity.bound_names([nb.cells[i].source for i in self._setup]) + self._shadowed
        self._fingerprint = None
        with tempfile.TemporaryDirectory(prefix="course-kernel-") as self._sockets:
            return super().preprocess(nb, resources, km)

    async def async_start_new_kernel(self, **kwargs):
        # What the kernel process itself writes (a student's os.system, a program's output)
        # goes nowhere: the grader reads cells' outputs, never its own terminal.
        kwargs.setdefault("stdout", subprocess.DEVNULL)
        kwargs.setdefault("stderr", subprocess.DEVNULL)
        return await super().async_start_new_kernel(**kwargs)

    start_new_kernel = run_sync(async_start_new_kernel)  # nbclient's own would call its own

    def create_kernel_manager(self):
        km = super().create_kernel_manager()
        if self.kernel_transport == "ipc":
            km.transport = "ipc"
            km.ip = os.path.join(self._sockets, "kernel")  # absolute: kernel and grader differ in cwd
        if self.sandbox:
            require_sandbox()
            # A kernel in its own network namespace is reachable only through ipc sockets,
            # and reads its connection file from the one private folder it is shown.
            km.connection_file = os.path.join(self._sockets, "kernel.json")
            km.sandbox = Sandbox(self._folder(), self._sockets)
            # A signal to the kernel's process group would reach bwrap, not the kernel
            # (which leads a session of its own): ask the kernel to interrupt itself.
            km.kernel_spec.interrupt_mode = "message"
        return km

    def preprocess_cell(self, cell, resources, index):
        try:
            return self._run_cell(cell, resources, index)
        finally:
            if self.sandbox and index == len(self.nb.cells) - 1:
                left_running[self._folder()] = self._processes_left()

    def _run_cell(self, cell, resources, index):
        if cell.cell_type != "code":
            return cell, self.resources
        if len(self._broken) > self.max_restarts:
            _fail(cell, "NotRun", "not run: earlier cells kept killing the kernel")
            return cell, self.resources
        restored = is_grade(cell) and self._restore_if_changed()
        try:
            super().preprocess_cell(cell, resources, index)
            self._after(index)
        except DeadKernelError:
            _fail(cell, "DeadKernelError", "the kernel died while this cell ran (os._exit? a "
                  "crash?); it was restarted and the cells after this one were graded")
            self._recover(index)
            return cell, self.resources
        except CellTimeoutError:
            # The reply came (the interrupt's), but the kernel's output never went idle.
            _fail(cell, TIMEOUT_ERROR, f"this cell did not finish within {self.timeout} s")
        except Exception as error:  # e.g. stray replies from forked copies of the kernel
            _fail(cell, "KernelConfused", f"the kernel's messages for this cell made no sense "
                  f"({type(error).__name__}); it was restarted and the cells after this one were graded")
            self._recover(index)
            return cell, self.resources
        if restored:
            cell.outputs.insert(0, new_output("stream", name="stdout", text=integrity.RESTORED + "\n"))
        timed_out = any(o.output_type == "error" and o.ename == TIMEOUT_ERROR for o in cell.outputs)
        if timed_out and not run_sync(self._answers)():
            _fail(cell, "KernelWedged", "this cell ignored the interrupt after its time ran out; "
                  "the kernel was restarted and the cells after this one were graded")
            self._recover(index)
        elif not is_grade(cell) and self._processes_left() > limits.PROCESSES // 2:
            # A fork bomb stopped at the limit leaves copies of the kernel holding the
            # process slots (and the CPU): no later cell could start a program.
            _fail(cell, PROCESS_LIMIT, f"this cell left more than {limits.PROCESSES // 2} processes running "
                  f"(at most {limits.PROCESSES} may run at once); the kernel was restarted and the cells "
                  "after this one were graded")
            self._recover(index)
        return cell, self.resources

    def _folder(self) -> str:
        return str(Path(self.resources.get("metadata", {}).get("path") or os.getcwd()).resolve())

    def _processes_left(self) -> int:
        """Live processes the kernel started (in the sandbox: besides bwrap's own init)."""
        process = getattr(self.km.provisioner, "process", None)
        if process is None:
            return 0
        besides_kernel = 2 if self.sandbox else 0  # bwrap's init and the kernel below the launcher
        return max(0, len(processes.running_descendants(process.pid)) - besides_kernel)

    def output(self, outs, msg, display_id, cell_index):
        if msg["msg_type"] == "stream":
            used = self._output_sizes.get(cell_index, 0)
            text = msg["content"]["text"]
            self._output_sizes[cell_index] = used + len(text)
            if used >= self.output_limit:
                return None
            if used + len(text) > self.output_limit:
                msg = copy.deepcopy(msg)
                msg["content"]["text"] = (text[: self.output_limit - used]
                                          + f"\n[output cut at {self.output_limit} characters]\n")
        return super().output(outs, msg, display_id, cell_index)

    async def _answers(self) -> bool:
        """Does the kernel answer a trivial request within ``probe_timeout``?"""
        return await self._ask("") is not None

    async def _ask(self, code: str, expressions: dict[str, str] | None = None) -> dict | None:
        """Run ``code`` silently; the reply's content, or None without a reply within
        ``probe_timeout``."""
        msg_id = self.kc.execute(code, silent=True, store_history=False, user_expressions=expressions or {})

        async def reply():
            while True:
                msg = await ensure_async(self.kc.shell_channel.get_msg(timeout=None))
                if msg["parent_header"].get("msg_id") == msg_id:
                    return msg["content"]

        try:
            return await asyncio.wait_for(reply(), self.probe_timeout)
        except asyncio.TimeoutError:
            return None

    def _after(self, index):
        """Keep the fingerprint of the course package right after the setup cells ran."""
        if self._setup and index == self._setup[-1]:
            self._fingerprint = self._fingerprint_now()

    def _fingerprint_now(self) -> str | None:
        expression = integrity.fingerprint_expression(self._fingerprint_names)
        content = run_sync(self._ask)("", {"fingerprint": expression}) or {}
        value = content.get("user_expressions", {}).get("fingerprint", {})
        return value.get("data", {}).get("text/plain") if value.get("status") == "ok" else None

    def _restore_if_changed(self) -> bool:
        """Before a test cell: import the course package anew and run the setup cells again
        if the student's code changed them; whether it had to."""
        if self._fingerprint is None or self._fingerprint_now() == self._fingerprint:
            return False
        run_sync(self._ask)(integrity.restore_code([self.nb.cells[i].source for i in self._setup], self._shadowed))
        self._fingerprint = self._fingerprint_now()
        return True

    def _recover(self, index):
        """Restart the kernel and run again the cells before ``index`` that are not tests
        and did not break it, so that the student's definitions exist for later cells. A
        cell that breaks the kernel again while it is run again is skipped from then on."""
        self._broken.add(index)
        while len(self._broken) <= self.max_restarts:
            run_sync(self.km.restart_kernel)(now=True)
            self.kc.stop_channels()
            self.start_new_kernel_client()
            again = self._replay(index)
            if again is None:
                return
            self._broken.add(again)

    def _replay(self, index) -> int | None:
        """Run the cells before ``index`` again, outputs discarded; the index of a cell
        that kills or wedges the kernel now, or None."""
        for earlier, cell in enumerate(self.nb.cells[:index]):
            if cell.cell_type != "code" or is_grade(cell) or earlier in self._broken:
                continue
            try:
                self.execute_cell(copy.deepcopy(cell), earlier, store_history=False)
                self._after(earlier)
            except (DeadKernelError, CellTimeoutError):
                return earlier
        return None


def _fail(cell, ename, evalue):
    cell.outputs.append(new_output("error", ename=ename, evalue=evalue, traceback=[f"{ename}: {evalue}"]))
