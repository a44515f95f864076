"""Notebook 03 (bytes and str): probes that run ``decode_stream`` (or ``decode_lines``)
inside the child process, and the grader-side checks of what they bring back.

Both return an iterator, which cannot be sent from the child back to the
test cell: the probes consume it in the child and return plain lists and dicts. The
chunks are always handed over as a generator (never a list), as data from a socket would
be, so a solution that needs ``len(chunks)`` or reads the chunks twice fails.
"""

import queue
import socket
import threading
import time
from dataclasses import dataclass

from course import checks, isolation, timeouts

MAX_PIECES = 100_000
"""A stream that yields more pieces than this is stopped (an endless generator)."""



@dataclass(frozen=True)
class Other:
    """Stands for a piece that is not a str or bytes (it might not survive pickling)."""

    type_name: str
    text: str

    def __repr__(self):
        return self.text


@dataclass(frozen=True)
class Failure:
    """An exception raised while a stream was decoded, as the test cell sees it."""

    names: tuple[str, ...]
    """The names of the exception's classes, most specific first (its MRO)."""
    message: str
    where: str

    def is_a(self, name: str) -> bool:
        return name in self.names

    def __str__(self):
        text = f"{self.names[0]}: {self.message}" if self.message else self.names[0]
        return text + (f"\nIn your code:\n{self.where}" if self.where else "")


# ---------------------------------------------------------------- inside the child process


def _generator(chunks, counter=None):
    for chunk in chunks:
        if counter is not None:
            counter[0] += 1
        yield chunk


def _open(decode_stream, source, encoding):
    return decode_stream(source) if encoding is None else decode_stream(source, encoding)


def _keep(piece):
    return piece if type(piece) in (str, bytes) else Other(type(piece).__name__, checks.short(piece))


def _failure(error) -> Failure:
    names = tuple(c.__name__ for c in type(error).__mro__)
    return Failure(names, str(error), isolation.student_lines(error.__traceback__))


def decode_runs(decode_stream, streams, encoding=None):
    """Decode each stream (a list of bytes chunks, fed to ``decode_stream`` as a generator)
    and return, per stream, ``(pieces, failure)``: the pieces yielded, in order, and the
    ``Failure`` that ended it, or None. ``encoding`` None calls ``decode_stream(chunks)``."""
    results = []
    for chunks in streams:
        pieces, failure = [], None
        try:
            for piece in _open(decode_stream, _generator(chunks), encoding):
                pieces.append(_keep(piece))
                if len(pieces) > MAX_PIECES:
                    raise RuntimeError(f"yielded more than {MAX_PIECES} pieces for {len(chunks)} chunks")
        except Exception as error:
            failure = _failure(error)
        results.append((pieces, failure))
    return results


def first_piece(decode_stream, chunks, encoding=None):
    """Call ``decode_stream`` on a generator that counts the chunks taken from it, and
    ask for the first piece only. Returns how many chunks had been taken by then."""
    counter = [0]
    try:
        stream = _open(decode_stream, _generator(chunks, counter), encoding)
        first = next(iter(stream), None)
    except Exception as error:
        return {"failure": _failure(error), "total": len(chunks)}
    return {"failure": None, "first": None if first is None else _keep(first), "consumed": counter[0],
            "total": len(chunks), "type": type(stream).__name__}


def conversation(decode_stream, lines, encoding="utf-8", patience=1.5):
    """A conversation over a real socket pair. The peer sends each line (ending in "\\n")
    in two ``send`` calls, cut inside a character, then waits up to ``patience``
    seconds for the reader to have decoded the whole line before it sends the next one
    (after one wait in vain it stops waiting). The reader reads with ``decode_stream``
    over ``recv(64)``. Returns the lines the reader decoded, the lines the peer waited for
    in vain, any text left over, and the ``Failure`` that stopped the reader, if any."""
    reader, peer = socket.socketpair()
    reader.settimeout(timeouts.IO)
    done = queue.Queue()
    waited_in_vain = []

    def talk():
        try:
            with peer:
                for line in lines:
                    data = line.encode(encoding)
                    cut = _inside_a_character(data, encoding)
                    peer.sendall(data[:cut])
                    time.sleep(0.02)
                    peer.sendall(data[cut:])
                    if waited_in_vain:
                        continue  # the verdict is in: waiting again would only cost time
                    try:
                        done.get(timeout=patience)
                    except queue.Empty:
                        waited_in_vain.append(line)
                peer.shutdown(socket.SHUT_WR)
        except OSError:
            pass  # the reader gave up and closed its end

    def received():
        while True:
            data = reader.recv(64)
            if not data:
                return
            yield data

    talker = threading.Thread(target=talk, daemon=True)
    talker.start()
    decoded, text, failure, pieces = [], "", None, []
    with reader:
        try:
            for piece in decode_stream(received(), encoding):
                if type(piece) is not str:
                    raise TypeError(f"it yielded {checks.short(piece)} of type {type(piece).__name__}: every piece must be a str")
                pieces.append(piece)
                text += piece
                while "\n" in text:
                    line, _, text = text.partition("\n")
                    decoded.append(line + "\n")
                    done.put(line)
        except Exception as error:
            failure = _failure(error)
    talker.join(timeouts.JOIN)
    return {"failure": failure, "decoded": decoded, "waited_in_vain": waited_in_vain, "left_over": text,
            "pieces": pieces}


def _inside_a_character(data: bytes, encoding: str) -> int:
    """An offset near the middle of ``data`` that cuts a character in two, if there is one."""
    for cut in range(len(data) // 2, len(data)):
        try:
            data[:cut].decode(encoding)
        except UnicodeDecodeError:
            return cut
    return len(data) // 2


# ---------------------------------------------------------------- grader side: streams


def every_split(data: bytes) -> list[list[bytes]]:
    """``data`` cut in two at every offset (the empty cuts included)."""
    return [[data[:i], data[i:]] for i in range(len(data) + 1)]


def every_three_way_split(data: bytes) -> list[list[bytes]]:
    """``data`` cut in three at every pair of offsets."""
    return [[data[:i], data[i:j], data[j:]] for i in range(1, len(data)) for j in range(i + 1, len(data))]


def in_chunks(data: bytes, size: int) -> list[bytes]:
    """``data`` in chunks of ``size`` bytes (the last one may be shorter)."""
    return [data[i:i + size] for i in range(0, len(data), size)]


# ---------------------------------------------------------------- grader side: checks


def _call_text(chunks, encoding, name="decode_stream") -> str:
    shown = checks.short(chunks)
    return f"{name}({shown})" if encoding is None else f"{name}({shown}, {encoding!r})"


def check_decoded(results, streams, expected: str, encoding=None) -> None:
    """Every stream was decoded without an error into pieces that are all str, none
    holding a replacement character (unless ``expected`` has one), that join to ``expected``."""
    checks.that(len(results) == len(streams), f"expected {len(streams)} results, got {len(results)}")
    for chunks, (pieces, failure) in zip(streams, results):
        call = _call_text(chunks, encoding)
        checks.that(failure is None, f"{call} should yield pieces that join to {checks.short(expected)}, "
                                     f"but it raised {failure}")
        for index, piece in enumerate(pieces):
            kind = piece.type_name if isinstance(piece, Other) else type(piece).__name__
            checks.that(type(piece) is str, f"{call} yielded piece {index} {checks.short(piece)} of type "
                                             f"{kind}: every piece must be a str")
            checks.that("\ufffd" in expected or "\ufffd" not in piece,
                        f"{call} yielded piece {index} {checks.short(piece)}, which holds U+FFFD "
                        "(the replacement character): a character split across chunks must be "
                        "completed with the bytes of the next chunk, not replaced")
        checks.same("".join(pieces), expected, what=f"the pieces that {call} yielded, joined")


def check_raises(results, streams, name: str, encoding=None, function: str = "decode_stream") -> None:
    """Every stream ended with an exception of class ``name`` (a subclass counts)."""
    checks.that(len(results) == len(streams), f"expected {len(streams)} results, got {len(results)}")
    for chunks, (pieces, failure) in zip(streams, results):
        call = _call_text(chunks, encoding, function)
        if failure is None:
            joined = "".join(p for p in pieces if type(p) is str)
            checks.fail(
                f"{call} should raise {name}: the input ends in the middle of a character. "
                f"It yielded {checks.short(joined)} and stopped without an error, so the "
                "unfinished character was lost without a word")
        checks.that(failure.is_a(name), f"{call} should raise {name}, but it raised {failure}")


def check_lazy(report: dict, text: str, name: str = "decode_stream") -> None:
    """The first piece came after exactly one chunk was taken (that chunk held whole
    characters, or for ``decode_lines`` a whole line), and it is the start of ``text``."""
    checks.that(report["failure"] is None, f"{name} over a generator of {report['total']} chunks "
                                           f"raised {report['failure']}")
    first, consumed, total = report["first"], report["consumed"], report["total"]
    checks.that(first is not None, f"{name} over {total} chunks yielded nothing at all "
                                   f"(it returned a {report['type']} with no items)")
    kind = first.type_name if isinstance(first, Other) else type(first).__name__
    checks.that(type(first) is str, f"the first piece {name} yielded is {checks.short(first)} of "
                                     f"type {kind}: every piece must be a str")
    unit = "line" if name == "decode_lines" else "text"
    if consumed == total:
        checks.fail(
            f"{name} took all {total} chunks before it yielded its first piece: it must "
            f"yield the {unit} of a chunk as soon as it has it (on a socket, the peer may wait for "
            "an answer before it sends anything more)")
    checks.that(consumed == 1, f"{name} took {consumed} of {total} chunks before it yielded its "
                               f"first piece, but the first chunk alone held a whole {unit}: it must "
                               "yield it before it reads the next chunk")
    checks.that(first != "" and text.startswith(first),
                f"the first piece {name} yielded is {checks.short(first)}, which is not the "
                f"start of the text {checks.short(text)}")


def check_conversation(report: dict, lines: list[str], name: str = "decode_stream") -> None:
    """The reader decoded every line while the peer was still waiting for it (and, for
    ``decode_lines``, yielded each line as one piece)."""
    checks.that(report["failure"] is None, f"{name}, reading the lines "
                                           f"{checks.short(lines)} from a socket, raised {report['failure']}")
    vain = report["waited_in_vain"]
    checks.that(not vain, f"the peer sent {checks.short(vain[0]) if vain else ''} and then waited, "
                          f"but {name} did not yield that text until the peer closed the "
                          "connection: it must yield what it has decoded before it reads more")
    if name == "decode_lines":
        checks.same(report["pieces"], lines, what="the pieces decode_lines yielded, reading from the socket")
    checks.same(report["decoded"], lines, what="the lines decoded from the socket")
    checks.same(report["left_over"], "", what="the text decoded after the last line")


def check_lines(results, streams, expected: list[str], encoding=None) -> None:
    """Every stream was decoded by ``decode_lines`` without an error into exactly the
    lines ``expected``."""
    checks.that(len(results) == len(streams), f"expected {len(streams)} results, got {len(results)}")
    for chunks, (pieces, failure) in zip(streams, results):
        call = _call_text(chunks, encoding, "decode_lines")
        checks.that(failure is None, f"{call} should yield the lines {checks.short(expected)}, "
                                     f"but it raised {failure}")
        checks.same(pieces, expected, what=f"the lines that {call} yielded")
