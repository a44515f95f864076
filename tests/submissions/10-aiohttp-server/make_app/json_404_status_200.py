# expect: wrong
# why: the middleware answers unknown routes with JSON but forgets status=404, so they get 200

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
        return web.json_response({"error": "not found"})


def make_app() -> web.Application:
    app = web.Application(middlewares=[not_found])
    app.add_routes(routes)
    return app
