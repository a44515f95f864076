# expect: correct
# why: class-based views (web.View), the 404 raised from a middleware as web.HTTPNotFound with a JSON text, and /slow sleeping with time.sleep in a worker thread (asyncio.to_thread), which leaves the loop free
import time as clock


class Hello(web.View):
    async def get(self):
        return web.json_response({"hello": self.request.query.getone("name", "world")})


class Echo(web.View):
    async def post(self):
        raw = await self.request.read()
        try:
            value = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            return web.json_response({"error": "the body is not JSON"}, status=400)
        return web.json_response(value)


class Slow(web.View):
    async def get(self):
        text = self.request.query.get("seconds")
        try:
            seconds = float(text)
        except (TypeError, ValueError):
            return web.json_response({"error": f"bad seconds: {text!r}"}, status=400)
        await asyncio.to_thread(clock.sleep, seconds)
        return web.json_response({"slept": seconds})


@web.middleware
async def not_found_as_json(request, handler):
    if request.match_info.http_exception is not None and request.match_info.http_exception.status == 404:
        raise web.HTTPNotFound(text=json.dumps({"error": request.path}), content_type="application/json")
    return await handler(request)


def make_app() -> web.Application:
    app = web.Application(middlewares=[not_found_as_json])
    app.router.add_view("/hello", Hello)
    app.router.add_view("/echo", Echo)
    app.router.add_view("/slow", Slow)
    return app
