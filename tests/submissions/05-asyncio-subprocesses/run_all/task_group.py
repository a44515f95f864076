# expect: correct
# why: runs one task per program in an asyncio.TaskGroup and reads each output with stdout.read() before waiting
async def run_all(commands: list[list[str]]) -> list[bytes]:
    async def run_one(argv):
        process = await asyncio.create_subprocess_exec(*argv, stdout=PIPE, stdin=DEVNULL)
        data = await process.stdout.read()
        await process.wait()
        return data

    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task(run_one(argv)) for argv in commands]
    return [task.result() for task in tasks]
