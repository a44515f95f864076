# expect: wrong
# why: sleeps the same `backoff` after every failure instead of doubling it each time
def get_with_retries(url: str, attempts: int, backoff: float) -> bytes:
    for attempt in range(attempts):
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                return response.read()
        except urllib.error.HTTPError as error:
            if error.code < 500 or attempt == attempts - 1:
                raise
        except urllib.error.URLError:
            if attempt == attempts - 1:
                raise
        time.sleep(backoff)
