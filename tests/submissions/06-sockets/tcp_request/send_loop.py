# expect: correct
# why: a send loop of its own over a memoryview (what sendall does), with a timeout, reading into a bytearray
import socket


def tcp_request(host, port, payload):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.settimeout(30)
    try:
        sock.connect((host, port))
        view = memoryview(payload)
        while view:
            sent = sock.send(view)
            view = view[sent:]
        sock.shutdown(socket.SHUT_WR)
        answer = bytearray()
        while True:
            chunk = sock.recv(8192)
            if chunk == b"":
                return bytes(answer)
            answer += chunk
    finally:
        sock.close()
