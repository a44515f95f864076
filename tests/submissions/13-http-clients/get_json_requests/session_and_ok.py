# expect: correct
# why: uses a requests.Session, checks response.ok and raises requests.HTTPError itself
def get_json_requests(url: str, timeout: float) -> object:
    with requests.Session() as session:
        response = session.get(url, timeout=timeout, headers={"Accept": "application/json"})
        if not response.ok:
            raise requests.HTTPError(f"{response.status_code} for {url}", response=response)
        return response.json()
