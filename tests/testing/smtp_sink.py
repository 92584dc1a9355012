#!/usr/bin/python3
"""A real SMTP server for tests (Debian's python3-aiosmtpd), on loopback.

Usage: smtp_sink.py MAILDIR [--port N] [--user NAME --password SECRET]

Listens on loopback port N (default: a free one) and prints "port N" on its first line of output once it
accepts connections. Each message it accepts is written to MAILDIR as <n>.eml, with the
envelope in X-Envelope-From and X-Envelope-To headers on top. Recipients decide the answer:
one starting "later" gets 451 (try again), one starting "never" 550 (refused for good).
With --user and --password it asks for AUTH LOGIN/PLAIN (without TLS, on loopback only).
Stops on SIGTERM.
"""
import argparse
import asyncio
import os
import signal
import socket
import sys

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


class Sink:
    def __init__(self, maildir):
        self.maildir = maildir
        # Numbering goes on after the messages of an earlier run into the same folder.
        self.count = len([n for n in os.listdir(maildir) if n.endswith(".eml")])

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@")[0]
        if local.startswith("later"):
            return "451 4.3.0 try again later"
        if local.startswith("never"):
            return "550 5.1.1 no such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        path = os.path.join(self.maildir, f"{self.count}.eml")
        head = (f"X-Envelope-From: {envelope.mail_from}\r\n"
                f"X-Envelope-To: {','.join(envelope.rcpt_tos)}\r\n").encode()
        with open(path + ".tmp", "wb") as f:
            f.write(head + envelope.original_content)
        os.rename(path + ".tmp", path)
        return "250 Message accepted"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("maildir")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--user")
    parser.add_argument("--password")
    args = parser.parse_args()
    os.makedirs(args.maildir, exist_ok=True)
    sink = Sink(args.maildir)

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword) and auth_data.login.decode() == args.user
              and auth_data.password.decode() == args.password)
        return AuthResult(success=ok)

    def factory():
        if args.user:
            return SMTP(sink, hostname="sink.test", authenticator=authenticator,
                        auth_required=True, auth_require_tls=False)
        return SMTP(sink, hostname="sink.test")

    loop = asyncio.new_event_loop()
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", args.port))
    server = loop.run_until_complete(loop.create_server(factory, sock=listener))
    print(f"port {listener.getsockname()[1]}", flush=True)
    loop.add_signal_handler(signal.SIGTERM, loop.stop)
    try:
        loop.run_forever()
    finally:
        server.close()
        loop.run_until_complete(server.wait_closed())
    return 0


if __name__ == "__main__":
    sys.exit(main())
