"""The course as a student sees it: JupyterLab started through the repository's ``start``
script (the student configuration in student/, as on Binder), driven by Playwright in
Debian's Chromium.

For every release notebook: Run All on the untouched release reaches the last cell, the
explanations render, the demos show their output, only test cells fail, and no dialog or
browser console error appears; none of nbgrader's instructor tools is offered. For notebook
01, Validate passes a solved copy and names the unsolved task's cells in a half-solved one.
A screenshot of each notebook goes to artifacts/browser/.

Without Chromium (``apt-get install chromium``) or Playwright the test is skipped, and says so.
"""

import ast
import contextlib
import glob
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request

import nbformat
import pytest

from conftest import ROOT
from course.grading import notebooks, runner, samples

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run", "--disable-quic", "--disable-sync"]
ARTIFACTS = ROOT / "artifacts" / "browser"
TOKEN = "course-browser-test"
NOTEBOOKS = runner.assignments(ROOT)

START = 180.0
"""Seconds for JupyterLab to start, or a notebook's kernel to become idle (a busy CI machine)."""
RUN_ALL = 300.0
"""Seconds for Run All over one notebook."""
DIALOG = 120.0
"""Seconds for Validate to answer (it runs the whole notebook)."""

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover - the suite's environment has it
    sync_playwright = None

pytestmark = pytest.mark.skipif(
    sync_playwright is None or not os.access(CHROMIUM, os.X_OK),
    reason="the browser test needs Debian's Chromium (apt-get install chromium) and Playwright "
           "(requirements-test.txt); .ci/run installs Chromium")


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """JupyterLab on a copy of release/, as `make lab` and Binder start it; its URL."""
    folder = tmp_path_factory.mktemp("lab")
    shutil.copytree(ROOT / "release", folder / "release")
    env = {**os.environ, "JUPYTER_TOKEN": TOKEN}
    for name, sub in [("HOME", "home"), ("JUPYTER_RUNTIME_DIR", "runtime"), ("JUPYTER_DATA_DIR", "data"),
                      ("IPYTHONDIR", "ipython"), ("JUPYTERLAB_SETTINGS_DIR", "settings"),
                      ("JUPYTERLAB_WORKSPACES_DIR", "workspaces")]:
        env[name] = str(folder / sub)
        (folder / sub).mkdir()
    _write_json(folder / "settings" / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings",
                {"fetchNews": "false", "checkForUpdates": False})
    command = [str(ROOT / "start"), os.path.join(os.path.dirname(sys.executable), "jupyter"), "lab",
               "--no-browser", "--ServerApp.port=0", "--port-retries=0"]
    if os.getuid() == 0:
        command.append("--allow-root")
    with open(folder / "lab.log", "w") as log:
        server = subprocess.Popen(command, cwd=folder / "release", env=env, stdout=log, stderr=subprocess.STDOUT,
                                  stdin=subprocess.DEVNULL, start_new_session=True)
    try:
        url = _server_url(folder / "runtime", server)
        yield {"url": url, "folder": folder / "release"}
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


def test_no_instructor_tool_is_served(lab):
    for path in ["formgrader", "assignments", "courses"]:
        with pytest.raises(urllib.error.HTTPError) as answer:
            urllib.request.urlopen(f"{lab['url']}{path}?token={TOKEN}", timeout=30)
        assert answer.value.code == 404, f"/{path} is served to the student"


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_run_all_on_the_blank_release_reaches_the_end(name, lab, browser):
    page, problems = _open(browser, lab, f"{name}/{name}.ipynb")
    try:
        menus = page.locator(".lm-MenuBar-itemLabel").all_inner_texts()
        assert "Nbgrader" not in menus, f"the instructor's Nbgrader menu is offered: {menus}"
        assert page.locator(".validate-button").count() == 1, "the Validate button is missing"
        page.get_by_text("Run", exact=True).first.click()
        page.get_by_text("Run All Cells", exact=True).click()
        _wait_until_run(page)
        markdown = page.locator(".jp-MarkdownCell")
        assert markdown.count() == page.locator(".jp-MarkdownCell.jp-mod-rendered").count() > 0, \
            "an explanation is not rendered"
        _save(page)
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"))
        assert page.locator(".jp-Dialog").count() == 0, page.locator(".jp-Dialog").first.inner_text()
        assert not problems, f"the browser console reported errors: {problems[:5]}"
    finally:
        page.close()
        _shut_down_kernels(lab)
    ran = nbformat.read(lab["folder"] / name / f"{name}.ipynb", as_version=4)
    found = []
    for cell in ran.cells:
        if cell.cell_type != "code":
            continue
        where = notebooks.grade_id(cell) or repr(cell.source[:60])
        if cell.get("execution_count") is None:
            found.append(f"{where} did not run: Run All stopped before it")
        errors = [o for o in cell.outputs if o.output_type == "error"]
        if errors and not notebooks.is_test(cell):
            found.append(f"{where} failed with {errors[0].ename}: {errors[0].evalue[:200]}")
        if not notebooks.meta(cell) and _shows_something(cell.source) and not cell.outputs:
            found.append(f"the demo {where} shows no output")
    assert not found, "\n".join(found)


@pytest.mark.parametrize("unsolved, expected", [
    ((), "Success! Your notebook passes all the tests."),
    (("count_lines",), "count_lines"),
])
def test_validate_passes_a_solved_notebook_and_names_an_unsolved_task(unsolved, expected, lab, browser):
    name = "01-running-programs"
    source = notebooks.read(ROOT / "source" / name / f"{name}.ipynb")
    release = notebooks.read(ROOT / "release" / name / f"{name}.ipynb")
    blank = {task: notebooks.answer_source(release.cells[index]) for task, index in
             ((t.name, t.answer) for t in notebooks.tasks(release)) if task in unsolved}
    copy = f"validate-{'-'.join(unsolved) or 'solved'}.ipynb"
    nbformat.write(samples.submission(source, release, blank), str(lab["folder"] / name / copy))
    page, problems = _open(browser, lab, f"{name}/{copy}")
    try:
        page.locator(".validate-button").click()
        dialog = page.locator(".jp-Dialog")
        dialog.wait_for(timeout=DIALOG * 1000)
        page.wait_for_function("() => !document.querySelector('.jp-Dialog').innerText.includes('Validating')",
                               timeout=DIALOG * 1000)
        text = dialog.inner_text()
        page.screenshot(path=str(ARTIFACTS / copy.replace(".ipynb", ".png")))
    finally:
        page.close()
        _shut_down_kernels(lab)
    assert expected in text, text[:2000]
    if unsolved:
        assert "NotImplementedError" in text and "Success" not in text, text[:2000]
        for task in notebooks.tasks(release):
            if task.name not in unsolved:
                assert f"{task.name}(" not in text, f"Validate names {task.name}, which is solved:\n{text[:2000]}"
    assert not problems, f"the browser console reported errors: {problems[:5]}"


def _open(browser, lab, path):
    """A page with the notebook at ``path`` open and its kernel idle, and the list that
    collects the page's console errors."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    problems = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto(f"{lab['url']}lab/tree/{path}?reset&token={TOKEN}", timeout=START * 1000)
    page.get_by_text(re.compile(r"\| Idle$")).first.wait_for(timeout=START * 1000)
    return page, problems


def _wait_until_run(page):
    """Wait until no cell is queued or running and the kernel is idle, twice in a row."""
    deadline = time.monotonic() + RUN_ALL
    calm = 0
    while calm < 2:
        assert time.monotonic() < deadline, f"Run All did not finish within {RUN_ALL:g} s"
        time.sleep(0.5)
        busy = "[*]:" in page.locator(".jp-InputPrompt").all_inner_texts()
        idle = page.get_by_text(re.compile(r"\| Idle$")).count() > 0
        calm = calm + 1 if idle and not busy else 0


def _save(page):
    page.locator(".jp-NotebookPanel-toolbar [data-command='docmanager:save']").click()
    page.locator(".jp-mod-current.jp-mod-dirty").wait_for(state="detached", timeout=30_000)


def _shows_something(source: str) -> bool:
    """Does a demo cell surely show output: a top-level print() or a last bare expression
    that is not a call (a call may well return None)?"""
    try:
        body = ast.parse(source).body
    except SyntaxError:
        return False
    prints = any(isinstance(node, ast.Expr) and isinstance(node.value, ast.Call)
                 and getattr(node.value.func, "id", "") == "print" for node in body)
    last = body[-1] if body else None
    shown = isinstance(last, ast.Expr) and not isinstance(last.value, (ast.Call, ast.Await, ast.Constant))
    return prints or shown


def _shut_down_kernels(lab):
    """Stop the kernels the page started: closing a tab leaves them running."""
    request = urllib.request.Request(f"{lab['url']}api/kernels?token={TOKEN}")
    with urllib.request.urlopen(request, timeout=30) as answer:
        kernels = json.load(answer)
    for kernel in kernels:
        urllib.request.urlopen(urllib.request.Request(
            f"{lab['url']}api/kernels/{kernel['id']}?token={TOKEN}", method="DELETE"), timeout=30)


def _server_url(runtime, server) -> str:
    """The URL of the JupyterLab that ``server`` runs, once it answers."""
    deadline = time.monotonic() + START
    while time.monotonic() < deadline:
        assert server.poll() is None, f"JupyterLab exited with status {server.returncode}"
        found = glob.glob(str(runtime / f"jpserver-{server.pid}.json"))
        if found:
            url = json.loads(open(found[0]).read())["url"].replace("localhost", "127.0.0.1")
            with contextlib.suppress(OSError):
                urllib.request.urlopen(f"{url}api/status?token={TOKEN}", timeout=5)
                return url
        time.sleep(0.2)
    raise AssertionError(f"JupyterLab did not start within {START:g} s")


def _write_json(path, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data))
