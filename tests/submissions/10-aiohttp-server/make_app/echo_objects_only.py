# expect: wrong
# why: accepts only a JSON object on /echo (isinstance(data, dict)) and answers 400 for a list, a string, a number or null
def make_app() -> web.Application:
    routes = web.RouteTableDef()

    @routes.get("/hello")
    async def hello(request):
        return web.json_response({"hello": request.query.get("name", "world")})

    @routes.post("/echo")
    async def echo(request):
        try:
            data = await request.json()
        except ValueError:
            data = None
        if not isinstance(data, dict):
            return web.json_response({"error": "send a JSON object"}, status=400)
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
    async def not_found(request, handler):
        try:
            return await handler(request)
        except web.HTTPNotFound:
            return web.json_response({"error": "not found"}, status=404)

    app = web.Application(middlewares=[not_found])
    app.add_routes(routes)
    return app
