"""GradingExecute on small notebooks: a cell that kills or wedges the kernel fails alone,
and the cells after it run with the definitions of the cells before it."""

import nbformat
from nbformat.v4 import new_code_cell, new_notebook

from conftest import SANDBOX
from course.grading.execute import GradingExecute


def run(sources, tmp_path, **settings):
    nb = new_notebook(cells=[new_code_cell(source) for source in sources])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    executor = GradingExecute(timeout=3, probe_timeout=1, sandbox=SANDBOX, **settings)
    executor.preprocess(nb, {"metadata": {"path": str(tmp_path)}})
    return nb.cells


def test_a_changed_course_package_or_shadowed_builtin_is_restored_before_each_test(tmp_path):
    def cell(source, **nbgrader):
        made = new_code_cell(source)
        made.metadata["nbgrader"] = {"schema_version": 3, "grade": False, "solution": False,
                                     "locked": False, "task": False, **nbgrader}
        return made

    answer = dict(grade_id="answer", solution=True)
    nb = new_notebook(cells=[
        cell("from course import checks", grade_id="setup_imports", locked=True),
        cell("def f():\n    return 1", **answer),
        cell("# f is 1.\nchecks.that(isinstance(f(), int) and f() == 1, 'f() is 1')",
             grade_id="untouched", grade=True, points=1, locked=True),
        cell("import course.checks\ncourse.checks.that = lambda *args: None\n"
             "def isinstance(*args):\n    return True", grade_id="cheat", solution=True),
        cell("# f is 2.\nchecks.that(isinstance(f(), str) and f() == 2, 'f() should be 2')",
             grade_id="cheated", grade=True, points=1, locked=True),
    ])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    GradingExecute(timeout=10, sandbox=SANDBOX).preprocess(nb, {"metadata": {"path": str(tmp_path)}})
    untouched, cheated = nb.cells[2], nb.cells[4]
    assert untouched.outputs == []
    assert errors(cheated) == ["AssertionError"] and "were restored before this test" in stdout(cheated)


def errors(cell):
    return [output.ename for output in cell.outputs if output.output_type == "error"]


def stdout(cell):
    return "".join(output.get("text", "") for output in cell.outputs if output.get("name") == "stdout")


def test_a_dead_kernel_fails_one_cell_and_the_rest_runs_with_earlier_definitions(tmp_path):
    cells = run([
        "x = 1",
        # Dies only when it runs a second time: while the kernel is being rebuilt.
        "import os, pathlib\nmark = pathlib.Path('ran-once')\nif mark.exists():\n    os._exit(1)\nmark.write_text('')",
        "y = 2",
        "import os\nos._exit(3)",
        "print(x, y)",
    ], tmp_path)
    assert errors(cells[3]) == ["DeadKernelError"]
    assert stdout(cells[4]) == "1 2\n" and errors(cells[4]) == []


def test_a_cell_that_ignores_the_interrupt_is_failed_and_the_kernel_replaced(tmp_path):
    cells = run([
        "x = 'defined before'",
        "import signal\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\nwhile True:\n    pass",
        "print(x)",
    ], tmp_path)
    assert "KernelWedged" in errors(cells[1])
    assert stdout(cells[2]) == "defined before\n"


def test_an_interruptible_loop_only_costs_its_own_cell(tmp_path):
    cells = run(["x = 5", "while True:\n    pass", "print(x)"], tmp_path)
    assert "CellTimeoutError" in errors(cells[1]) and "KernelWedged" not in errors(cells[1])
    assert stdout(cells[2]) == "5\n"


def test_output_is_cut_at_the_limit(tmp_path):
    cells = run(["for i in range(200):\n    print('x' * 999)", "print('next')"], tmp_path, output_limit=10_000)
    text = stdout(cells[0])
    assert text.endswith("[output cut at 10000 characters]\n") and len(text) < 10_100
    assert stdout(cells[1]) == "next\n"


def test_a_kernel_that_keeps_dying_stops_being_restarted(tmp_path):
    cells = run(["import os\nos._exit(1)"] * 3 + ["print('never')"], tmp_path, max_restarts=1)
    assert errors(cells[0]) == ["DeadKernelError"] and errors(cells[1]) == ["DeadKernelError"]
    assert errors(cells[2]) == ["NotRun"] and errors(cells[3]) == ["NotRun"]


def test_the_kernel_talks_over_unix_sockets_not_tcp_ports(tmp_path):
    """No port race with parallel workers' kernels or hidden tests' servers."""
    (cell,) = run(["import json\nfrom ipykernel.connect import get_connection_info\n"
                   "print(json.loads(get_connection_info())['transport'])"], tmp_path)
    assert stdout(cell) == "ipc\n"
    assert list(tmp_path.iterdir()) == [], "no socket file is left in the notebook's folder"
