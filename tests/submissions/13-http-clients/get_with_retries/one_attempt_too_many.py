# expect: wrong
# why: counts `attempts` as retries after the first request, so it makes attempts + 1 requests
def get_with_retries(url: str, attempts: int, backoff: float) -> bytes:
    for retry in range(attempts + 1):
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                return response.read()
        except urllib.error.HTTPError as error:
            if error.code < 500 or retry == attempts:
                raise
        except urllib.error.URLError as error:
            if not isinstance(error.reason, ConnectionRefusedError) or retry == attempts:
                raise
        time.sleep(backoff * 2 ** retry)
