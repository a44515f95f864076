"""course.probes.asyncio_sockets: the peers and probes of notebook 07 tell right from wrong."""

import asyncio
import socket

import pytest

from course.probes import asyncio_sockets as probes


async def sock_request(host, port, payload):
    loop = asyncio.get_running_loop()
    with socket.socket() as sock:
        sock.setblocking(False)
        await loop.sock_connect(sock, (host, port))
        await loop.sock_sendall(sock, payload)
        sock.shutdown(socket.SHUT_WR)
        chunks = []
        while data := await loop.sock_recv(sock, 65536):
            chunks.append(data)
    return b"".join(chunks)


async def blocking_request(host, port, payload):
    with socket.create_connection((host, port)) as sock:
        sock.sendall(payload)
        sock.shutdown(socket.SHUT_WR)
        return sock.recv(1 << 20)


class Store(asyncio.Protocol):
    store = {}

    def connection_made(self, transport):
        self.transport = transport
        self.buffer = b""

    def data_received(self, data):
        *lines, self.buffer = (self.buffer + data).split(b"\n")
        for line in lines:
            command, _, rest = line.partition(b" ")
            key, space, value = rest.partition(b" ")
            if command == b"SET" and key and space:
                self.store[key] = value
                self.transport.write(b"OK\n")
            elif command == b"GET" and key and not space:
                self.transport.write(self.store.get(key, b"NONE") + b"\n")
            else:
                self.transport.write(b"ERROR\n")


class OwnStore(Store):
    def connection_made(self, transport):
        super().connection_made(transport)
        self.store = {}


class WholePackets(Store):
    def data_received(self, data):
        self.buffer = b""
        super().data_received(data.rstrip(b"\n") + b"\n")


def test_the_dribbling_echo_needs_a_reading_loop():
    with probes.dribbling_echo() as server:
        assert asyncio.run(sock_request(*server.address, b"abc")) == b"abc"


def test_the_gated_echo_sees_requests_together_only_when_they_are(monkeypatch):
    monkeypatch.setattr(probes, "GATE", 0.2)
    with probes.GatedEcho(2) as server:
        calls = [(*server.address, b"one"), (*server.address, b"two")]
        assert asyncio.run(probes.Together(sock_request)(calls)) == [b"one", b"two"]
        assert server.peak == 2
    with probes.GatedEcho(2) as server:
        calls = [(*server.address, b"one"), (*server.address, b"two")]
        assert asyncio.run(probes.Together(blocking_request)(calls)) == [b"one", b"two"]
        assert server.peak == 1
        with pytest.raises(AssertionError, match="one after another"):
            server.expect_together("two calls")


def test_sock_methods_are_recorded_with_the_socket_mode():
    with probes.echo() as server:
        used = asyncio.run(probes.UsingSockMethods(sock_request)(*server.address, b"x"))
        used.expect(b"x")
        used = asyncio.run(probes.UsingSockMethods(blocking_request)(*server.address, b"x"))
        with pytest.raises(AssertionError, match="never awaited loop.sock_connect"):
            used.expect(b"x")


def test_a_refused_port_refuses():
    with probes.refused_port() as port:
        with pytest.raises(ConnectionRefusedError):
            asyncio.run(sock_request("127.0.0.1", port, b"x"))


async def start_kv_server(host, port):
    return await asyncio.get_running_loop().create_server(KVProtocol, host, port)  # noqa: F821


async def start_with_lambda(host, port):
    return await asyncio.get_running_loop().create_server(lambda: KVProtocol(), host, port)  # noqa: F821


async def start_closed(host, port):
    server = await asyncio.get_running_loop().create_server(KVProtocol, host, port)  # noqa: F821
    async with server:
        pass
    return server


def test_serving_serves_a_stand_in_on_the_port_asked_for():
    served = asyncio.run(probes.Serving(start_kv_server)("127.0.0.1", probes.FREE_PORT))
    served.expect_serving()
    assert served.addresses == (("127.0.0.1", served.port),)
    assert "KVProtocol" not in globals()
    asyncio.run(probes.Serving(start_with_lambda)("127.0.0.1", 0)).expect_serving()
    served = asyncio.run(probes.Serving(start_closed)("127.0.0.1", 0))
    with pytest.raises(AssertionError, match="not serving"):
        served.expect_serving()


def test_a_conversation_passes_a_right_protocol_and_shows_a_wrong_one():
    steps = [probes.send("A", b"SE"), probes.send("A", b"T k v v\n"), probes.expect("A", b"OK\n"),
             probes.send("B", b"GET k\nGET x\n"), probes.expect("B", b"v v\nNONE\n"),
             probes.send("C", b"SET k half"), probes.hang_up("C", reset=True),
             probes.send("B", b"GET k\n"), probes.expect("B", b"v v\n")]
    probes.expect_conversation(Store, steps, second_server={"B"})
    with pytest.raises(AssertionError) as failure:
        probes.expect_conversation(WholePackets, steps)
    assert "connection A sent b'SE'" in str(failure.value)
    assert "connection A expected b'OK\\n', but received b'ERROR\\nERROR\\n'" in str(failure.value)


def test_a_crowd_needs_one_shared_store():
    assert asyncio.run(probes.Crowd(Store)(20)) == ([], [])
    problems, _ = asyncio.run(probes.Crowd(OwnStore)(20))
    assert problems and "NONE" in problems[0]
    assert not any("within" in problem for problem in problems)


def test_http_server_answers_a_request_that_reads_to_the_end():
    with probes.http_server() as server:
        answer = asyncio.run(sock_request("127.0.0.1", server.port, probes.HTTP_REQUEST))
        probes.expect_http_answer(answer, server.port)
        with pytest.raises(AssertionError, match="expected the whole answer"):
            probes.expect_http_answer(answer[:-1], server.port)


async def never_closes(host, port, payload):
    loop = asyncio.get_running_loop()
    sock = socket.socket()
    sock.setblocking(False)
    await loop.sock_connect(sock, (host, port))
    await loop.sock_sendall(sock, payload)
    sock.shutdown(socket.SHUT_WR)
    return await loop.sock_recv(sock, 100)


def test_a_socket_left_open_is_seen():
    with probes.echo() as server:
        asyncio.run(probes.LeftOpen(sock_request)(*server.address, b"x")).expect_closed(b"x")
        closing = asyncio.run(probes.LeftOpen(never_closes)(*server.address, b"x"))
        with pytest.raises(AssertionError, match="left its socket open"):
            closing.expect_closed(b"x")
