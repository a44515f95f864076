# expect: correct
# why: starts the sites from a list, prints the addresses, and cleans up in an except clause
async def start_site(app, host, port):
    runner = web.AppRunner(app)
    await runner.setup()
    try:
        for site in [web.TCPSite(runner, host, port)]:
            await site.start()
    except OSError:
        await runner.cleanup()
        raise
    print("serving on", runner.addresses)
    return runner
