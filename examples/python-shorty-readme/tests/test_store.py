from shorty.store import Store


def test_roundtrip(tmp_path):
    store = Store(str(tmp_path / "links.db"))
    code = store.add("https://example.com")
    assert store.get(code) == "https://example.com"
