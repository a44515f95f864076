# expect: correct
# why: builds an opener with build_opener, reads the text with the charset the answer names (UTF-8 by default) and decodes it
import urllib.request as ur


def get_json_urllib(url: str) -> object:
    opener = ur.build_opener()
    with opener.open(url, timeout=3) as response:
        charset = response.headers.get_content_charset() or "utf-8"
        return json.loads(response.read().decode(charset))
