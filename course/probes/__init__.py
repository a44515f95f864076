"""The grader's side of each notebook's hidden tests, one module per notebook: programs to
run, peers to talk to, and probes that run inside the child process next to the student's
code. Generic plumbing lives in ``course.checks``, ``course.processes`` and ``course.peers``;
what only one notebook needs lives here, so its test cells stay short."""
