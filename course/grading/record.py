"""The coordinator's side of grading: write what a worker graded into the instructor's own
course, ``autograded/`` and gradebook, exactly as ``nbgrader autograde`` would.

It runs nbgrader's own autograde on the submission, in this one process, with the Execute
step replaced by ``ReplayOutputs``: the outputs the worker's kernel produced. Everything
else is nbgrader's (restoring edited or deleted test cells, scoring, the needs-manual-grade
flags, late penalties), so the gradebook ends up as plain autograde leaves it; and since only
this process writes it, no two writers ever meet in the SQLite file.
"""

import shutil
import tempfile
from pathlib import Path

import nbformat
from nbconvert.preprocessors import Preprocessor
from traitlets import Unicode

from course.grading import job
from course.grading.execute import GradingExecute


class ReplayOutputs(Preprocessor):
    """Autograde's Execute step, with the outputs a worker computed for this notebook."""

    graded_dir = Unicode(help="The worker's autograded folder of this submission.").tag(config=True)
    enabled = True  # nbconvert runs a preprocessor only when it is enabled

    def preprocess(self, nb, resources):
        name = resources["unique_key"]
        graded = nbformat.read(str(Path(self.graded_dir) / f"{name}.ipynb"), as_version=4)
        if [c.cell_type for c in graded.cells] != [c.cell_type for c in nb.cells]:
            raise ValueError(f"{name}: the worker graded a notebook with other cells than this one")
        for cell, done in zip(nb.cells, graded.cells):
            if cell.cell_type == "code":
                cell.outputs = done.outputs
                cell.execution_count = done.get("execution_count")
        return nb, resources


class Recorder:
    """Writes graded submissions into the course in ``course_dir``, one at a time."""

    def __init__(self, course_dir: Path):
        self._api = job.nbgrader_api(course_dir)
        self._folder = tempfile.TemporaryDirectory(prefix="course-record-")
        steps = self._api.config.Autograde.get("autograde_preprocessors")
        if not steps:
            from nbgrader.converters import Autograde
            steps = Autograde.class_traits()["autograde_preprocessors"].default()
        self._api.config.Autograde.autograde_preprocessors = [
            ReplayOutputs if _is_execute(step) else step for step in steps]

    def record(self, graded: job.Graded) -> tuple[bool, str]:
        """Autograde ``graded``'s submission with its outputs; (success, error)."""
        folder = Path(self._folder.name) / graded.student / graded.assignment
        shutil.rmtree(folder, ignore_errors=True)
        job.write_folder(folder, graded.autograded)
        self._api.config.ReplayOutputs.graded_dir = str(folder)
        result = self._api.autograde(graded.assignment, graded.student, force=True, create=True)
        shutil.rmtree(folder, ignore_errors=True)
        if not result["success"]:
            return False, graded.error or job.last_error(result)
        return graded.success, graded.error

    def close(self) -> None:
        self._folder.cleanup()


def _is_execute(step) -> bool:
    from nbgrader.preprocessors import Execute

    name = step if isinstance(step, str) else f"{step.__module__}.{step.__qualname__}"
    return (isinstance(step, type) and issubclass(step, Execute)) or name.endswith(
        ("nbgrader.preprocessors.Execute", GradingExecute.__qualname__))
