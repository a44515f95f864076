# expect: wrong
# why: waits for each answer without a deadline: an assignment or an error gives no answer, and it waits forever instead of raising TimeoutError
async def ask_bc(expressions: list[str], timeout: float) -> list[str]:
    if any("\n" in expression for expression in expressions):
        raise ValueError("an expression must be one line")
    process = await asyncio.create_subprocess_exec("bc", "-q", stdin=PIPE, stdout=PIPE, stderr=DEVNULL,
                                                   env={**os.environ, "BC_LINE_LENGTH": "0"})
    answers = []
    try:
        for expression in expressions:
            process.stdin.write(expression.encode() + b"\n")
            await process.stdin.drain()
            line = await process.stdout.readline()
            if not line:
                raise EOFError("bc ended before answering")
            answers.append(line.decode().rstrip("\n"))
        return answers
    finally:
        if process.returncode is None:
            process.kill()
        await process.communicate()
