# expect: wrong
# why: when the port is taken it quietly serves on a free port instead, so the caller never learns that the port it asked for was not available
async def start_site(app: web.Application, host: str, port: int) -> web.AppRunner:
    runner = web.AppRunner(app)
    await runner.setup()
    try:
        await web.TCPSite(runner, host, port).start()
    except OSError:
        await web.TCPSite(runner, host, 0).start()
    return runner
