"""Rules every course notebook keeps, and the check that a release leaks nothing.

Each function returns a list of problems in words (empty when all is well), so a test can
show every problem at once.
"""

import ast
import builtins
import re

from course.authoring import RUN_ALL_GOES_ON
from course.grading import integrity, notebooks

READABLE_ID = re.compile(r"^[a-z][a-z0-9_]*$")
FIXED_PORT = re.compile(r"\(\s*['\"](?:127\.0\.0\.1|localhost|)['\"]\s*,\s*[1-9]\d{2,4}\s*\)")
TEST_NAME_PREFIX = "test_"
MARKERS = ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS")


def problems(nb) -> list[str]:
    """What breaks the course's conventions in a source notebook."""
    found = []
    seen = set()
    for cell in nb.cells:
        meta = notebooks.meta(cell)
        if cell.cell_type == "code" and (cell.get("outputs") or cell.get("execution_count")):
            found.append(f"a code cell has outputs or an execution count: {_start(cell)}")
        if FIXED_PORT.search(cell.source):
            found.append(f"a fixed port in {_start(cell)}")
        if not meta:
            continue
        grade_id = meta.get("grade_id", "")
        if not READABLE_ID.match(grade_id) or re.match(r"cell-[0-9a-f]", grade_id):
            found.append(f"grade_id {grade_id!r} is not a readable name (like run_filter_large_input)")
        if grade_id in seen:
            found.append(f"grade_id {grade_id!r} is used twice")
        seen.add(grade_id)
        if meta.get("grade") and not meta.get("points"):
            found.append(f"graded cell {grade_id} has no points")
        if notebooks.is_test(cell):
            found += [f"test cell {grade_id}: {p}" for p in test_cell_problems(cell.source)]
            if RUN_ALL_GOES_ON not in cell.get("metadata", {}).get("tags", []):
                found.append(f"test cell {grade_id} is not tagged {RUN_ALL_GOES_ON!r}: "
                             "Run All would stop at it when it fails")
    found += _names_a_student_could_replace(nb)
    tasks = notebooks.tasks(nb)
    if not tasks:
        found.append("the notebook has no task (answer cell followed by test cells)")
    for task in tasks:
        tests = [c for c in nb.cells if notebooks.grade_id(c) in task.tests]
        if not tests:
            found.append(f"task {task.name} has no test cells")
        if not any("BEGIN HIDDEN TESTS" in c.source for c in tests):
            found.append(f"task {task.name} has no hidden tests")
        for test_id in task.tests:
            if not test_id.startswith(task.name + "_"):
                found.append(f"test cell {test_id} follows task {task.name} but is not named after it")
    return found


def _names_a_student_could_replace(nb) -> list[str]:
    """A test cell reads only what the grader guards (the setup cells' names and builtins,
    see course.grading.integrity), the students' answers, and names it binds itself: a
    name from a demo cell could be rebound by a student's cell."""
    setup = set(integrity.bound_names([nb.cells[i].source for i in integrity.setup_cells(nb)]))
    answers = set()
    for task in notebooks.tasks(nb):
        answers |= {n.id for n in ast.walk(ast.parse(nb.cells[task.answer].source))
                    if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
        answers |= {n.name for n in ast.parse(nb.cells[task.answer].source).body
                    if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))}
    found = []
    for cell in nb.cells:
        if notebooks.is_test(cell):
            unguarded = integrity.free_names(cell.source) - setup - answers - set(dir(builtins))
            found += [f"test cell {notebooks.grade_id(cell)} reads {name!r}, which only a demo cell binds: "
                      "a student's cell could replace it (import it in the setup cell)" for name in sorted(unguarded)]
    return found


def test_cell_problems(source: str) -> list[str]:
    """A test cell opens with a comment that names the behaviour, defines no functions or
    classes, and binds only ``test_`` names: anything else could replace a student's name
    in the shared namespace. It has no value, with or without its hidden tests: a bare
    string or number would show as ``Out[n]`` (and nbgrader would take a number as the
    score), so the description is a comment, not a docstring."""
    try:
        tree = ast.parse(source)
    except SyntaxError as error:
        return [f"does not parse: {error}"]
    found = []
    body = tree.body
    if not source.lstrip().startswith("#") or source.lstrip().startswith("###"):
        found.append("does not open with a comment naming the behaviour it checks")
    for node in body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            found.append(f"defines {node.name} (helpers belong in the course package)")
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            found.append(f"has a bare value {node.value.value!r:.40} on line {node.lineno}, "
                         "which a student would see as Out[n] (use a comment)")
    for name in sorted(_bound_names(body)):
        if not name.startswith(TEST_NAME_PREFIX):
            found.append(f"binds the name {name!r}, which does not start with {TEST_NAME_PREFIX!r}")
    return found


def _bound_names(body) -> set[str]:
    """Names a list of top-level statements binds in the module namespace (imports of
    modules excepted), looking into with/for/if/try blocks but not into functions."""
    names = set()
    for node in body:
        for child in ast.walk(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
                continue
            if isinstance(child, ast.Name) and isinstance(child.ctx, ast.Store):
                names.add(child.id)
            elif isinstance(child, ast.ExceptHandler) and child.name:
                names.add(child.name)
    return names


def leaks(source_nb, release_nb) -> list[str]:
    """Solution code or hidden test lines of the source that appear in the release."""
    found = []
    released = {notebooks.grade_id(c): c.source for c in release_nb.cells if notebooks.grade_id(c)}
    everything = "\n".join(c.source for c in release_nb.cells)
    for marker in MARKERS:
        if marker in everything:
            found.append(f"the release contains the marker {marker!r}")
    for cell in source_nb.cells:
        grade_id = notebooks.grade_id(cell)
        if grade_id not in released:
            continue
        kept = set(_outside_markers(cell.source))
        for line in _inside_markers(cell.source):
            if line not in kept and len(line) >= 6 and line in released[grade_id].splitlines():
                found.append(f"{grade_id}: the release shows the hidden line {line!r}")
    return found


def _inside_markers(source: str):
    inside = False
    for line in source.splitlines():
        if "### BEGIN SOLUTION" in line or "### BEGIN HIDDEN TESTS" in line:
            inside = True
        elif "### END SOLUTION" in line or "### END HIDDEN TESTS" in line:
            inside = False
        elif inside:
            yield line


def _outside_markers(source: str):
    hidden = set(_inside_markers(source))
    return [line for line in source.splitlines() if line not in hidden]


def _start(cell) -> str:
    return notebooks.grade_id(cell) or repr(cell.source[:40])
