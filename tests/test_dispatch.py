"""Grading from one queue on Dask: a course shaped like nbgrader's own example grades to
the same scores and needs-manual-grade flags as plain ``nbgrader autograde``; a real Dask
cluster (a scheduler and two workers started as programs) grades a class, loses nothing
when one worker is killed in the middle, and records every submission once; a submission
that kills its worker each time is reported, not retried forever."""

import contextlib
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook
from nbgrader.api import Gradebook

from conftest import ROOT, SANDBOX
from course import processes
from course.grading import notebooks, report, runner, samples

STUDENTS = {"alice": "square", "bob": "wrong"}
"""Students of the example-shaped course: alice answers everything right and explains;
bob's function is wrong and he leaves the explanation as it came."""


def _cell(kind, grade_id, source, points=0):
    """An nbgrader cell: an autograded answer, a test with points, or a manually graded answer."""
    cell = new_markdown_cell(source) if kind == "manual" else new_code_cell(source)
    cell.metadata["nbgrader"] = {
        "answer": dict(grade=False, solution=True, locked=False),
        "test": dict(grade=True, solution=False, locked=True, points=points),
        "manual": dict(grade=True, solution=True, locked=False, points=points),
    }[kind] | {"grade_id": grade_id, "schema_version": 3, "task": False}
    return cell


def _problem(number: int):
    return new_notebook(cells=[
        new_markdown_cell(f"# Problem {number}"),
        _cell("answer", f"square{number}", "def square(x):\n    ### BEGIN SOLUTION\n    return x * x\n    ### END SOLUTION"),
        _cell("test", f"test_square{number}", "assert square(3) == 9", points=2),
        _cell("test", f"test_square_negative{number}",
              "assert square(-2) == 4\n### BEGIN HIDDEN TESTS\nassert square(0) == 0\n### END HIDDEN TESTS", points=1),
        _cell("manual", f"explain{number}", "Explain your answer.\n\n### BEGIN SOLUTION\nBecause.\n### END SOLUTION", points=3),
    ], metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})


def example_course(folder: Path) -> Path:
    """A course like nbgrader's documentation example: assignment ps1 holds problem1 and
    problem2 (not named like the assignment), with a manually graded cell each."""
    folder.mkdir()
    (folder / "nbgrader_config.py").write_text('c = get_config()\nc.CourseDirectory.course_id = "example"\n')
    for number in (1, 2):
        path = folder / "source" / "ps1" / f"problem{number}.ipynb"
        path.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(_problem(number), str(path))
    runner.generate(folder, ["ps1"])
    for student, answer in STUDENTS.items():
        for number in (1, 2):
            nb = nbformat.read(str(folder / "release" / "ps1" / f"problem{number}.ipynb"), as_version=4)
            body = "    return x * x" if answer == "square" else "    return x + x"
            nb.cells[1].source = f"def square(x):\n{body}"
            if answer == "square":
                nb.cells[4].source = "Explain your answer.\n\nA square is a number times itself."
            path = folder / "submitted" / student / "ps1" / f"problem{number}.ipynb"
            path.parent.mkdir(parents=True, exist_ok=True)
            nbformat.write(nb, str(path))
    return folder


def grades(course_dir: Path) -> dict:
    """(student, notebook, cell) -> (score, needs manual grade) for every graded cell."""
    with Gradebook(f"sqlite:///{course_dir / 'gradebook.db'}") as gradebook:
        return {(student, notebook.name, grade.name): (grade.score, grade.needs_manual_grade)
                for student in STUDENTS for notebook in gradebook.find_submission("ps1", student).notebooks
                for grade in notebook.grades}


def test_a_course_shaped_like_nbgraders_example_grades_as_plain_nbgrader_does(tmp_path):
    ours = example_course(tmp_path / "ours")
    plain = example_course(tmp_path / "plain")
    results = runner.autograde(ours, [("ps1", student) for student in STUDENTS], workers=2, sandbox=SANDBOX)
    assert all(result.success for result in results.values()), results
    done = subprocess.run([sys.executable, "-m", "nbgrader", "autograde", "ps1"], cwd=plain, capture_output=True,
                          text=True, timeout=600, env={**os.environ, "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}"})
    assert done.returncode == 0, done.stderr[-2000:]
    assert grades(ours) == grades(plain)
    assert grades(ours)["bob", "problem1", "test_square1"] == (0, False)
    assert grades(ours)["alice", "problem2", "explain2"] == (0, True), "an answer waits for a grader"
    assert grades(ours)["bob", "problem2", "explain2"] == (0, False), "no answer scores 0 at once"
    for student in STUDENTS:
        for number in (1, 2):
            assert (ours / "autograded" / student / "ps1" / f"problem{number}.ipynb").exists()


NAME = "01-running-programs"


@pytest.fixture(scope="module")
def sample_class(tmp_path_factory):
    """Notebook 01 released in a scratch course, with a reference, a blank, a wrong and a
    slow submission handed in."""
    course_dir = runner.scratch_course(ROOT, [NAME], tmp_path_factory.mktemp("course"))
    release = notebooks.read(runner.generate(course_dir, [NAME])[NAME])
    source = notebooks.read(course_dir / "source" / NAME / f"{NAME}.ipynb")
    snippet = (ROOT / "tests" / "submissions" / NAME / "exit_code" / "raw_status.py").read_text()
    slow = "import time\ntime.sleep(3)\n" + notebooks.answer_source(
        next(c for c in source.cells if notebooks.grade_id(c) == "count_lines"))
    for student, answers in {"ref1": {}, "ref2": {}, "wrong": {"exit_code": snippet},
                             "slow1": {"count_lines": slow}, "slow2": {"count_lines": slow}}.items():
        runner.submit(course_dir, student, NAME, samples.submission(source, release, answers))
    runner.submit(course_dir, "blank", NAME, release)
    return course_dir


def totals(course_dir, students):
    return {student: report.cell_scores(course_dir, NAME, student) for student in students}


@contextlib.contextmanager
def dask_cluster(folder: Path, workers: int = 2):
    """A Dask scheduler and ``workers`` workers, each a program of its own in a folder of
    its own, on 127.0.0.1 only; the scheduler's address and the workers' processes."""
    started = []
    env = {**os.environ, "DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES": "1"}
    dask = str(Path(sys.executable).parent / "dask")
    scheduler_file = folder / "scheduler.json"

    def start(*command, cwd):
        cwd.mkdir(parents=True)
        started.append(subprocess.Popen([dask, *command], cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL, start_new_session=True))
        return started[-1]

    try:
        start("scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
              "--scheduler-file", str(scheduler_file), cwd=folder / "scheduler")
        deadline = time.monotonic() + 120
        while not scheduler_file.exists() or not scheduler_file.read_text():
            assert time.monotonic() < deadline, "the Dask scheduler did not start"
            time.sleep(0.2)
        address = json.loads(scheduler_file.read_text())["address"]
        for index in range(workers):
            start("worker", address, "--host", "127.0.0.1", "--nthreads", "1", "--no-dashboard",
                  "--local-directory", str(folder / f"worker{index}" / "dask"), cwd=folder / f"worker{index}")
        yield address, started[1:]
    finally:
        for process in started:
            processes.kill_descendants(process.pid)
            processes.kill_group(process.pid)
            process.wait()


def test_a_dask_cluster_grades_the_class_and_a_killed_worker_loses_nothing(sample_class, tmp_path):
    students = ["ref1", "ref2", "wrong", "slow1", "slow2", "blank"]
    local = tmp_path / "local"
    shutil.copytree(sample_class, local)
    local_results = runner.autograde(local, [(NAME, s) for s in students], workers=2, sandbox=SANDBOX)
    assert all(result.success for result in local_results.values()), local_results
    with dask_cluster(tmp_path / "cluster") as (address, workers):
        killed = []

        def kill_one_worker(done, total, result):
            if not killed:
                victim = workers[0]
                processes.kill_descendants(victim.pid)
                processes.kill_group(victim.pid)
                killed.append(victim.pid)

        results = runner.autograde(sample_class, [(NAME, s) for s in students], scheduler=address,
                                   progress=kill_one_worker, sandbox=SANDBOX)
    assert killed, "no worker was killed"
    assert sorted(results) == sorted((NAME, s) for s in students)
    assert all(result.success for result in results.values()), results
    scores = totals(sample_class, students)
    assert scores == totals(local, students), "the cluster graded otherwise than the local grading"
    full = {cell: top for cell, (_, top) in scores["ref1"].items()}
    assert {c: got for c, (got, _) in scores["ref1"].items()} == full
    assert {c: got for c, (got, _) in scores["slow2"].items()} == full
    assert all(got == 0 for got, _ in scores["blank"].values())
    lost = {c for c, (got, top) in scores["wrong"].items() if got < top}
    assert lost and all(c.startswith("exit_code") for c in lost)
    with Gradebook(f"sqlite:///{sample_class / 'gradebook.db'}") as gradebook:
        assert sorted(s.student.id for s in gradebook.find_assignment(NAME).submissions) == sorted(students)


def test_a_submission_that_kills_its_worker_every_time_is_reported(sample_class, tmp_path):
    """Unsandboxed, since a sandboxed kernel cannot reach its worker (test_grading's
    kills_worker shows it): this is how Dask's handling of such a submission is tested."""
    source = notebooks.read(sample_class / "source" / NAME / f"{NAME}.ipynb")
    release = notebooks.read(sample_class / "release" / NAME / f"{NAME}.ipynb")
    killer = "import os, signal\nos.kill(os.getppid(), signal.SIGKILL)"
    runner.submit(sample_class, "killer", NAME, samples.submission(source, release, {"exit_code": killer}))
    with dask_cluster(tmp_path / "cluster") as (address, _):
        results = runner.autograde(sample_class, [(NAME, "killer"), (NAME, "ref1")], scheduler=address, sandbox=False)
    assert results[NAME, "ref1"].success
    assert not results[NAME, "killer"].success
    assert "killed the grading worker" in results[NAME, "killer"].error
