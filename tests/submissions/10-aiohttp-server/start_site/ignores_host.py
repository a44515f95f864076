# expect: wrong
# why: passes only the port to TCPSite, so the server listens on every interface (0.0.0.0 and ::), not on the host asked
async def start_site(app: web.Application, host: str, port: int) -> web.AppRunner:
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, port=port)
    await site.start()
    return runner
