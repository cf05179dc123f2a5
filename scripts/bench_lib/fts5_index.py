#!/usr/bin/env python3
"""SQLite FTS5 peer of scripts/bench: indexes the text view of a gen-corpus
corpus into DB (one row per article: title, body = the whole text dump,
outlet and date from articles.tsv as a sidecar manifest would give them),
tokenizer 'porter unicode61', one transaction.

    fts5_index.py CORPUS DB
"""
import os
import sqlite3
import sys


def main():
    corpus, db = sys.argv[1], sys.argv[2]
    if os.path.exists(db):
        os.remove(db)
    connection = sqlite3.connect(db)
    connection.execute("PRAGMA journal_mode=OFF")
    connection.execute("PRAGMA synchronous=OFF")
    connection.execute(
        "CREATE VIRTUAL TABLE docs USING fts5(title, body, outlet UNINDEXED, "
        "date UNINDEXED, path UNINDEXED, tokenize='porter unicode61')")

    def rows():
        with open(os.path.join(corpus, "articles.tsv"), encoding="utf-8") as f:
            next(f)
            for line in f:
                fields = line.rstrip("\n").split("\t")
                path = os.path.join(corpus, fields[4])
                with open(path, encoding="utf-8", errors="replace") as text:
                    yield (int(fields[0]) + 1, fields[7], text.read(), fields[1],
                           fields[2], fields[4])

    with connection:
        connection.executemany(
            "INSERT INTO docs(rowid, title, body, outlet, date, path) "
            "VALUES (?, ?, ?, ?, ?, ?)", rows())
    count = connection.execute("SELECT count(*) FROM docs").fetchone()[0]
    connection.close()
    print("fts5: %d documents" % count)


if __name__ == "__main__":
    main()
