"""Grader threads: daemon threads (a bug in the grader must not keep a kernel alive) that
are joined with a deadline, and fail loudly when they do not stop."""

import threading

from course import timeouts


def start(target, *args, name: str) -> threading.Thread:
    thread = threading.Thread(target=target, args=args, name=name, daemon=True)
    thread.start()
    return thread


def join(thread: threading.Thread, timeout: float = timeouts.JOIN) -> None:
    thread.join(timeout)
    if thread.is_alive():
        raise RuntimeError(f"grader thread {thread.name!r} did not stop within {timeout:g} s")
