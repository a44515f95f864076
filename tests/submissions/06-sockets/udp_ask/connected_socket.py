# expect: correct
# why: connects the datagram socket and uses send/recv; catches the old name socket.timeout, which is TimeoutError
import socket


def udp_ask(host, port, message, timeout, retries):
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        sock.connect((host, port))
        sock.settimeout(timeout)
        attempts = 0
        while True:
            sock.send(message)
            attempts += 1
            try:
                return sock.recv(65536)
            except socket.timeout:
                if attempts > retries:
                    raise
    finally:
        sock.close()
