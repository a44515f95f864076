# expect: wrong
# why: counts the failures from 1, so it sleeps 2 * backoff after the first failure instead of backoff
def get_with_retries(url: str, attempts: int, backoff: float) -> bytes:
    failures = 0
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read()
        except urllib.error.HTTPError as error:
            if error.code < 500:
                raise
            failures += 1
            if failures == attempts:
                raise
        except urllib.error.URLError:
            failures += 1
            if failures == attempts:
                raise
        time.sleep(backoff * 2 ** failures)
