# expect: wrong
# why: has no middleware: unknown routes get aiohttp's own 404, whose body is the plain text '404: Not Found'

routes = web.RouteTableDef()


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
        return web.json_response({"error": "bad seconds"}, status=400)
    await asyncio.sleep(seconds)
    return web.json_response({"slept": seconds})


@web.middleware
async def not_found(request, handler):
    try:
        return await handler(request)
    except web.HTTPNotFound:
        return web.json_response({"error": "not found"}, status=404)


def make_app() -> web.Application:
    app = web.Application()
    app.add_routes(routes)
    return app
