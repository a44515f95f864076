# expect: wrong
# why: gathers coroutines that call the blocking subprocess.run, which holds the event loop, so the programs run one at a time
import subprocess


async def run_all(commands: list[list[str]]) -> list[bytes]:
    async def run_one(argv):
        return subprocess.run(argv, stdout=subprocess.PIPE).stdout

    return await asyncio.gather(*(run_one(argv) for argv in commands))
