"""How fast `course grade` grades a class, against plain nbgrader and against its own floor.
It prints numbers and ratios and asserts no timing (machines are shared and noisy; the
targets are read by people). It exits 1 only when two ways of grading disagree on a score.

    make bench
    .venv/bin/python benchmarks/grading.py --students 4 --notebooks 01-running-programs 03-bytes-and-str

A synthetic class: N students (20 by default) hand in every notebook of source/ (or those
named); per task, student i hands in option i modulo (1 + the task's sample snippets),
option 0 being the reference solution (tests/submissions/<notebook>/<task>/*.py), so
student 0 is all right and the others are a deterministic mix of right and wrong.

What is measured, each part in its own copy of the same scratch course (``--parts`` picks
the parts beside course grade), in wall seconds and in CPU seconds of all the processes a
part starts (on a shared machine the wall times follow the load; the CPU times hardly do):

- course grade: `runner.autograde` (Dask local cluster, one worker per core); its times,
  and per submission the seconds a worker spent on it (Dask's own task timing; a worker's
  first submission of a notebook also imports nbgrader and generates the assignment);
- loop: `nbgrader autograde NOTEBOOK` for one notebook after the other, each in a
  subprocess, as an instructor without this course would. Its scores must equal course
  grade's, cell by cell. Target: course grade at least 3x faster on 2 cores.
- floor: a notebook with one trivial cell per student through course grade (per submission:
  times, and worker seconds as mean and median), and each notebook's own run time (its reference and tests, hidden ones
  included, run once with nbclient in a kernel that has already started). Target: a
  notebook's worker seconds per submission within 1.5x of floor + its own run time.
- pool: the same jobs (`job.grade` in a `ProcessPoolExecutor`, `record.Recorder` here) with
  no scheduler: what going through Dask costs. Target: Dask within 10 % of the pool.
- sandbox: course grade again with the kernel sandbox off (`sandbox=False`). Target: the
  sandbox costs under 10 % more per notebook. Where no sandbox can be made here, every
  part grades without one (and says so), and this part is left out.
"""

import argparse
import concurrent.futures
import multiprocessing
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import dask
import nbformat
from distributed.diagnostics.plugin import SchedulerPlugin
from nbclient import NotebookClient

from course import processes
from course.grading import dispatch, job, notebooks, record, report, runner, samples, sandbox

ROOT = Path(__file__).resolve().parents[1]
SNIPPETS = ROOT / "tests" / "submissions"
EMPTY = "00-empty"
PARTS = ("loop", "floor", "pool", "sandbox")


class Stopwatch:
    """The wall seconds and the CPU seconds of a block: of this process and of every
    process started in it (CPU seconds hardly change with the machine's load). Processes
    orphaned in the block come to this one (a subreaper), and what is left at its end is
    killed and reaped, as `course grade` itself does, so that their CPU time counts."""

    def __enter__(self):
        job.become_subreaper()
        self._started = time.perf_counter(), _cpu_seconds()
        return self

    def __exit__(self, *exc):
        processes.kill_descendants(os.getpid())
        self.wall = time.perf_counter() - self._started[0]
        self.cpu = _cpu_seconds() - self._started[1]

    def text(self) -> str:
        return f"{self.wall:.1f} s wall, {self.cpu:.1f} s CPU"


def _cpu_seconds() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


@dataclass
class Run:
    """A grading run: its times, and the seconds a worker spent on each submission."""

    time: Stopwatch
    worker_seconds: dict[tuple[str, str], float]
    not_graded: list[str]

    def per_submission(self, notebook: str | None = None, average=statistics.mean) -> float:
        """Worker seconds per submission (of one notebook, or of all): their mean, or
        another ``average``."""
        return average([seconds for (name, _), seconds in self.worker_seconds.items() if notebook in (None, name)])


# The class ----------------------------------------------------------------------------

def student_ids(count: int) -> list[str]:
    return [f"student{i:03d}" for i in range(count)]


def make_class(course_dir: Path, names: list[str], students: list[str]) -> list[tuple[str, str]]:
    """A scratch course with the notebooks' releases and each student's submission of
    each; its (notebook, student) submissions."""
    course_dir.mkdir()
    runner.scratch_course(ROOT, names, course_dir)
    released = runner.generate(course_dir, names)
    for name in names:
        source_nb = notebooks.read(course_dir / "source" / name / f"{name}.ipynb")
        release_nb = notebooks.read(released[name])
        options = answer_options(name)
        for number, student in enumerate(students):
            answers = chosen_answers(options, number)
            runner.submit(course_dir, student, name, samples.submission(source_nb, release_nb, answers))
    return [(name, student) for name in names for student in students]


def answer_options(name: str) -> dict[str, list[str | None]]:
    """Per task, what a student may hand in: None (the reference), then each snippet."""
    options: dict[str, list[str | None]] = {}
    for snippet in samples.snippets(SNIPPETS, name):
        options.setdefault(snippet.task, [None]).append(snippet.code)
    return options


def chosen_answers(options: dict[str, list[str | None]], number: int) -> dict[str, str]:
    """Student ``number``'s snippets: option ``number`` modulo the options, per task
    (tasks left out are answered with the reference)."""
    picked = {task: codes[number % len(codes)] for task, codes in options.items()}
    return {task: code for task, code in picked.items() if code is not None}


def make_empty_class(course_dir: Path, students: list[str]) -> list[tuple[str, str]]:
    """A scratch course whose one assignment is a notebook with one trivial cell."""
    folder = course_dir / "source" / EMPTY
    folder.mkdir(parents=True)
    shutil.copy(ROOT / "nbgrader_config.py", course_dir / "nbgrader_config.py")
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("pass")])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, str(folder / f"{EMPTY}.ipynb"))
    release_nb = notebooks.read(runner.generate(course_dir, [EMPTY])[EMPTY])
    for student in students:
        runner.submit(course_dir, student, EMPTY, release_nb)
    return [(EMPTY, student) for student in students]


# Ways of grading ----------------------------------------------------------------------

_task_seconds: dict[str, float] = {}
"""Task key -> seconds a worker computed it; filled by the local cluster's scheduler,
which runs in this process, through the plugin that ``dask_setup`` adds."""


class _TaskSeconds(SchedulerPlugin):
    def transition(self, key, start, finish, *args, startstops=(), **kwargs):
        if start == "processing" and finish in ("memory", "erred"):
            _task_seconds[key] = sum(s["stop"] - s["start"] for s in startstops if s["action"] == "compute")


def dask_setup(scheduler) -> None:
    """Dask's preload hook: ``grade_with_dask`` names this module as the scheduler's preload."""
    scheduler.add_plugin(_TaskSeconds())


def grade_with_dask(course_dir: Path, submissions: list[tuple[str, str]], workers: int, sandboxed: bool) -> Run:
    """`course grade`'s own call."""
    _task_seconds.clear()
    progress = dispatch.Progress() if sys.stderr.isatty() else None
    with dask.config.set({"distributed.scheduler.preload": [__name__]}), Stopwatch() as watch:
        results = runner.autograde(course_dir, submissions, workers, progress=progress, sandbox=sandboxed)
    keys = {(a, s): job.Job(a, s, "", {}, {}).key for a, s in submissions}
    return Run(watch, {submission: _task_seconds[key] for submission, key in keys.items() if key in _task_seconds},
               [f"{s}/{a}: {r.error}" for (a, s), r in results.items() if not r.success])


def grade_with_pool(course_dir: Path, submissions: list[tuple[str, str]], workers: int, sandboxed: bool) -> Run:
    """The same jobs as `course grade`'s, in a process pool with no scheduler, recorded here."""
    with Stopwatch() as watch:
        seconds, not_graded = _grade_in_pool(course_dir, submissions, workers, sandboxed)
    return Run(watch, seconds, not_graded)


def _grade_in_pool(course_dir, submissions, workers, sandboxed) -> tuple[dict[tuple[str, str], float], list[str]]:
    config = (course_dir / "nbgrader_config.py").read_text()
    sources = {name: job.read_folder(course_dir / "source" / name) for name in {a for a, _ in submissions}}
    jobs = [job.Job(a, s, config, sources[a], job.read_folder(course_dir / "submitted" / s / a), sandboxed)
            for a, s in submissions]
    recorder = record.Recorder(course_dir)
    seconds, not_graded = {}, []
    # spawn, as Dask's workers: no copy of this process's threads and imports
    context = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(workers, mp_context=context) as pool:
        for future in concurrent.futures.as_completed([pool.submit(timed_grade, j) for j in jobs]):
            graded, took = future.result()
            seconds[graded.assignment, graded.student] = took
            success, error = recorder.record(graded)
            if not success:
                not_graded.append(f"{graded.student}/{graded.assignment}: {error}")
    recorder.close()
    return seconds, not_graded


def timed_grade(work: job.Job) -> tuple[job.Graded, float]:
    started = time.perf_counter()
    graded = job.grade(work)
    return graded, time.perf_counter() - started


def grade_with_loop(course_dir: Path, names: list[str], log: Path, sandboxed: bool) -> dict[str, float]:
    """`nbgrader autograde NAME` for each notebook in turn; wall seconds per notebook."""
    tools = Path(sys.executable).parent
    env = {**os.environ, "PATH": os.pathsep.join([str(tools), os.environ.get("PATH", "")])}
    seconds = {}
    with open(log, "w") as output:
        for name in names:
            started = time.perf_counter()
            command = [str(tools / "nbgrader"), "autograde", name, f"--GradingExecute.sandbox={sandboxed}"]
            done = subprocess.run(command, cwd=course_dir, env=env, stdout=output, stderr=subprocess.STDOUT)
            seconds[name] = time.perf_counter() - started
            if done.returncode:
                print(f"  nbgrader autograde {name} exited with {done.returncode}; its log ends:")
                output.flush()
                print("".join(f"    {line}\n" for line in log.read_text().splitlines()[-10:]), end="")
    return seconds


def own_run_seconds(course_dir: Path, name: str) -> float:
    """Seconds to run the notebook's source (reference and every test) in a started kernel."""
    nb = notebooks.read(course_dir / "source" / name / f"{name}.ipynb")
    with tempfile.TemporaryDirectory(prefix="course-bench-run-") as folder:
        shutil.copytree(course_dir / "source" / name, folder, dirs_exist_ok=True)
        client = NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": folder}})
        with client.setup_kernel(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL):
            started = time.perf_counter()
            for index, cell in enumerate(nb.cells):
                client.execute_cell(cell, index)
            return time.perf_counter() - started


def score_differences(expected: Path, actual: Path, submissions: list[tuple[str, str]]) -> list[str]:
    """Where the gradebook in ``actual`` scores a cell otherwise than the one in ``expected``."""
    differences = []
    for name, student in submissions:
        want = report.cell_scores(expected, name, student)
        got = report.cell_scores(actual, name, student)
        if want != got:
            cells = sorted(set(want or {}) | set(got or {}))
            changed = [cell for cell in cells if (want or {}).get(cell) != (got or {}).get(cell)]
            differences.append(f"{student}/{name}: {', '.join(changed) or 'not graded in one of them'}")
    return differences


# The run ------------------------------------------------------------------------------

class Benchmark:
    """One class graded every way asked, each in its own copy of the course (made before
    any grading); ``summary`` collects the lines of the final table."""

    def __init__(self, folder: Path, names: list[str], students: list[str], workers: int, parts: set[str],
                 sandboxed: bool):
        self.folder, self.names, self.students, self.workers = folder, names, students, workers
        self.sandboxed = sandboxed
        step("building the class")
        self.submissions = make_class(folder / "class", names, students)
        for part in parts & {"loop", "pool", "sandbox"}:
            shutil.copytree(folder / "class", folder / part)
        self.summary = [["measure", "value", "ratio", "target"]]
        self.agree = True
        self.loop: dict[str, float] = {}
        self.own: dict[str, float] = {}
        self.floor: Run | None = None
        self.unsandboxed: Run | None = None

    def course_grade(self) -> None:
        step("course grade")
        self.graded = grade_with_dask(self.folder / "class", self.submissions, self.workers, self.sandboxed)
        self._not_graded("course grade", self.graded)
        self._measured(["course grade", self.graded.time.text(), "", ""],
                       ["course grade, worker s per submission", f"{self.graded.per_submission():.2f} s", "", ""])

    def run_loop(self) -> None:
        step("nbgrader autograde, one notebook after the other")
        with Stopwatch() as watch:
            self.loop = grade_with_loop(self.folder / "loop", self.names, self.folder / "loop.log", self.sandboxed)
        self._check_scores("loop")
        self._measured(["nbgrader autograde loop", watch.text(), self._ratios(watch, self.graded.time),
                        ">= 3x (loop / course grade)"])

    def run_floor(self) -> None:
        step("the floor: one trivial cell per student")
        empty = make_empty_class(self.folder / "empty", self.students)
        self.floor = grade_with_dask(self.folder / "empty", empty, self.workers, self.sandboxed)
        self._not_graded("floor", self.floor)
        self._measured(
            ["floor, per submission", f"{self.floor.time.wall / len(empty):.2f} s wall, "
             f"{self.floor.time.cpu / len(empty):.2f} s CPU", "", ""],
            ["floor, worker s per submission: mean, median", f"{self.floor.per_submission():.2f} s, "
             f"{self.floor.per_submission(average=statistics.median):.2f} s", "", ""])
        step("each notebook's own run time")
        self.own = {name: own_run_seconds(self.folder / "class", name) for name in self.names}

    def run_pool(self) -> None:
        step("the same jobs in a process pool, no scheduler")
        pool = grade_with_pool(self.folder / "pool", self.submissions, self.workers, self.sandboxed)
        self._not_graded("pool", pool)
        self._check_scores("pool")
        self._measured(["process pool, no scheduler", pool.time.text(), self._ratios(self.graded.time, pool.time),
                        "<= 1.10x (course grade / pool)"])

    def run_sandbox(self) -> None:
        step("course grade without the sandbox")
        self.unsandboxed = grade_with_dask(self.folder / "sandbox", self.submissions, self.workers, sandboxed=False)
        self._not_graded("unsandboxed", self.unsandboxed)
        self._check_scores("sandbox")
        self._measured(["course grade unsandboxed", self.unsandboxed.time.text(),
                        self._ratios(self.graded.time, self.unsandboxed.time), "<= 1.10x (sandboxed / not)"])

    def notebook_rows(self) -> list[list[str]]:
        """Per notebook, seconds per submission: course grade's worker seconds, the loop's
        wall share, the notebook's own run time, and the ratios against their targets."""
        header = ["notebook", "course grade s/sub"]
        header += ["loop s/sub"] if self.loop else []
        header += ["own run s", "floor+own s", "ratio (<= 1.5)"] if self.floor else []
        header += ["unsandboxed s/sub", "sandbox ratio (<= 1.10)"] if self.unsandboxed else []
        rows = [header]
        for name in self.names:
            cost = self.graded.per_submission(name)
            row = [name, f"{cost:.2f}"]
            if self.loop:
                row.append(f"{self.loop[name] / len(self.students):.2f}")
            if self.floor:
                bound = self.floor.per_submission() + self.own[name]
                row += [f"{self.own[name]:.2f}", f"{bound:.2f}", ratio(cost / bound)]
            if self.unsandboxed:
                plain = self.unsandboxed.per_submission(name)
                row += [f"{plain:.2f}", ratio(cost / plain)]
            rows.append(row)
        return rows

    def _check_scores(self, part: str) -> None:
        differences = score_differences(self.folder / "class", self.folder / part, self.submissions)
        if differences:
            self.agree = False
            print(f"  {part}: {len(differences)} submission(s) scored otherwise than by course grade:")
            print("".join(f"    {line}\n" for line in differences[:20]), end="")
        else:
            print(f"  {part}: scores identical to course grade's, cell by cell ({len(self.submissions)} submissions)")

    def _measured(self, *rows: list[str]) -> None:
        """Lines of the final table, printed now too (a long run that breaks keeps them)."""
        self.summary += rows
        for row in rows:
            print("  " + ": ".join(cell for cell in row if cell), flush=True)

    @staticmethod
    def _ratios(numerator: Stopwatch, denominator: Stopwatch) -> str:
        return f"{ratio(numerator.wall / denominator.wall)} wall, {ratio(numerator.cpu / denominator.cpu)} CPU"

    @staticmethod
    def _not_graded(label: str, run: Run) -> None:
        for line in run.not_graded:
            print(f"  {label}: not graded: {line}")


def print_table(rows: list[list[str]]) -> None:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for number, row in enumerate(rows):
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())
        if number == 0:
            print("  ".join("-" * width for width in widths))


def step(text: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {text}", flush=True)


def ratio(value: float) -> str:
    return f"{value:.2f}x"


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=20, help="students in the class (default 20)")
    parser.add_argument("--notebooks", nargs="+", help="only these notebooks (default: all of source/)")
    parser.add_argument("--workers", type=int, help="grading workers (default: one per core)")
    parser.add_argument("--parts", nargs="+", choices=PARTS, default=list(PARTS),
                        help="what to measure beside course grade itself (default: all)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    names = args.notebooks or runner.assignments(ROOT)
    workers = args.workers or os.cpu_count() or 1
    parts = set(args.parts)
    no_sandbox = sandbox.unavailable_reason()
    if no_sandbox:
        print(f"every part grades without a sandbox ({no_sandbox}); the sandbox part is left out")
        parts.discard("sandbox")
    print(f"{args.students} students x {len(names)} notebooks = {args.students * len(names)} submissions, "
          f"{workers} workers, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the start")
    with tempfile.TemporaryDirectory(prefix="course-bench-") as tmp:
        bench = Benchmark(Path(tmp), names, student_ids(args.students), workers, parts, not no_sandbox)
        bench.course_grade()
        for part in PARTS:
            if part in parts:
                getattr(bench, f"run_{part}")()
    print(f"\nload average {os.getloadavg()[0]:.1f} at the end\n")
    print_table(bench.summary)
    print()
    print_table(bench.notebook_rows())
    return 0 if bench.agree else 1


if __name__ == "__main__":
    sys.exit(main())
