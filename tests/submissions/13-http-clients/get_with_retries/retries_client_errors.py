# expect: wrong
# why: retries every failed request, a 404 or 400 too, which will never succeed
def get_with_retries(url: str, attempts: int, backoff: float) -> bytes:
    for attempt in range(attempts):
        try:
            response = requests.get(url, timeout=10)
            response.raise_for_status()
            return response.content
        except requests.RequestException:
            if attempt == attempts - 1:
                raise
            time.sleep(backoff * 2 ** attempt)
