"""A UDP peer that loses datagrams on purpose: datagrams get lost on real networks, and a
client that never resends must be seen to fail."""

import selectors
import socket

from course.peers import threads
from course.peers.lifecycle import Peer


class LossyUdpServer(Peer):
    """Answers each datagram with ``reply(data)``, except the first ``drop_first`` ones,
    which it receives and ignores. ``received`` lists every datagram that came."""

    def __init__(self, *, reply=lambda data: data, drop_first: int = 0):
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self._socket.bind(("127.0.0.1", 0))
        self.address = self._socket.getsockname()
        self._reply = reply
        self._drop = drop_first
        self.received: list[bytes] = []
        self._stopping = False
        self._thread = threads.start(self._serve, name=f"udp server {self.address}")

    def _stop(self) -> None:
        """Stop answering and release the socket."""
        self._stopping = True
        threads.join(self._thread)
        self._socket.close()

    def _serve(self):
        with selectors.DefaultSelector() as selector:
            selector.register(self._socket, selectors.EVENT_READ)
            while not self._stopping:
                if not selector.select(timeout=0.02):
                    continue
                data, sender = self._socket.recvfrom(65535)
                self.received.append(data)
                if len(self.received) > self._drop:
                    self._socket.sendto(self._reply(data), sender)
