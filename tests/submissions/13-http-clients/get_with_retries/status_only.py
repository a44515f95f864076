# expect: wrong
# why: retries 5xx answers but lets a refused connection raise at once
def get_with_retries(url: str, attempts: int, backoff: float) -> bytes:
    for attempt in range(attempts):
        response = requests.get(url, timeout=10)
        if response.status_code >= 500 and attempt < attempts - 1:
            time.sleep(backoff * 2 ** attempt)
            continue
        response.raise_for_status()
        return response.content
