import secrets
import sqlite3


class Store:
    def __init__(self, path):
        self.db = sqlite3.connect(path, check_same_thread=False)
        self.db.execute("create table if not exists links (code text primary key, url text not null)")

    def add(self, url):
        code = secrets.token_urlsafe(5)
        with self.db:
            self.db.execute("insert into links values (?, ?)", (code, url))
        return code

    def get(self, code):
        row = self.db.execute("select url from links where code = ?", (code,)).fetchone()
        return row[0] if row else None
