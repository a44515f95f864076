# expect: wrong
# why: defines LineCounter but never uses it: reads everything with create_subprocess_exec and counts at the end
class LineCounter(asyncio.SubprocessProtocol):
    pass


async def count_lines_of(argv: list[str]) -> int:
    process = await asyncio.create_subprocess_exec(*argv, stdout=PIPE)
    stdout, _ = await process.communicate()
    return stdout.count(b"\n")
