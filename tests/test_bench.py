"""The grading benchmark (`make bench`) still builds its synthetic class from the samples."""

import importlib.util

from conftest import ROOT, SUBMISSIONS
from course.grading import samples


def load_bench():
    spec = importlib.util.spec_from_file_location("bench", ROOT / "benchmarks" / "grading.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_students_hand_in_the_reference_and_each_snippet_in_turn():
    bench = load_bench()
    options = bench.answer_options("01-running-programs")
    snippets = samples.snippets(SUBMISSIONS, "01-running-programs")
    assert {task: len(codes) - 1 for task, codes in options.items()} == {
        task: sum(1 for s in snippets if s.task == task) for task in {s.task for s in snippets}}
    assert bench.chosen_answers(options, 0) == {}, "student 0 hands in the reference everywhere"
    first = bench.chosen_answers(options, 1)
    assert set(first) == set(options) and all(first[task] == options[task][1] for task in options)
    for task, codes in options.items():
        assert task not in bench.chosen_answers(options, len(codes)), "the options come round again"
