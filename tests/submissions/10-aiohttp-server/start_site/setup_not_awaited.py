# expect: wrong
# why: forgets to await runner.setup(), so the coroutine never runs and TCPSite finds the runner not set up
async def start_site(app: web.Application, host: str, port: int) -> web.AppRunner:
    runner = web.AppRunner(app)
    runner.setup()
    site = web.TCPSite(runner, host, port)
    await site.start()
    return runner
