# expect: correct
# why: with http.client and `from time import sleep`; raises its own errors, and ConnectionRefusedError as it comes
from time import sleep


def get_with_retries(url: str, attempts: int, backoff: float) -> bytes:
    parts = urllib.parse.urlsplit(url)
    for attempt in range(attempts):
        last = attempt == attempts - 1
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
        try:
            conn.request("GET", parts.path or "/")
            response = conn.getresponse()
            body = response.read()
        except ConnectionRefusedError:
            if last:
                raise
        else:
            if response.status < 400:
                return body
            if response.status < 500 or last:
                raise RuntimeError(f"{response.status} {response.reason}")
        finally:
            conn.close()
        sleep(backoff * 2 ** attempt)
