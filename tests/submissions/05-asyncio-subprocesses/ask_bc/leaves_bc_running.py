# expect: wrong
# why: returns or raises without ending bc: its input is never closed and nobody waits for it, so bc goes on running
async def ask_bc(expressions: list[str], timeout: float) -> list[str]:
    if any("\n" in expression for expression in expressions):
        raise ValueError("an expression must be one line")
    process = await asyncio.create_subprocess_exec("bc", "-q", stdin=PIPE, stdout=PIPE, stderr=DEVNULL,
                                                   env={**os.environ, "BC_LINE_LENGTH": "0"})
    answers = []
    for expression in expressions:
        process.stdin.write(expression.encode() + b"\n")
        await process.stdin.drain()
        async with asyncio.timeout(timeout):
            line = await process.stdout.readline()
        if not line:
            raise EOFError("bc ended before answering")
        answers.append(line.decode().rstrip("\n"))
    return answers
