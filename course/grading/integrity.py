"""Hidden tests run in the student's kernel, after the student's code: that code could
patch the ``course`` helpers the tests call (``checks.same = lambda *a: None``) or bind a
name the tests use (``checks = MyChecks()``, ``def isinstance(*a): return True``). The
grader guards against both. (Lint makes sure a test cell reads no other names than those
of the setup cells, builtins, the students' answers and its own.)

Right after the notebook's setup cells (the locked cells that import from ``course``) have
run, and before each test cell, the grader asks the kernel for a fingerprint: the identity
of every attribute (and function code) of every loaded ``course`` module and its classes,
and of each name the setup cells bind or the tests read from builtins. The grader keeps the first one itself, out of the
kernel's reach. When a later one differs, the ``course`` modules are dropped and imported
anew and the setup cells are run again before the test, and the test cell says so (in
its output, which the report's attention list reads).

Not covered, and said so in the README: code that rewrites Python itself in the kernel
(``builtins``, ``id``, IPython's machinery); such code is flagged for a human by the
report's scan of answer cells.
"""

import ast
import builtins
import re

from nbgrader.utils import is_grade, is_locked, is_solution

RESTORED = "[grader] this submission changed the course package or the names its tests use; they were restored before this test"

_IMPORTS_COURSE = re.compile(r"^\s*(from\s+course(\.\w+)*\s+import|import\s+course\b)", re.M)


def setup_cells(nb) -> list[int]:
    """Indices of the locked, ungraded code cells that import from ``course``."""
    return [index for index, cell in enumerate(nb.cells)
            if cell.cell_type == "code" and is_locked(cell) and not is_grade(cell)
            and not is_solution(cell) and _IMPORTS_COURSE.search(cell.source)]


def bound_names(sources: list[str]) -> list[str]:
    """The names that import statements at the top level of ``sources`` bind."""
    names = []
    for source in sources:
        for node in ast.parse(source).body:
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                names += [(alias.asname or alias.name).split(".")[0] for alias in node.names]
    return sorted(set(names))


def free_names(test_source: str) -> set[str]:
    """The names a test cell reads but does not bind itself."""
    tree = ast.parse(test_source)
    loaded = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
    bound = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and not isinstance(n.ctx, ast.Load)}
    bound |= {a.arg for n in ast.walk(tree) if isinstance(n, ast.Lambda) for a in n.args.args}
    return loaded - bound


def builtins_used(nb) -> list[str]:
    """The builtins (``len``, ``isinstance``...) that the notebook's test cells read: a
    student's cell that defines one of them would replace it for the tests."""
    used = set()
    for cell in nb.cells:
        if cell.cell_type == "code" and is_grade(cell) and not is_solution(cell):
            used |= free_names(cell.source) & set(dir(builtins))
    return sorted(used)


def fingerprint_expression(names: list[str]) -> str:
    """A Python expression, evaluated in the kernel, whose value changes when a ``course``
    module, a class of one, or one of ``names`` in the user's namespace is changed."""
    return (
        "(lambda sys, ns: hash(tuple(sorted("
        "(n, k, id(v), id(getattr(v, '__code__', None))) "
        "for n, m in list(sys.modules.items()) if n == 'course' or n.startswith('course.') "
        "for k, v in list(vars(m).items()) + [(c + '.' + a, w) for c, t in list(vars(m).items()) "
        "if isinstance(t, type) and t.__module__ == n for a, w in list(vars(t).items())]"
        f")) + tuple(id(ns.get(k)) for k in {names!r})))"
        "(__import__('sys'), get_ipython().user_ns)"
    )


def restore_code(setup_sources: list[str], shadowed: list[str]) -> str:
    """Code that imports the ``course`` modules anew, drops the student's globals named
    like the builtins in ``shadowed``, and runs the setup cells again."""
    purge = ("[__import__('sys').modules.pop(n) for n in list(__import__('sys').modules) "
             "if n == 'course' or n.startswith('course.')]\n"
             f"[get_ipython().user_ns.pop(n, None) for n in {shadowed!r}]\n")
    return purge + "\n".join(setup_sources)
