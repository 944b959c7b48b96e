"""Hostile servers on 127.0.0.1 (a flooding, dripping or silent SMTP or HTTP peer), shared
by `scripts/bench_hostile.py` (which times the CLI against them) and
`tests/test_deliver_smtp.py`, so that a script and a test never import one another.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Callable

Talk = Callable[[socket.socket], None]


def flood(conn: socket.socket) -> None:
    """Endless "220-" continuation lines: the greeting never ends."""
    chunk = (b"220-" + b"x" * 70 + b"\r\n") * 1000
    while True:
        conn.sendall(chunk)


def slow_ehlo(conn: socket.socket, every: float = 1.0) -> None:
    """A proper greeting, then one line of the EHLO reply each `every` seconds, for ever."""
    conn.sendall(b"220 hostile ESMTP\r\n")
    conn.recv(1024)
    while True:
        conn.sendall(b"250-PIPELINING\r\n")
        time.sleep(every)


def trickle(conn: socket.socket, every: float = 0.5) -> None:
    """The greeting one byte each `every` seconds (each read well inside the timeout)."""
    while True:
        for byte in b"220 slow ESMTP":
            conn.sendall(bytes([byte]))
            time.sleep(every)


def silent(conn: socket.socket) -> None:
    time.sleep(3600)


def dripping_feed(conn: socket.socket) -> None:
    """HTTP: the feed at once; every other path a page that drips one line a second."""
    request = conn.recv(4096).decode("latin-1")
    path = request.split(" ")[1] if " " in request else "/"
    port = conn.getsockname()[1]
    if path == "/feed.xml":
        items = "".join(
            f"<item><title>Berita {i}</title><link>http://127.0.0.1:{port}/berita/{i}</link></item>"
            for i in range(30)
        )
        body = f"<rss version='2.0'><channel><title>Menetes</title>{items}</channel></rss>".encode()
        head = f"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: {len(body)}\r\n"
        conn.sendall(head.encode() + b"Connection: close\r\n\r\n" + body)
        return
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n")
    for _ in range(60):
        conn.sendall(b"<p>Kalimat yang menetes perlahan sekali.</p>\n")
        time.sleep(1.0)


def serve(talk: Talk) -> tuple[socket.socket, int]:
    """A raw TCP server on 127.0.0.1 that talks as `talk` says to every connection: (its
    listening socket, to close, and its port)."""
    listener = socket.create_server(("127.0.0.1", 0), backlog=64)

    def accept() -> None:
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            threading.Thread(target=guarded, args=(talk, conn), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    return listener, int(listener.getsockname()[1])


def guarded(talk: Talk, conn: socket.socket) -> None:
    with conn, contextlib.suppress(OSError):
        talk(conn)
