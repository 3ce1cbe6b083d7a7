#!/usr/bin/env python3
"""A local SMTP server for the mail tests (python3-aiosmtpd).

    smtp_server.py PORT DIR [--delay SECONDS]

Listens on 127.0.0.1:PORT and writes every message it accepts to
DIR/NNNN.eml (the bytes as received) with DIR/NNNN.json beside it
({"from", "to", "size"}). --delay makes it wait that long before
answering each recipient (a slow server). Prints "ready" when
it accepts connections; stops on SIGTERM.
"""
import asyncio
import json
import os
import signal
import socket
import sys
import threading

from aiosmtpd.controller import Controller


def client_gone(server):
    """True when the client closed the connection (peeked, not read)."""
    if server.transport is None or server.transport.is_closing():
        return True
    sock = server.transport.get_extra_info('socket')
    if sock is None:
        return True
    dup = socket.socket(fileno=os.dup(sock.fileno()))
    try:
        return dup.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) == b''
    except BlockingIOError:
        return False
    except OSError:
        return True
    finally:
        dup.close()


class Keep:
    def __init__(self, outdir, delay):
        self.outdir = outdir
        self.delay = delay
        self.n = 0
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address,
                          rcpt_options):
        # A slow server: the wait comes before the message is sent, so a
        # client that gives up has sent nothing.
        if self.delay > 0:
            await asyncio.sleep(self.delay)
            if client_gone(server):
                return '421 Too late'
        envelope.rcpt_tos.append(address)
        return '250 OK'

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.n += 1
            n = self.n
        base = os.path.join(self.outdir, '%04d' % n)
        data = envelope.original_content or envelope.content
        if isinstance(data, str):
            data = data.encode('utf-8')
        with open(base + '.eml.tmp', 'wb') as f:
            f.write(data)
        with open(base + '.json', 'w') as f:
            json.dump({'from': envelope.mail_from,
                       'to': envelope.rcpt_tos, 'size': len(data)}, f)
        os.rename(base + '.eml.tmp', base + '.eml')
        return '250 Message accepted for delivery'


def main():
    port = int(sys.argv[1])
    outdir = sys.argv[2]
    delay = 0.0
    if len(sys.argv) > 4 and sys.argv[3] == '--delay':
        delay = float(sys.argv[4])
    os.makedirs(outdir, exist_ok=True)
    ctl = Controller(Keep(outdir, delay), hostname='127.0.0.1', port=port,
                     server_hostname='smtp.test',
                     decode_data=False, enable_SMTPUTF8=True)
    ctl.start()
    print('ready', flush=True)
    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    signal.signal(signal.SIGINT, lambda *_: done.set())
    done.wait()
    ctl.stop()


if __name__ == '__main__':
    main()
