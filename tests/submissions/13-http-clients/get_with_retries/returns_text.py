# expect: wrong
# why: returns response.text, a str, instead of the body's bytes
def get_with_retries(url: str, attempts: int, backoff: float) -> bytes:
    for attempt in range(attempts):
        try:
            response = requests.get(url, timeout=5)
        except requests.ConnectionError:
            if attempt == attempts - 1:
                raise
        else:
            if response.status_code < 500 or attempt == attempts - 1:
                response.raise_for_status()
                return response.text
        time.sleep(backoff * 2 ** attempt)
