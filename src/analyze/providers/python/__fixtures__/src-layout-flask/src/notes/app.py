import os

from flask import Flask


def create_app(config=None):
    app = Flask(__name__)
    app.config["SECRET_KEY"] = os.environ["NOTES_SECRET"]
    return app
