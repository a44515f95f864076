# expect: correct
# why: writes and reads through buffered files of the socket (write flushes everything), closing the writing side with shutdown
import socket


def unix_echo(path, payload):
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.connect(path)
        with sock.makefile("wb") as out:
            out.write(payload)
        sock.shutdown(socket.SHUT_WR)
        with sock.makefile("rb") as answer:
            return answer.read()
    finally:
        sock.close()
