from os import environ


def application(environ, start_response):
    path = environ.get("PATH_INFO", "/")
    start_response("200 OK", [("content-type", "text/plain")])
    return [path.encode()]


GREETING = environ.get("GREETING", "hi")
