# expect: wrong
# why: returns the first line of each answer only: a long number that bc splits over several lines (ending in a backslash) comes back cut, and its rest is taken for the next answer
async def ask_bc(expressions: list[str], timeout: float) -> list[str]:
    if any("\n" in expression for expression in expressions):
        raise ValueError("an expression must be one line")
    process = await asyncio.create_subprocess_exec("bc", "-q", stdin=PIPE, stdout=PIPE, stderr=DEVNULL)
    answers, ok = [], False
    try:
        for expression in expressions:
            process.stdin.write(expression.encode() + b"\n")
            await process.stdin.drain()
            async with asyncio.timeout(timeout):
                line = await process.stdout.readline()
            if not line:
                raise EOFError("bc ended before answering")
            answers.append(line.decode().rstrip("\n"))
        ok = True
        return answers
    finally:
        if ok:
            process.stdin.close()
        else:
            process.kill()
        await process.communicate()
