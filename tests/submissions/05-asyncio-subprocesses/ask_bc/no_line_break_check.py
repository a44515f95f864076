# expect: wrong
# why: sends an expression with a line break as it is: bc sees two lines and gives two answers, so the answers no longer match the expressions (it should raise ValueError)
async def ask_bc(expressions: list[str], timeout: float) -> list[str]:
    process = await asyncio.create_subprocess_exec("bc", "-q", stdin=PIPE, stdout=PIPE, stderr=DEVNULL,
                                                   env={**os.environ, "BC_LINE_LENGTH": "0"})
    answers, done = [], False
    try:
        for expression in expressions:
            process.stdin.write(expression.encode() + b"\n")
            await process.stdin.drain()
            async with asyncio.timeout(timeout):
                line = await process.stdout.readline()
            if not line:
                raise EOFError(f"bc stopped before answering {expression!r}")
            answers.append(line.decode().rstrip("\n"))
        done = True
        return answers
    finally:
        if done:
            process.stdin.close()
        elif process.returncode is None:
            process.kill()
        await process.communicate()
