"""How fast grading is: prints numbers and ratios, asserts nothing (machines are shared and
noisy; targets are read by people, not enforced by tests).

    make bench                        # or: .venv/bin/python benchmarks/grading.py [copies]

- the cost of one isolated call (a forked child per student-function call);
- autograding N copies of the reference solution of notebook 01 with 1 worker and with 2,
  and the speed-up;
- the extra cost of a submission that kills the kernel (restart and replay).
"""

import statistics
import sys
import tempfile
import time
from pathlib import Path

from course import isolation
from course.grading import notebooks, runner, samples

ROOT = Path(__file__).resolve().parents[1]
NAME = "01-running-programs"


def isolated_call_ms(calls: int = 200) -> float:
    times = []
    for _ in range(calls):
        started = time.perf_counter()
        isolation.run(len, b"x")
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def autograde_seconds(copies: int, workers: int, answers: dict[str, str] | None = None) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        course_dir = runner.scratch_course(ROOT, [NAME], Path(tmp))
        release = notebooks.read(runner.generate(course_dir, [NAME])[NAME])
        source = notebooks.read(course_dir / "source" / NAME / f"{NAME}.ipynb")
        students = [f"student{i}" for i in range(copies)]
        for student in students:
            runner.submit(course_dir, student, NAME, samples.submission(source, release, answers or {}))
        started = time.perf_counter()
        results = runner.autograde(course_dir, [(NAME, s) for s in students], workers)
        elapsed = time.perf_counter() - started
        assert all(r.success for r in results.values()), results
        return elapsed


def main(copies: int) -> None:
    print(f"isolated call (fork, run, report, reap): {isolated_call_ms():.1f} ms median")
    one = autograde_seconds(copies, workers=1)
    two = autograde_seconds(copies, workers=2)
    print(f"autograde {copies} x {NAME}, 1 worker:  {one:.1f} s ({one / copies:.2f} s per submission)")
    print(f"autograde {copies} x {NAME}, 2 workers: {two:.1f} s ({two / copies:.2f} s per submission)")
    print(f"speed-up with 2 workers: {one / two:.2f}x")
    killer = (ROOT / "tests" / "submissions" / NAME / "exit_code" / "kills_kernel.py").read_text()
    dead = autograde_seconds(copies, workers=2, answers={"exit_code": killer})
    print(f"autograde {copies} x a kernel-killing submission, 2 workers: {dead:.1f} s "
          f"({dead / two:.2f}x the healthy run: restart and replay)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 8)
