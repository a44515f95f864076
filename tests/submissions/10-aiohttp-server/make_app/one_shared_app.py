# expect: wrong
# why: builds one application when the cell runs and make_app() returns that same object every time, so a second server (a second test, a second loop) gets an application that is already frozen and bound to the first
routes = web.RouteTableDef()


@routes.get("/hello")
async def hello(request):
    return web.json_response({"hello": request.query.get("name", "world")})


@routes.post("/echo")
async def echo(request):
    try:
        data = await request.json()
    except ValueError:
        return web.json_response({"error": "not JSON"}, status=400)
    return web.json_response(data)


@routes.get("/slow")
async def slow(request):
    try:
        seconds = float(request.query["seconds"])
    except (KeyError, ValueError):
        return web.json_response({"error": "seconds must be a number"}, status=400)
    await asyncio.sleep(seconds)
    return web.json_response({"slept": seconds})


@web.middleware
async def json_404(request, handler):
    try:
        return await handler(request)
    except web.HTTPNotFound:
        return web.json_response({"error": "not found"}, status=404)


app = web.Application(middlewares=[json_404])
app.add_routes(routes)


def make_app() -> web.Application:
    return app
