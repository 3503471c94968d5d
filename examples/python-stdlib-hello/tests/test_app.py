import json
import threading
import unittest
import urllib.request
from http.server import ThreadingHTTPServer

from app import Handler


class AppTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        cls.thread = threading.Thread(target=cls.server.serve_forever, daemon=True)
        cls.thread.start()
        cls.base = f"http://127.0.0.1:{cls.server.server_address[1]}"

    @classmethod
    def tearDownClass(cls):
        cls.server.shutdown()
        cls.server.server_close()

    def test_health(self):
        with urllib.request.urlopen(f"{self.base}/healthz") as res:
            self.assertEqual(res.status, 200)
            self.assertEqual(json.load(res)["status"], "ok")

    def test_greeting(self):
        with urllib.request.urlopen(f"{self.base}/") as res:
            self.assertIn("Hello", res.read().decode())


if __name__ == "__main__":
    unittest.main()
