# expect: correct
# why: one middleware turns every HTTP error (404, 405, 400 raised by handlers) into JSON; add_get/add_post; the body read as bytes and decoded by hand
import json as jsonlib


@web.middleware
async def errors_as_json(request, handler):
    try:
        return await handler(request)
    except web.HTTPException as error:
        if error.status < 400:
            raise
        return web.json_response({"error": error.reason, "status": error.status}, status=error.status)


async def say_hello(request):
    return web.json_response({"hello": request.rel_url.query.get("name", "world")})


async def echo_back(request):
    raw = await request.read()
    try:
        value = jsonlib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise web.HTTPBadRequest()
    return web.json_response(value)


async def take_a_nap(request):
    text = request.query.get("seconds")
    try:
        seconds = float(text)
    except (TypeError, ValueError):
        raise web.HTTPBadRequest()
    await asyncio.sleep(seconds)
    return web.json_response({"slept": seconds})


def make_app():
    app = web.Application(middlewares=[errors_as_json])
    app.router.add_get("/hello", say_hello)
    app.router.add_post("/echo", echo_back)
    app.router.add_get("/slow", take_a_nap)
    return app
