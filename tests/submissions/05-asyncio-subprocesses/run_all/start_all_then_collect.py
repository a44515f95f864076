# expect: correct
# why: starts every program first, then collects the outputs one by one (the others keep running meanwhile)
import asyncio


async def run_all(commands):
    processes = [await asyncio.create_subprocess_exec(*argv, stdout=asyncio.subprocess.PIPE)
                 for argv in commands]
    outputs = []
    for process in processes:
        stdout, _ = await process.communicate()
        outputs.append(stdout)
    return outputs
