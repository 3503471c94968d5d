from urllib.parse import parse_qs


def make_app(store):
    def application(environ, start_response):
        path = environ.get("PATH_INFO", "/")
        if environ["REQUEST_METHOD"] == "POST" and path == "/":
            size = int(environ.get("CONTENT_LENGTH") or 0)
            url = parse_qs(environ["wsgi.input"].read(size).decode()).get("url", [""])[0]
            start_response("201 Created", [("content-type", "text/plain")])
            return [store.add(url).encode()]
        target = store.get(path.lstrip("/"))
        if target:
            start_response("302 Found", [("location", target)])
            return [b""]
        start_response("404 Not Found", [("content-type", "text/plain")])
        return [b"not found\n"]

    return application
