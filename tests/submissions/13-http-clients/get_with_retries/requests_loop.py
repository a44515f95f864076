# expect: correct
# why: with requests: keeps the last error, retries 5xx and connection errors, and sleeps only when another attempt follows
def get_with_retries(url: str, attempts: int, backoff: float) -> bytes:
    last_error = None
    for attempt in range(attempts):
        if attempt:
            time.sleep(backoff * 2 ** (attempt - 1))
        try:
            response = requests.get(url, timeout=5)
        except requests.ConnectionError as error:
            last_error = error
            continue
        if response.status_code >= 500:
            last_error = requests.HTTPError(f"{response.status_code} from {url}", response=response)
            continue
        response.raise_for_status()
        return response.content
    raise last_error
