# expect: wrong
# why: yields once with asyncio.sleep(0) and then calls sleep (imported from time): every request starts, but each sleep blocks the loop
from time import sleep

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
    await asyncio.sleep(0)
    sleep(seconds)
    return web.json_response({"slept": seconds})


@web.middleware
async def not_found(request, handler):
    try:
        return await handler(request)
    except web.HTTPNotFound:
        return web.json_response({"error": "not found"}, status=404)


def make_app() -> web.Application:
    app = web.Application(middlewares=[not_found])
    app.add_routes(routes)
    return app
