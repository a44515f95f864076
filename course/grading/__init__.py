"""nbgrader at class scale.

- ``execute``: the Execute preprocessor used by autograde, which survives a dead or wedged
  kernel and caps a flood of output.
- ``notebooks``: tasks, answer cells and test cells of a notebook, and answer replacement.
- ``samples``: sample submissions built from snippets (the pipeline tests and the demo class).
- ``runner``: course directories (the instructor's or a scratch one), releases and submissions.
- ``dispatch``: one queue of submissions, graded by Dask workers (a local cluster by default).
- ``job``: one submission as self-contained work, graded in a worker's scratch course.
- ``record``: the coordinator writes what a worker graded into the course's gradebook.
- ``report``: scores out of the gradebook, and the grade table.
"""
