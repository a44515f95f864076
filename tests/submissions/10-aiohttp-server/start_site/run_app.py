# expect: wrong
# why: calls web.run_app as in aiohttp's examples, which starts an event loop of its own and fails inside a running one
async def start_site(app: web.Application, host: str, port: int) -> web.AppRunner:
    web.run_app(app, host=host, port=port)
