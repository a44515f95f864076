# expect: correct
# why: an AsyncExitStack schedules runner.cleanup() as soon as the runner is set up, and pop_all() keeps it running once the site listens
async def start_site(app: web.Application, host: str, port: int) -> web.AppRunner:
    async with contextlib.AsyncExitStack() as stack:
        runner = web.AppRunner(app, handle_signals=False)
        await runner.setup()
        stack.push_async_callback(runner.cleanup)
        await web.TCPSite(runner, host=host, port=port).start()
        stack.pop_all()
    return runner
