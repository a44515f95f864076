"""A worker's scratch courses: each assignment is generated once per machine, and the other
workers there copy it."""

import tempfile

from course.grading import job


class CountingAPI:
    """Stands in for nbgrader's API: 'generates' by writing the files autograde needs."""

    def __init__(self, root):
        self.root, self.calls = root, 0

    def generate_assignment(self, assignment, force, create):
        self.calls += 1
        (self.root / "gradebook.db").write_text(f"gradebook of {assignment}")
        (self.root / "release" / assignment).mkdir(parents=True)
        (self.root / "release" / assignment / "nb.ipynb").write_text("{}")
        return {"success": True}


def test_an_assignment_is_generated_once_per_machine_and_copied_after(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir(), second.mkdir()
    first_api, second_api = CountingAPI(first), CountingAPI(second)
    job._generate(first_api, "ps1", "ps1-key", first)
    job._generate(second_api, "ps1", "ps1-key", second)
    assert (first_api.calls, second_api.calls) == (1, 0)
    assert (second / "gradebook.db").read_text() == "gradebook of ps1"
    assert (second / "release" / "ps1" / "nb.ipynb").exists()
    other_api = CountingAPI(tmp_path)
    job._generate(other_api, "ps1", "ps1-other-source", tmp_path)
    assert other_api.calls == 1, "other sources are generated anew"
