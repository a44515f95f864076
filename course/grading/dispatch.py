"""Hand submissions out to grading workers from one queue, on Dask distributed, and record
each result as it comes back.

With no scheduler address a local cluster is started on this machine (one worker process
per core by default, one submission at a time each); with ``scheduler="tcp://HOST:PORT"``
a running Dask cluster grades, on as many machines as it has. Either way a worker takes the
next submission when it is done with one, so a slow submission never holds back others.

Faults are Dask's to handle: a submission whose worker died is graded again on another
worker, and one that kills workers again and again (``allowed-failures``, 3 by default)
comes back as failed, with the reason. Only this process writes the gradebook
(``course.grading.record``), so a submission graded twice is recorded once.
"""

import logging
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from course import processes
from course.grading import job, record


@dataclass(frozen=True)
class StepResult:
    assignment: str
    student: str | None
    success: bool
    error: str = ""
    left_running: int = 0


def grade(course_dir: Path, submissions: list[tuple[str, str]], workers: int | None = None,
          scheduler: str | None = None, progress=None, sandbox: bool = True) -> dict[tuple[str, str], StepResult]:
    """Grade each (assignment, student) submission of the course in ``course_dir`` and
    record it there, each kernel sandboxed unless ``sandbox`` is false;
    ``progress(done, total, result)`` is called after each."""
    config = (course_dir / "nbgrader_config.py").read_text()
    sources = {name: job.read_folder(course_dir / "source" / name) for name in {a for a, _ in submissions}}
    jobs = [job.Job(a, s, config, sources[a], job.read_folder(course_dir / "submitted" / s / a), sandbox)
            for a, s in submissions]
    results = {}
    recorder = record.Recorder(course_dir)
    try:
        with _cluster(workers, scheduler) as client:
            futures = {client.submit(job.grade, j, key=j.key, pure=False): j for j in jobs}
            for future, result in _outcomes(client, futures, recorder):
                done = futures[future]
                results[done.assignment, done.student] = result
                if progress is not None:
                    progress(len(results), len(jobs), result)
    finally:
        recorder.close()
    return results


STALLED = job.SECONDS_PER_SUBMISSION + 60
"""Seconds without any submission graded after which the cluster is asked whether it still
has a worker: with none left, what is still pending is reported, not waited for forever."""


def _outcomes(client, futures: dict, recorder):
    """(future, result) for each submission as it comes back."""
    from distributed import TimeoutError, wait

    pending = set(futures)
    while pending:
        try:
            finished, pending = wait(pending, timeout=STALLED, return_when="FIRST_COMPLETED")
        except TimeoutError:
            if client.scheduler_info().get("workers"):
                continue
            for future in pending:
                done = futures[future]
                yield future, StepResult(done.assignment, done.student, False, "no grading worker was left")
            return
        for future in finished:
            yield future, _recorded(recorder, futures[future], future)


def _recorded(recorder, done: job.Job, future) -> StepResult:
    try:
        graded = future.result()
    except Exception as error:  # the worker died grading it too often, or grading itself broke
        reason = f"{type(error).__name__}: {error}"
        if type(error).__name__ == "KilledWorker":
            reason = "it killed the grading worker each time it was graded"
        return StepResult(done.assignment, done.student, False, reason)
    success, error = recorder.record(graded)
    return StepResult(done.assignment, done.student, success, error, graded.left_running)


class _cluster:
    """A Dask client: of the cluster at ``scheduler``, or of a local cluster of
    ``workers`` processes (one per core by default), closed afterwards with everything
    its workers left behind."""

    def __init__(self, workers: int | None, scheduler: str | None):
        self._workers = workers or os.cpu_count() or 1
        self._scheduler = scheduler
        self._local = None

    def __enter__(self):
        from distributed import Client, LocalCluster

        if self._scheduler:
            self._client = Client(self._scheduler, timeout=30)
            return self._client
        import dask

        job.become_subreaper()  # a killed worker's kernels come to this process, not init
        # A worker's statistical profiler samples its threads every 10 ms: CPU that grading
        # needs, for a profile nobody reads here.
        with dask.config.set(QUIET_WORKERS):
            self._local = LocalCluster(n_workers=self._workers, threads_per_worker=1, processes=True,
                                       memory_limit=0, dashboard_address="127.0.0.1:0",
                                       worker_dashboard_address=None, host="127.0.0.1",
                                       silence_logs=logging.CRITICAL)
        self._client = Client(self._local)
        return self._client

    def __exit__(self, *exc):
        self._client.close()
        if self._local is not None:
            self._local.close()
            # What the workers' kernels left (they come to this process, a subreaper); not
            # multiprocessing's resource tracker, which this process keeps using.
            processes.kill_descendants(os.getpid(), sparing=_resource_tracker())


QUIET_WORKERS = {"distributed.worker.profile.enabled": False,
                 "distributed.admin.system-monitor.interval": "2s"}


def _resource_tracker() -> set[int]:
    """multiprocessing's resource tracker of this process, if it runs (a child of ours)."""
    from multiprocessing import resource_tracker

    pid = getattr(resource_tracker._resource_tracker, "_pid", None)
    return {pid} if pid else set()


class Progress:
    """A progress bar with the count, the rate and an ETA on a terminal (tqdm), plain
    lines otherwise."""

    def __init__(self, stream=sys.stderr):
        self._stream = stream
        self._bar = None
        self._started = time.monotonic()

    def __call__(self, done: int, total: int, result: StepResult) -> None:
        if self._stream.isatty():
            if self._bar is None:
                from tqdm import tqdm

                self._bar = tqdm(total=total, unit="submission", file=self._stream)
            self._bar.set_postfix_str(f"{result.student}/{result.assignment}", refresh=False)
            self._bar.update(1)
            if done == total:
                self._bar.close()
            return
        state = "graded" if result.success else f"NOT graded ({result.error})"
        print(f"[{done}/{total} in {time.monotonic() - self._started:.0f} s] "
              f"{result.student}/{result.assignment} {state}", file=self._stream, flush=True)
