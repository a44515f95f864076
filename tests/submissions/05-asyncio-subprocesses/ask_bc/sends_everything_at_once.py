# expect: wrong
# why: sends all expressions at once through communicate() and splits the output: not a conversation, and it cannot tell which expression gave no answer
async def ask_bc(expressions: list[str], timeout: float) -> list[str]:
    for expression in expressions:
        if "\n" in expression:
            raise ValueError(expression)
    if not expressions:
        return []
    process = await asyncio.create_subprocess_exec("bc", "-q", stdin=PIPE, stdout=PIPE, stderr=DEVNULL,
                                                   env={**os.environ, "BC_LINE_LENGTH": "0"})
    text = "".join(expression + "\n" for expression in expressions)
    try:
        async with asyncio.timeout(timeout):
            out, _ = await process.communicate(text.encode())
    except TimeoutError:
        process.kill()
        await process.communicate()
        raise
    answers = out.decode().splitlines()
    if len(answers) < len(expressions):
        if "quit" in expressions:
            raise EOFError("bc ended")
        raise TimeoutError("some expression had no answer")
    return answers
