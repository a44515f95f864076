# expect: wrong
# why: sleeps after every failure, the last one too, before raising: the caller waits for nothing
def get_with_retries(url: str, attempts: int, backoff: float) -> bytes:
    last_error = None
    for attempt in range(attempts):
        try:
            response = requests.get(url, timeout=10)
            if response.status_code < 500:
                response.raise_for_status()
                return response.content
            last_error = requests.HTTPError(f"{response.status_code}", response=response)
        except requests.ConnectionError as error:
            last_error = error
        time.sleep(backoff * 2 ** attempt)
    raise last_error
