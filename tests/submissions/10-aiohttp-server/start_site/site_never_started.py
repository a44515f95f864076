# expect: wrong
# why: creates the TCPSite but never awaits site.start(), so nothing listens
async def start_site(app: web.Application, host: str, port: int) -> web.AppRunner:
    runner = web.AppRunner(app)
    await runner.setup()
    web.TCPSite(runner, host, port)
    return runner
