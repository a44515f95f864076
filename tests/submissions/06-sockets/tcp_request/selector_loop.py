# expect: correct
# why: a non-blocking socket driven by selectors: connects, sends and reads at the same time, checks each send's count, half-closes once all is sent
import errno
import os
import selectors
import socket


def tcp_request(host, port, payload):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setblocking(False)
    try:
        with selectors.DefaultSelector() as selector:
            code = sock.connect_ex((host, port))
            if code not in (0, errno.EINPROGRESS):
                raise OSError(code, os.strerror(code))
            selector.register(sock, selectors.EVENT_WRITE)
            selector.select()
            code = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
            if code:
                raise OSError(code, os.strerror(code))  # ECONNREFUSED gives ConnectionRefusedError
            pending = memoryview(payload)
            if not pending:
                sock.shutdown(socket.SHUT_WR)
            selector.modify(sock, selectors.EVENT_READ | (selectors.EVENT_WRITE if pending else 0))
            answer = []
            while True:
                for _key, events in selector.select():
                    if events & selectors.EVENT_WRITE:
                        try:
                            pending = pending[sock.send(pending):]
                        except BlockingIOError:
                            pass
                        if not pending:
                            sock.shutdown(socket.SHUT_WR)
                            selector.modify(sock, selectors.EVENT_READ)
                    if events & selectors.EVENT_READ:
                        try:
                            data = sock.recv(65536)
                        except BlockingIOError:
                            continue
                        if not data:
                            return b"".join(answer)
                        answer.append(data)
    finally:
        sock.close()
