# expect: wrong
# why: awaits each program before starting the next, so they run one after another
async def run_all(commands: list[list[str]]) -> list[bytes]:
    outputs = []
    for argv in commands:
        process = await asyncio.create_subprocess_exec(*argv, stdout=PIPE)
        stdout, _ = await process.communicate()
        outputs.append(stdout)
    return outputs
