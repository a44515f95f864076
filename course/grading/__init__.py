"""nbgrader at class scale.

- ``execute``: the Execute preprocessor used by autograde, which survives a dead or wedged
  kernel and caps a flood of output.
- ``notebooks``: tasks, answer cells and test cells of a notebook, and answer replacement.
- ``samples``: sample submissions built from snippets (the pipeline tests and the demo class).
- ``runner``: a scratch or real course directory, autograded by parallel workers.
- ``worker``: one worker process (a subreaper that kills what a submission left running).
- ``report``: scores out of the gradebook, and the grade table.
"""
