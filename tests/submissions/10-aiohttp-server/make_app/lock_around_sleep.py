# expect: wrong
# why: counts slow requests under an asyncio.Lock and keeps holding it across the sleep, so requests to /slow are handled one after another although the loop never blocks
def make_app() -> web.Application:
    routes = web.RouteTableDef()
    lock = asyncio.Lock()
    stats = {"slow": 0}

    @routes.get("/hello")
    async def hello(request):
        return web.json_response({"hello": request.query.get("name", "world")})

    @routes.post("/echo")
    async def echo(request):
        try:
            return web.json_response(await request.json())
        except ValueError:
            return web.json_response({"error": "bad JSON"}, status=400)

    @routes.get("/slow")
    async def slow(request):
        try:
            seconds = float(request.query["seconds"])
        except (KeyError, ValueError):
            return web.json_response({"error": "seconds must be a number"}, status=400)
        async with lock:
            stats["slow"] += 1
            await asyncio.sleep(seconds)
        return web.json_response({"slept": seconds})

    @web.middleware
    async def not_found(request, handler):
        try:
            return await handler(request)
        except web.HTTPNotFound:
            return web.json_response({"error": "not found"}, status=404)

    app = web.Application(middlewares=[not_found])
    app.add_routes(routes)
    return app
