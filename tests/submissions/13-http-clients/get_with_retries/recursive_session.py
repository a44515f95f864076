# expect: correct
# why: recursive, with a requests.Session: each call makes one attempt and, on a 5xx or a refused connection, sleeps and calls itself with one attempt fewer and twice the backoff
def get_with_retries(url: str, attempts: int, backoff: float) -> bytes:
    with requests.Session() as session:
        try:
            response = session.get(url, timeout=(3, 5))
            response.raise_for_status()
            return response.content
        except requests.HTTPError as error:
            if error.response.status_code < 500 or attempts <= 1:
                raise
        except requests.ConnectionError:
            if attempts <= 1:
                raise
    time.sleep(backoff)
    return get_with_retries(url, attempts - 1, backoff * 2)
