# expect: correct
# why: asks bc not to split long numbers (BC_LINE_LENGTH=0), bounds each answer with asyncio.wait_for, ends with write_eof() and wait(), or kill() on failure
async def ask_bc(expressions: list[str], timeout: float) -> list[str]:
    if any("\n" in e or "\r" in e for e in expressions):
        raise ValueError("every expression must be a single line")
    bc = await asyncio.create_subprocess_exec(
        "bc", "-q", stdin=PIPE, stdout=PIPE, stderr=DEVNULL, env={**os.environ, "BC_LINE_LENGTH": "0"})
    try:
        answers = []
        for e in expressions:
            bc.stdin.write(f"{e}\n".encode())
            await bc.stdin.drain()
            raw = await asyncio.wait_for(bc.stdout.readline(), timeout)
            if raw == b"":
                raise EOFError(f"bc exited before answering {e!r}")
            answers.append(raw.decode().removesuffix("\n"))
        bc.stdin.write_eof()
        await bc.wait()
        return answers
    except BaseException:
        if bc.returncode is None:
            bc.kill()
        await bc.communicate()
        raise
