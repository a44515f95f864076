# expect: wrong
# why: waits for each program to exit before reading its output: a program whose output fills the pipe never exits
async def run_all(commands: list[list[str]]) -> list[bytes]:
    async def run_one(argv):
        process = await asyncio.create_subprocess_exec(*argv, stdout=PIPE)
        await process.wait()
        return await process.stdout.read()

    return await asyncio.gather(*(run_one(argv) for argv in commands))
