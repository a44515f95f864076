# expect: correct
# why: keyword arguments, no access log, and a finally block that cleans the runner up unless the site started
async def start_site(app: web.Application, host: str, port: int) -> web.AppRunner:
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    started = False
    try:
        await web.TCPSite(runner, host=host, port=port, reuse_address=True).start()
        started = True
        return runner
    finally:
        if not started:
            await runner.cleanup()
