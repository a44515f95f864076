# expect: wrong
# why: takes the name out of request.query_string by hand and only unquotes it: '+' stays a '+', and a second parameter stays part of the name
import urllib.parse


def make_app() -> web.Application:
    routes = web.RouteTableDef()

    @routes.get("/hello")
    async def hello(request):
        if "name=" in request.query_string:
            name = urllib.parse.unquote(request.query_string.split("name=", 1)[1])
        else:
            name = "world"
        return web.json_response({"hello": name})

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
