# expect: wrong
# why: lets http.client do the work instead of writing the client on a socket
import http.client


def http_request(host, port, method, path, body=b""):
    connection = http.client.HTTPConnection(host, port)
    try:
        connection.request(method, path, body=body or None, headers={"Connection": "close"})
        response = connection.getresponse()
        data = response.read()
        headers = {}
        for name, value in response.getheaders():
            headers[name.lower()] = value.strip()
        return response.status, headers, data
    finally:
        connection.close()
