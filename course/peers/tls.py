"""Certificates for TLS tests, made in memory with trustme: a private certificate authority
and a server certificate it signed. Verification is never switched off; a test that needs a
rejection uses a second authority or a certificate for another host name."""

import os
import ssl
import tempfile

import trustme


class Certificates:
    """A CA and a certificate it issued for ``hostnames`` (127.0.0.1 and localhost unless
    told otherwise). As a context manager it also writes ``cafile``, ``certfile`` (with
    its chain) and ``keyfile`` for APIs that want paths, and removes them afterwards."""

    def __init__(self, hostnames=("127.0.0.1", "localhost")):
        self.ca = trustme.CA()
        self.leaf = self.ca.issue_cert(*hostnames)
        self._folder = None

    def __enter__(self):
        self._folder = tempfile.TemporaryDirectory(prefix="course-tls-")
        folder = self._folder.name
        self.cafile = os.path.join(folder, "ca.pem")
        self.certfile = os.path.join(folder, "server.pem")
        self.keyfile = os.path.join(folder, "server.key")
        self.ca.cert_pem.write_to_path(self.cafile)
        with open(self.certfile, "wb") as chain:
            for pem in self.leaf.cert_chain_pems:
                chain.write(pem.bytes())
        self.leaf.private_key_pem.write_to_path(self.keyfile)
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self) -> None:
        """Remove the files. Idempotent."""
        if self._folder is not None:
            self._folder.cleanup()
            self._folder = None

    def server_context(self) -> ssl.SSLContext:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        self.leaf.configure_cert(context)
        return context

    def client_context(self) -> ssl.SSLContext:
        context = ssl.create_default_context()
        self.ca.configure_trust(context)
        return context
