# expect: wrong
# why: cleans the runner up in a finally block, which also runs on success, so it returns a runner that no longer serves anything
async def start_site(app: web.Application, host: str, port: int) -> web.AppRunner:
    runner = web.AppRunner(app)
    await runner.setup()
    try:
        site = web.TCPSite(runner, host, port)
        await site.start()
        return runner
    finally:
        await runner.cleanup()
