# expect: wrong
# why: collects results with asyncio.as_completed, which gives them in the order the programs finish
async def run_all(commands: list[list[str]]) -> list[bytes]:
    async def run_one(argv):
        process = await asyncio.create_subprocess_exec(*argv, stdout=PIPE)
        stdout, _ = await process.communicate()
        return stdout

    return [await done for done in asyncio.as_completed([run_one(argv) for argv in commands])]
