# expect: wrong
# why: the middleware catches every web.HTTPException and answers 404, so the 400 that /echo and /slow raise for bad input comes out as 404
def make_app() -> web.Application:
    async def hello(request):
        return web.json_response({"hello": request.query.get("name", "world")})

    async def echo(request):
        try:
            data = await request.json()
        except ValueError:
            raise web.HTTPBadRequest()
        return web.json_response(data)

    async def slow(request):
        try:
            seconds = float(request.query["seconds"])
        except (KeyError, ValueError):
            raise web.HTTPBadRequest()
        await asyncio.sleep(seconds)
        return web.json_response({"slept": seconds})

    @web.middleware
    async def errors(request, handler):
        try:
            return await handler(request)
        except web.HTTPException as error:
            return web.json_response({"error": error.reason}, status=404)

    app = web.Application(middlewares=[errors])
    app.router.add_get("/hello", hello)
    app.router.add_post("/echo", echo)
    app.router.add_get("/slow", slow)
    return app
