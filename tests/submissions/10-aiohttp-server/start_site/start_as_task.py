# expect: wrong
# why: starts the site in a background task (asyncio.create_task(site.start())) instead of awaiting it, so nothing listens yet when it returns, and a taken port's OSError is lost in the task
async def start_site(app: web.Application, host: str, port: int) -> web.AppRunner:
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, host, port)
    asyncio.create_task(site.start())
    return runner
