import argparse

import waitress

from .store import Store
from .web import make_app


def main(argv=None):
    parser = argparse.ArgumentParser(prog="shorty")
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="serve the shortener over HTTP")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--db", default="shorty.db", help="SQLite file holding the links")
    args = parser.parse_args(argv)
    if args.command == "serve":
        waitress.serve(make_app(Store(args.db)), host="0.0.0.0", port=args.port)
