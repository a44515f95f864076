# expect: wrong
# why: returns the TCPSite instead of the AppRunner, so the caller cannot find runner.addresses or call cleanup()
async def start_site(app: web.Application, host: str, port: int) -> web.AppRunner:
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, host, port)
    await site.start()
    return site
