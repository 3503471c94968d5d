"""python-stdlib-hello: a dependency-free HTTP service (standard library only)."""
import json
import os
import signal
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

GREETING = os.environ.get("GREETING", "Hello from python-stdlib-hello")
RELEASE = os.environ.get("SLIPWAY_RELEASE", "dev")


class Handler(BaseHTTPRequestHandler):
    server_version = "python-stdlib-hello"

    def do_GET(self):
        if self.path == "/healthz":
            self._send(200, "application/json", json.dumps({"status": "ok", "release": RELEASE}))
        else:
            self._send(200, "text/plain; charset=utf-8", f"{GREETING} (release {RELEASE})\n")

    def _send(self, status, content_type, body):
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("content-type", content_type)
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, fmt, *args):
        sys.stderr.write("%s %s\n" % (self.address_string(), fmt % args))


def main():
    port = int(os.environ.get("PORT", "8000"))
    server = ThreadingHTTPServer(("0.0.0.0", port), Handler)
    # Stop quickly on SIGTERM (containers, deploy swaps): leave serve_forever and close.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    print(f"python-stdlib-hello listening on http://localhost:{port}", flush=True)
    try:
        server.serve_forever()
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
