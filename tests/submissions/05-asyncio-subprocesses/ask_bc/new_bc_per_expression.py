# expect: wrong
# why: starts a new bc for every expression, so a variable set by one expression is gone for the next
async def ask_bc(expressions: list[str], timeout: float) -> list[str]:
    if any("\n" in expression for expression in expressions):
        raise ValueError("an expression must be one line")
    answers = []
    for expression in expressions:
        process = await asyncio.create_subprocess_exec("bc", "-q", stdin=PIPE, stdout=PIPE, stderr=DEVNULL,
                                                       env={**os.environ, "BC_LINE_LENGTH": "0"})
        try:
            async with asyncio.timeout(timeout):
                process.stdin.write(expression.encode() + b"\n")
                await process.stdin.drain()
                line = await process.stdout.readline()
                if not line:
                    raise EOFError("bc ended")
                answers.append(line.decode().rstrip("\n"))
        finally:
            if process.returncode is None:
                process.kill()
            await process.communicate()
    return answers
