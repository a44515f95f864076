"""The instructor's command line: ``course release | demo | grade | feedback | report``, and for authors
``course text | notebook`` (a notebook's plain-text form, see ``course.authoring``) and
``course readme`` (the README's course map, see ``course.coursemap``).

Every command works on the course directory it is run in (``--course-dir`` to choose
another); ``demo`` works in a scratch copy and never touches the instructor's gradebook.
"""

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

import nbformat

from course import authoring, coursemap
from course.grading import dispatch, feedback, notebooks, report, runner, samples, sandbox


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="course", description=__doc__.splitlines()[0])
    parser.add_argument("--course-dir", type=Path, default=Path.cwd(),
                        help="the nbgrader course directory (default: the current one)")
    commands = parser.add_subparsers(dest="command", required=True)

    release = commands.add_parser("release", help="regenerate release/ from source/ with nbgrader")
    release.add_argument("assignments", nargs="*", help="only these (default: all)")

    demo = commands.add_parser("demo", help="build the release and grade the sample class")
    demo.add_argument("--workers", type=int, help="worker processes (default: one per core)")
    demo.add_argument("--keep", type=Path, help="leave the scratch course in this (new) folder")

    grade = commands.add_parser("grade", help="autograde every submission (of every assignment, or the ones named)")
    grade.add_argument("assignments", nargs="*", help="only these (default: all)")
    grade.add_argument("--students", nargs="+", help="only these students (default: all who submitted)")
    grade.add_argument("--workers", type=int, help="worker processes on this machine (default: one per core)")
    grade.add_argument("--scheduler", help="grade on the running Dask cluster at this address (tcp://HOST:PORT)")
    grade.add_argument("--unsandboxed", action="store_true",
                       help="grade where no sandbox can be made (student code can then read and "
                            "write all the grader can; the report says so first)")

    feedback_command = commands.add_parser(
        "feedback", help="generate the students' feedback pages, withholding any that shows a hidden test")
    feedback_command.add_argument("assignments", nargs="*", help="only these (default: all)")
    feedback_command.add_argument("--students", nargs="+", help="only these students (default: all graded)")

    commands.add_parser("report", help="show the report of the last `course grade`")
    commands.add_parser("readme", help="rewrite README.md's course map and Binder links")

    text = commands.add_parser("text", help="print a notebook in its plain-text form")
    text.add_argument("notebook", type=Path)

    notebook = commands.add_parser("notebook", help="write a notebook from its plain-text form")
    notebook.add_argument("text", type=Path)
    notebook.add_argument("notebook", type=Path)

    args = parser.parse_args(argv)
    course_dir = args.course_dir.resolve()
    try:
        if args.command == "release":
            return release_all(course_dir, args.assignments)
        if args.command == "demo":
            return run_demo(course_dir, args.workers, args.keep)
        if args.command == "report":
            return show_report(course_dir)
        if args.command == "feedback":
            return give_feedback(course_dir, args.assignments, args.students)
        if args.command == "readme":
            readme = course_dir / "README.md"
            readme.write_text(coursemap.rewrite(readme.read_text(), course_dir))
            return 0
        if args.command == "text":
            print(authoring.to_text(notebooks.read(args.notebook)), end="")
            return 0
        if args.command == "notebook":
            args.notebook.parent.mkdir(parents=True, exist_ok=True)
            nbformat.write(authoring.from_text(args.text.read_text()), str(args.notebook))
            return 0
        return grade_submissions(course_dir, args.assignments, args.students, args.workers, args.scheduler,
                                 not args.unsandboxed)
    except (runner.CourseError, notebooks.NotebookError) as error:
        print(f"course {args.command}: {error}", file=sys.stderr)
        return 2


def release_all(course_dir: Path, names: list[str]) -> int:
    """Generate the student versions in a scratch course and copy them into release/."""
    names = names or runner.assignments(course_dir)
    with tempfile.TemporaryDirectory(prefix="course-release-") as tmp:
        scratch = runner.scratch_course(course_dir, names, Path(tmp))
        for name, notebook in runner.generate(scratch, names).items():
            target = course_dir / "release" / name
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(notebook.parent, target)
            print(f"release/{name}/{notebook.name}")
    return 0


def run_demo(course_dir: Path, workers: int, keep: Path | None) -> int:
    """Release every notebook and grade the bundled sample class, in a scratch course."""
    samples_root = course_dir / "tests" / "submissions"
    klass = samples.sample_class(samples_root)
    names = runner.assignments(course_dir)
    if keep is not None:
        keep.mkdir(parents=True)
    with tempfile.TemporaryDirectory(prefix="course-demo-") as tmp:
        scratch = runner.scratch_course(course_dir, names, keep or Path(tmp))
        started = time.monotonic()
        released = runner.generate(scratch, names)
        for name, release_path in released.items():
            source_nb = notebooks.read(scratch / "source" / name / f"{name}.ipynb")
            release_nb = notebooks.read(release_path)
            for student, spec in klass.items():
                answers = samples.answers_of(samples_root, name, spec.get("answers", {}).get(name, {}))
                nb = samples.submission(source_nb, release_nb, answers, spec.get("default", samples.REFERENCE))
                runner.submit(scratch, student, name, nb)
        # The sample class is the course's own code: where no sandbox can be made, it is
        # graded without one, and the table says so.
        sandboxed = sandbox.unavailable_reason() is None
        results = runner.autograde(scratch, [(n, s) for n in names for s in klass], workers,
                                   progress=dispatch.Progress(), sandbox=sandboxed)
        notes = _notes(results)
        print(f"Sample class of {len(klass)} graded on {len(names)} notebooks in "
              f"{time.monotonic() - started:.0f} s.\n")
        for student, spec in klass.items():
            print(f"  {student}: {spec.get('about', '')}")
        print()
        print(report.table(scratch, names, list(klass), notes))
        if not sandboxed:
            print(f"\n{report.unsandboxed_warning(sandbox.unavailable_reason())}")
        if keep is not None:
            print(f"\nThe scratch course is in {keep}.")
    return 0


def grade_submissions(course_dir: Path, assignments: list[str], students: list[str] | None,
                      workers: int | None, scheduler: str | None, sandboxed: bool = True) -> int:
    """Autograde the submissions in the course directory: of the named assignments (all by
    default) and students (all who submitted by default), from one queue of workers, every
    kernel sandboxed (it refuses where no sandbox can be made, unless told to go without)."""
    reason = sandbox.unavailable_reason()
    if sandboxed and reason and not scheduler:
        raise runner.CourseError(f"cannot sandbox the grading kernels: {reason}. Install it, or pass "
                                 "--unsandboxed to grade without a sandbox (the report will say so).")
    assignments = assignments or runner.assignments(course_dir)
    for assignment in assignments:
        runner.check_assignment(course_dir, assignment)
    submitted = course_dir / "submitted"
    work = [(a, folder.parent.name) for a in assignments for folder in sorted(submitted.glob(f"*/{a}"))
            if folder.is_dir() and (not students or folder.parent.name in students)]
    if not work:
        raise runner.CourseError(f"no submissions of {', '.join(assignments)} in {submitted}"
                                 + (f" by {', '.join(students)}" if students else ""))
    started = time.time()
    results = runner.autograde(course_dir, work, workers, scheduler, progress=dispatch.Progress(),
                               sandbox=sandboxed)
    graded_students = sorted({s for _, s in work})
    print(report.table(course_dir, assignments, graded_students, _notes(results)))
    unsandboxed = None if sandboxed else report.unsandboxed_warning(reason or "--unsandboxed was given")
    folder = report.write(course_dir, results, started, unsandboxed)
    if unsandboxed:
        print(f"\n{unsandboxed}")
    print(f"\nThe report is in {folder.relative_to(course_dir)}/ (`course report` shows it again).")
    return 0 if all(r.success for r in results.values()) else 1


def give_feedback(course_dir: Path, assignments: list[str], students: list[str] | None) -> int:
    """Generate feedback pages; a page that shows hidden-test text is withheld, listed
    here and added to the last report's attention list."""
    assignments = assignments or runner.assignments(course_dir)
    for assignment in assignments:
        runner.check_assignment(course_dir, assignment)
    written, withheld = feedback.generate(course_dir, assignments, students)
    print(f"{len(written)} feedback page(s) written under {course_dir / 'feedback'}.")
    for line in withheld:
        print(f"  {line}")
    last = report.latest(course_dir)
    if withheld and last is not None:
        report.add_attention(last, withheld)
    return 1 if withheld else 0


def show_report(course_dir: Path) -> int:
    """Print the last report: its attention list, and where its tables are."""
    folder = report.latest(course_dir)
    if folder is None:
        raise runner.CourseError(f"no report in {course_dir / report.REPORTS}: run `course grade` first")
    print(f"Report of {folder.name} ({folder}):")
    for name in sorted(p.name for p in folder.iterdir()):
        print(f"  {name}")
    print("\nNeeds attention:")
    print("".join(f"  {line}\n" for line in (folder / "attention.txt").read_text().splitlines()), end="")
    return 0


def _notes(results) -> dict[str, str]:
    notes: dict[str, list[str]] = {}
    for (assignment, student), result in sorted(results.items()):
        if not result.success:
            notes.setdefault(student, []).append(f"{assignment} not graded: {result.error}")
        if result.left_running:
            notes.setdefault(student, []).append(
                f"{assignment} left {result.left_running} process(es) running (killed)")
    return {student: "; ".join(lines) for student, lines in notes.items()}


if __name__ == "__main__":
    sys.exit(main())
