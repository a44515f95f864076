# expect: correct
# why: routes from a list, a catch-all route for every other path and method instead of a middleware, errors raised as HTTP exceptions with JSON bodies
def make_app() -> web.Application:
    def json_error(kind, message):
        return kind(text=json.dumps({"error": message}), content_type="application/json")

    async def hello(request):
        name = request.query["name"] if "name" in request.query else "world"
        return web.json_response({"hello": name})

    async def echo(request):
        body = await request.text()
        try:
            value = json.loads(body)
        except json.JSONDecodeError:
            raise json_error(web.HTTPBadRequest, "not JSON")
        return web.json_response(value)

    async def slow(request):
        try:
            seconds = float(request.query.get("seconds", ""))
        except ValueError:
            raise json_error(web.HTTPBadRequest, "seconds?")
        await asyncio.sleep(seconds)
        return web.json_response({"slept": seconds})

    async def anything_else(request):
        raise json_error(web.HTTPNotFound, f"{request.method} {request.path} is not here")

    app = web.Application()
    app.add_routes([
        web.get("/hello", hello),
        web.post("/echo", echo),
        web.get("/slow", slow),
        web.route("*", "/{tail:.*}", anything_else),
    ])
    return app
