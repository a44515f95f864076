# expect: wrong
# why: retries correctly but gives urlopen no timeout, so one server that never answers blocks it forever
def get_with_retries(url: str, attempts: int, backoff: float) -> bytes:
    for attempt in range(attempts):
        try:
            with urllib.request.urlopen(url) as response:
                return response.read()
        except urllib.error.HTTPError as error:
            if error.code < 500 or attempt == attempts - 1:
                raise
        except urllib.error.URLError:
            if attempt == attempts - 1:
                raise
        time.sleep(backoff * 2 ** attempt)
