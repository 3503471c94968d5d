import os

from flask import Flask, jsonify
from pymongo import MongoClient

app = Flask(__name__)
client = MongoClient(os.environ.get("MONGO_URL", "mongodb://localhost:27017"))
notes = client.get_database("notes").notes


@app.get("/healthz")
def healthz():
    return jsonify(status="ok")


@app.get("/notes")
def list_notes():
    return jsonify([{"title": n["title"]} for n in notes.find({}, {"_id": 0}).limit(50)])


if __name__ == "__main__":
    app.run(debug=True)
