#!/usr/bin/env python3
"""The measuring half of scripts/bench (which installs, builds and makes the
corpus first). Indexes the text view of a gen-corpus corpus with news-index
and each peer, then times the query classes; prints a table and RATIO lines.

    run.py --corpus DIR --work DIR --bin build-release [--peers LIST]
           [--repeat N] [--mixed] [--query-repeat N]

Peers: news-index, omindex, fts5, recoll, lucene, rg (rg: queries only).
A peer whose program is missing is reported as skipped, never guessed.
Timings: wall time by the clock around the process, peak RSS and CPU from
/usr/bin/time -v; index size is the apparent size of the index files.
Before each indexing run its input files are read once, untimed, so that
every indexer starts with them in the page cache (a VM that reclaims its
cache would otherwise make whichever runs first read from disk).
Query latency: "warm" = one process answers every query (news-search
--batch fed one request at a time and timed until its summary line;
Omega = Xapian's Python bindings on omindex's database, QueryParser + top 10
+ MSet.snippet over Omega's stored sample; FTS5 = Python's sqlite3 module;
Lucene = the demo's SearchFiles -repeat, a mean per query); "process" = a
new process per query (news-search, quest, sqlite3 CLI, recollq, java
SearchFiles, rg over the files); quest runs each query right after
news-search's hits-nosnip, so that the drift of a shared machine's speed
cancels out of that ratio.
"""
import argparse
import glob
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

LUCENE_JARS = ["lucene-core", "lucene-demo", "lucene-analyzers-common",
               "lucene-queryparser"]
CLASSES = ["common", "rare", "and3", "phrase", "filter"]


def log(message):
    print(message, file=sys.stderr, flush=True)


def tree_bytes(path):
    if os.path.isfile(path):
        return os.path.getsize(path)
    total = 0
    for root, _, files in os.walk(path):
        for name in files:
            try:
                total += os.lstat(os.path.join(root, name)).st_size
            except OSError:
                pass
    return total


def read_through(path):
    """Reads every file under path (or the file), so that it is cached."""
    paths = [path] if os.path.isfile(path) else (
        os.path.join(root, name) for root, _, files in os.walk(path)
        for name in files)
    for name in paths:
        try:
            with open(name, "rb") as f:
                while f.read(1 << 20):
                    pass
        except OSError:
            pass


def timed(cmd, log_path, env=None, cwd=None):
    """Runs cmd under /usr/bin/time -v; returns wall s, peak RSS MB, CPU s, rc.
    The program's stdout goes to LOG.out, its stderr to LOG."""
    started = time.perf_counter()
    with open(log_path, "w") as err, open(log_path + ".out", "w") as stdout:
        rc = subprocess.run(["/usr/bin/time", "-v", "-o", log_path + ".time"] + cmd,
                            stdout=stdout, stderr=err, env=env, cwd=cwd).returncode
    wall = time.perf_counter() - started
    text = open(log_path + ".time").read()
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
    user = float(re.search(r"User time \(seconds\): ([\d.]+)", text).group(1))
    system = float(re.search(r"System time \(seconds\): ([\d.]+)", text).group(1))
    return wall, rss / 1024.0, user + system, rc


def percentile(values, p):
    if not values:
        return None
    ordered = sorted(values)
    k = (len(ordered) - 1) * p / 100.0
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


class Bench:
    def __init__(self, args):
        self.args = args
        self.corpus = os.path.abspath(args.corpus)
        self.text = os.path.join(self.corpus, "text")
        self.mixed = os.path.join(self.corpus, "mixed")
        self.work = os.path.abspath(args.work)
        self.bin = os.path.abspath(args.bin)
        self.manifest = json.load(open(os.path.join(self.corpus, "MANIFEST.json")))
        self.articles = self.manifest["articles"]
        self.input_bytes = tree_bytes(self.text)
        self.queries = [json.loads(l) for l in open(os.path.join(self.corpus,
                                                                  "queries.jsonl"))]
        self.peers = args.peers.split(",")
        self.quest_paired = False  # quest timed beside news-search
        self.results = {"corpus": self.corpus, "articles": self.articles,
                        "label": args.label, "load_start": self.load(),
                        "input_mb": self.input_bytes / 1e6, "index": {},
                        "queries": {}, "notes": []}
        os.makedirs(self.work, exist_ok=True)
        self.ns_index_help = self.help([os.path.join(self.bin, "news-index"), "--help"])
        self.ns_search_help = self.help([os.path.join(self.bin, "news-search"), "--help"])
        self.lucene_cp = ":".join(sorted(
            p for p in glob.glob("/usr/share/java/lucene*-4.10*.jar")
            if any(os.path.basename(p).startswith(j + "-4") for j in LUCENE_JARS)))

    @staticmethod
    def load():
        with open("/proc/loadavg") as f:
            return " ".join(f.read().split()[:3])

    @staticmethod
    def help(cmd):
        try:
            return subprocess.run(cmd, capture_output=True, text=True).stdout
        except OSError:
            return ""

    def note(self, message):
        log("note: " + message)
        self.results["notes"].append(message)

    def path(self, name):
        return os.path.join(self.work, name)

    # ------------------------------------------------------------ indexing
    def index_runs(self, name, make_cmd, db, count=None, input_bytes=None, env=None,
                   repeat=None, inputs=None):
        repeat = repeat or self.args.repeat
        runs = []
        for run in range(repeat):
            if os.path.isdir(db):
                shutil.rmtree(db)
            elif os.path.exists(db):
                os.remove(db)
            for path in inputs or [self.text]:
                read_through(path)
            log("== %s: indexing (run %d/%d)" % (name, run + 1, repeat))
            wall, rss, cpu, rc = timed(make_cmd(), self.path(name + ".log"), env=env)
            runs.append((wall, rss, cpu, rc))
            log("   %.1f s, peak RSS %.0f MB, exit %d" % (wall, rss, rc))
        wall = statistics.median(r[0] for r in runs)
        rss = statistics.median(r[1] for r in runs)
        cpu = statistics.median(r[2] for r in runs)
        size = tree_bytes(db)
        docs = count() if count else None
        input_bytes = input_bytes or self.input_bytes
        self.results["index"][name] = {
            "wall_s": wall, "walls": [r[0] for r in runs], "rss_mb": rss, "cpu_s": cpu,
            "exit": runs[-1][3], "index_mb": size / 1e6, "docs": docs,
            "mbps": input_bytes / 1e6 / wall,
            # Over the articles given, the same for all (recoll also counts folders).
            "docs_per_s": self.articles / wall,
            "index_ratio": size / input_bytes, "input_mb": input_bytes / 1e6}
        return self.results["index"][name]

    def xapian_count(self, db):
        try:
            import xapian
            return xapian.Database(db).get_doccount()
        except Exception:  # no bindings or no database: unknown, not guessed
            return None

    def clean_text_mb(self, db):
        """The extracted article bodies the index holds, in MB: the sum of
        the body-length slot (5, docs/schema.md), i.e. the clean text that
        issue 6's index-size target is stated against."""
        try:
            import xapian
            values = xapian.Database(db).valuestream(5)
            return sum(xapian.sortable_unserialise(v.value) for v in values) / 1e6
        except Exception:  # no bindings or no database: unknown, not guessed
            return None

    def news_docs(self, name):
        text = open(self.path(name + ".log"), errors="replace").read()
        m = re.findall(r"(\d+) documents in the index", text)
        return int(m[-1]) if m else self.xapian_count(self.path(name))

    def run_indexing(self):
        ns = os.path.join(self.bin, "news-index")
        if "news-index" in self.peers:
            db = self.path("news-index")
            made = self.index_runs("news-index", lambda: [ns, "--progress=never", "-d", db,
                                                          self.text], db,
                                   count=lambda: self.news_docs("news-index"))
            made["clean_mb"] = self.clean_text_mb(db)
            if "--threads" in self.ns_index_help and self.args.threads1:
                # The 1-thread figure is news-index on one core: --threads 1
                # still overlaps its one worker with the writing thread, so
                # the process is also confined to one CPU.
                db1 = self.path("news-index-1thread")
                one_core = ["taskset", "-c", "0"] if shutil.which("taskset") else []
                if not one_core:
                    self.note("taskset missing: the 1-thread run may use two cores")
                self.index_runs("news-index-1thread",
                                lambda: one_core + [ns, "--progress=never", "--threads",
                                                    "1", "-d", db1, self.text], db1,
                                count=lambda: self.news_docs("news-index-1thread"),
                                repeat=1)
                shutil.rmtree(db1, ignore_errors=True)
            if self.args.mixed:
                dbm = self.path("news-index-mixed")
                self.index_runs("news-index-mixed",
                                lambda: [ns, "--progress=never", "-d", dbm, self.mixed],
                                dbm, count=lambda: self.news_docs("news-index-mixed"),
                                input_bytes=tree_bytes(self.mixed), repeat=1,
                                inputs=[self.mixed])
                shutil.rmtree(dbm, ignore_errors=True)
        if "omindex" in self.peers:
            if shutil.which("omindex"):
                db = self.path("omindex")
                self.index_runs("omindex", lambda: ["omindex", "--db", db, "--url", "/",
                                                    self.text], db,
                                count=lambda: self.xapian_count(db))
            else:
                self.note("omindex missing (apt-get install xapian-omega): skipped")
        if "fts5" in self.peers:
            db = self.path("fts5.sqlite")
            helper = os.path.join(os.path.dirname(__file__), "fts5_index.py")
            self.index_runs("fts5", lambda: [sys.executable, helper, self.corpus, db], db,
                            count=lambda: self.sqlite_count(db),
                            inputs=[os.path.join(self.corpus, "articles.tsv"),
                                    self.text])
        if "recoll" in self.peers:
            if shutil.which("recollindex"):
                conf = self.path("recoll-conf")
                db = self.path("recoll-db")

                def recoll_cmd():
                    shutil.rmtree(conf, ignore_errors=True)
                    os.makedirs(conf)
                    with open(os.path.join(conf, "recoll.conf"), "w") as f:
                        f.write("topdirs = %s\ndbdir = %s\nnoaspell = 1\n"
                                "loglevel = 1\n" % (self.text, db))
                    return ["recollindex", "-c", conf, "-z"]
                self.index_runs("recoll", recoll_cmd, db,
                                count=lambda: self.xapian_count(db))
            else:
                self.note("recollindex missing (apt-get install recoll): skipped")
        if "lucene" in self.peers:
            if shutil.which("java") and self.lucene_cp:
                db = self.path("lucene")
                self.index_runs("lucene", lambda: [
                    "java", "-cp", self.lucene_cp, "org.apache.lucene.demo.IndexFiles",
                    "-index", db, "-docs", self.text], db,
                    count=lambda: sum(l.startswith("adding ") for l in
                                      open(self.path("lucene.log.out"), errors="replace")))
            else:
                self.note("java or liblucene4.10-java missing: Lucene skipped")

    def sqlite_count(self, db):
        import sqlite3
        return sqlite3.connect(db).execute("SELECT count(*) FROM docs").fetchone()[0]

    # ------------------------------------------------------------- queries
    def record(self, engine, mode, variant, samples):
        """samples: list of (class, seconds)."""
        key = "%s|%s|%s" % (engine, mode, variant)
        by_class = {}
        for cls, seconds in samples:
            by_class.setdefault(cls, []).append(seconds * 1000)
        everything = [s * 1000 for _, s in samples]
        self.results["queries"][key] = {
            "engine": engine, "mode": mode, "variant": variant, "n": len(everything),
            "p50": percentile(everything, 50), "p95": percentile(everything, 95),
            "classes": {c: {"p50": percentile(v, 50), "p95": percentile(v, 95)}
                        for c, v in by_class.items()}}
        r = self.results["queries"][key]
        log("   %-11s %-7s %-13s p50 %7.2f ms  p95 %7.2f ms  (n=%d)" % (
            engine, mode, variant, r["p50"], r["p95"], r["n"]))

    def ns_variants(self):
        h = self.ns_search_help
        if "--facets" not in h:
            self.note("news-search has no --facets: one variant (its default output)")
            return {"hits": []}
        variants = {"hits": ["--facets", "none"],
                    "hits+facets": ["--facets", "outlet"]}
        if "--fields" in h:
            variants["hits-nosnip"] = ["--facets", "none", "--fields",
                                       "rank,docid,title,outlet,date"]
        if "--count" in h:
            variants["count+facets"] = ["--count", "--facets", "outlet"]
        return variants

    def ns_query_text(self, q):
        if q["class"] == "phrase":
            return '"%s"' % " ".join(q["words"])
        return " ".join(q["words"])

    def ns_has_dates(self):
        return "--from" in self.ns_search_help

    def ns_filter_flags(self, q):
        if q["class"] != "filter":
            return []
        flags = ["--outlet", q["outlet"]]
        if self.ns_has_dates():
            flags += ["--from", q["from"], "--to", q["to"]]
        return flags

    def queries_news(self):
        ns = os.path.join(self.bin, "news-search")
        db = self.path("news-index")
        if not os.path.isdir(db):
            return
        if not self.ns_has_dates():
            self.note("news-search has no --from/--to: filter class is outlet only")
        base = [ns, "-d", db, "-n", "10", "--format",
                "jsonl" if "jsonl" in self.ns_search_help else "json"]
        for variant, flags in self.ns_variants().items():
            if "--batch" in self.ns_search_help:
                self.record("news-search", "warm", variant,
                            self.ns_warm(base + flags + ["--batch", "-"]))
            # quest answers the same queries right after news-search's
            # hits-nosnip, query by query, so that the speed of a shared
            # machine, which drifts over minutes, cancels out of their ratio.
            paired = variant == "hits-nosnip" and self.has_quest()
            samples = []
            quest_samples = []
            for _ in range(self.args.process_repeat):
                for q in self.queries:
                    cmd = base + flags + self.ns_filter_flags(q) + ["--", self.ns_query_text(q)]
                    started = time.perf_counter()
                    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                    samples.append((q["class"], time.perf_counter() - started))
                    if paired:
                        quest_samples.append(self.quest_once(q))
            self.record("news-search", "process", variant, samples)
            if paired:
                self.record("quest", "process", "hits-nosnip", quest_samples)
        if "--batch" not in self.ns_search_help:
            self.note("news-search has no --batch: no warm in-process figures")

    def ns_warm(self, cmd):
        process = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                   stderr=subprocess.DEVNULL)
        samples = []
        try:
            for round_ in range(self.args.warm_repeat + 1):
                for q in self.queries:
                    request = {"id": q["class"], "query": self.ns_query_text(q)}
                    if q["class"] == "filter":
                        request["outlet"] = [q["outlet"]]
                        if self.ns_has_dates():
                            request["from"], request["to"] = q["from"], q["to"]
                    line = (json.dumps(request) + "\n").encode()
                    started = time.perf_counter()
                    process.stdin.write(line)
                    process.stdin.flush()
                    while True:
                        out = process.stdout.readline()
                        if not out:
                            raise RuntimeError("news-search --batch ended early")
                        if b'"type":"summary"' in out or b'"type":"error"' in out:
                            break
                    if round_ > 0:  # the first round warms the caches
                        samples.append((q["class"], time.perf_counter() - started))
        finally:
            process.stdin.close()
            process.wait()
        return samples

    def queries_omega(self):
        db = self.path("omindex")
        if not os.path.isdir(db):
            return
        try:
            import xapian
        except ImportError:
            self.note("python3-xapian missing: no warm Omega figures")
            xapian = None
        if xapian:
            database = xapian.Database(db)
            stemmer = xapian.Stem("english")
            parser = xapian.QueryParser()
            parser.set_database(database)
            parser.set_stemmer(stemmer)
            parser.set_stemming_strategy(xapian.QueryParser.STEM_SOME)
            parser.set_default_op(xapian.Query.OP_AND)
            enquire = xapian.Enquire(database)

            def build(q):
                query = parser.parse_query(self.ns_query_text(q), parser.FLAG_DEFAULT)
                if q["class"] == "filter":
                    start = int(time.mktime(time.strptime(q["from"], "%Y-%m-%d")))
                    end = int(time.mktime(time.strptime(q["to"], "%Y-%m-%d"))) + 86399
                    dates = xapian.Query(xapian.Query.OP_VALUE_RANGE, 0,
                                         start.to_bytes(4, "big"), end.to_bytes(4, "big"))
                    outlet = xapian.Query("P/" + q["outlet_slug"])
                    query = xapian.Query(xapian.Query.OP_FILTER, query,
                                         xapian.Query(xapian.Query.OP_AND, outlet, dates))
                return query

            for variant, with_snippets in (("hits", True), ("hits-nosnip", False)):
                samples = []
                for round_ in range(self.args.warm_repeat + 1):
                    for q in self.queries:
                        started = time.perf_counter()
                        enquire.set_query(build(q))
                        mset = enquire.get_mset(0, 10)
                        for match in mset:
                            data = match.document.get_data().decode("utf-8", "replace")
                            fields = dict(l.split("=", 1) for l in data.split("\n") if "=" in l)
                            if with_snippets:
                                mset.snippet(fields.get("sample", ""), 300, stemmer)
                        if round_ > 0:
                            samples.append((q["class"], time.perf_counter() - started))
                self.record("omega", "warm", variant, samples)
        if shutil.which("quest") and not self.quest_paired:
            samples = []
            for _ in range(self.args.process_repeat):
                for q in self.queries:
                    samples.append(self.quest_once(q))
            self.record("quest", "process", "hits-nosnip", samples)

    def has_quest(self):
        return (shutil.which("quest") is not None and "omindex" in self.peers
                and os.path.isdir(self.path("omindex")))

    def quest_once(self, q):
        """One quest process on omindex's database: (class, seconds)."""
        self.quest_paired = True
        text = self.ns_query_text(q)
        cmd = ["quest", "-d", self.path("omindex"), "-o", "and", "-m", "10"]
        if q["class"] == "filter":  # quest has no date ranges: outlet only
            cmd += ["-b", "outlet:P"]
            text += " outlet:/" + q["outlet_slug"]
        started = time.perf_counter()
        subprocess.run(cmd + [text], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        return (q["class"], time.perf_counter() - started)

    def fts5_sql(self, q, variant):
        where = "docs MATCH ?"
        params = [self.ns_query_text(q)]
        if q["class"] == "filter":
            where += " AND outlet = ? AND date BETWEEN ? AND ?"
            params += [q["outlet"], q["from"], q["to"]]
        statements = []
        if variant in ("hits", "hits+facets"):
            statements.append(("SELECT rowid, title, snippet(docs, 1, '**', '**', '…', 24) "
                               "FROM docs WHERE %s ORDER BY rank LIMIT 10" % where, params))
        if variant == "hits-nosnip":
            statements.append(("SELECT rowid, title FROM docs WHERE %s ORDER BY rank "
                               "LIMIT 10" % where, params))
        if variant in ("hits+facets", "count+facets"):
            statements.append(("SELECT outlet, count(*) FROM docs WHERE %s GROUP BY outlet "
                               "ORDER BY 2 DESC" % where, params))
        return statements

    def queries_fts5(self):
        db = self.path("fts5.sqlite")
        if not os.path.exists(db):
            return
        import sqlite3
        connection = sqlite3.connect(db)
        for variant in ("hits", "hits-nosnip", "hits+facets", "count+facets"):
            samples = []
            for round_ in range(self.args.warm_repeat + 1):
                for q in self.queries:
                    started = time.perf_counter()
                    for sql, params in self.fts5_sql(q, variant):
                        connection.execute(sql, params).fetchall()
                    if round_ > 0:
                        samples.append((q["class"], time.perf_counter() - started))
            self.record("fts5", "warm", variant, samples)
        if shutil.which("sqlite3"):
            samples = []
            for _ in range(self.args.process_repeat):
                for q in self.queries:
                    (sql, params), = self.fts5_sql(q, "hits")
                    for p in params:
                        sql = sql.replace("?", "'%s'" % p.replace("'", "''"), 1)
                    started = time.perf_counter()
                    subprocess.run(["sqlite3", "-readonly", db, sql],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                    samples.append((q["class"], time.perf_counter() - started))
            self.record("sqlite3", "process", "hits", samples)

    def lucene_query(self, q):
        if q["class"] == "phrase":
            return '"%s"' % " ".join(q["words"])
        return " ".join("+" + w for w in q["words"])

    def queries_lucene(self):
        db = self.path("lucene")
        if not os.path.isdir(db):
            return
        queries = [q for q in self.queries if q["class"] != "filter"]
        queries_file = self.path("lucene-queries.txt")
        with open(queries_file, "w") as f:
            for q in queries:
                f.write(self.lucene_query(q) + "\n")
        repeat = 50
        out = subprocess.run(["java", "-cp", self.lucene_cp,
                              "org.apache.lucene.demo.SearchFiles", "-index", db,
                              "-queries", queries_file, "-repeat", str(repeat)],
                             capture_output=True, text=True).stdout
        times = [int(t) for t in re.findall(r"^Time: (\d+)ms", out, re.M)]
        if len(times) == len(queries):
            self.record("lucene", "warm", "hits-nosnip (mean of %d)" % repeat,
                        [(q["class"], t / 1000.0 / repeat) for q, t in zip(queries, times)])
        else:
            self.note("Lucene SearchFiles printed %d timings for %d queries" %
                      (len(times), len(queries)))
        samples = []
        for q in queries:
            started = time.perf_counter()
            subprocess.run(["java", "-cp", self.lucene_cp,
                            "org.apache.lucene.demo.SearchFiles", "-index", db,
                            "-query", self.lucene_query(q)],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            samples.append((q["class"], time.perf_counter() - started))
        self.record("lucene", "process", "hits-nosnip", samples)

    def queries_recoll(self):
        conf = self.path("recoll-conf")
        if not os.path.isdir(self.path("recoll-db")) or not shutil.which("recollq"):
            return
        samples = []
        for _ in range(self.args.process_repeat):
            for q in self.queries:
                text = self.ns_query_text(q)
                if q["class"] == "filter":
                    text += " dir:%s date:%s/%s" % (q["outlet_slug"], q["from"], q["to"])
                started = time.perf_counter()
                subprocess.run(["recollq", "-c", conf, "-n", "10", "-A", text],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                samples.append((q["class"], time.perf_counter() - started))
        self.record("recollq", "process", "hits", samples)

    def queries_rg(self):
        if not shutil.which("rg"):
            self.note("rg missing (apt-get install ripgrep): skipped")
            return
        samples = []
        for q in self.queries:
            words = q["words"]
            if q["class"] == "and3":
                cmd = ["sh", "-c", "rg -l -i -w -- \"$1\" \"$4\" | xargs -r rg -l -i -w -- "
                       "\"$2\" | xargs -r rg -l -i -w -- \"$3\"", "sh"] + words + [self.text]
            elif q["class"] == "phrase":
                cmd = ["rg", "-l", "-i", "-w", "-F", "--", " ".join(words), self.text]
            elif q["class"] == "filter":  # the outlet's folder; dates are not in the text
                cmd = ["rg", "-l", "-i", "-w", "--", words[0],
                       os.path.join(self.text, q["outlet_slug"])]
            else:
                cmd = ["rg", "-l", "-i", "-w", "--", words[0], self.text]
            started = time.perf_counter()
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            samples.append((q["class"], time.perf_counter() - started))
        self.record("rg", "process", "files", samples)

    def run_queries(self):
        log("== queries: %d (%s), warm x%d, per process x%d" % (
            len(self.queries), ", ".join(CLASSES), self.args.warm_repeat,
            self.args.process_repeat))
        if "news-index" in self.peers:
            self.queries_news()
        if "omindex" in self.peers:
            self.queries_omega()
        if "fts5" in self.peers:
            self.queries_fts5()
        if "recoll" in self.peers:
            self.queries_recoll()
        if "lucene" in self.peers:
            self.queries_lucene()
        if "rg" in self.peers:
            self.queries_rg()

    # -------------------------------------------------------------- report
    def report(self):
        r = self.results
        out = []
        out.append("")
        out.append("corpus: %s: %d articles, %.1f MB of text dumps (%s)" % (
            self.corpus, self.articles, r["input_mb"], "seed " + str(self.manifest["seed"])))
        out.append("measured: %s on %d cores; load average %s at the start, %s at the end" % (
            r["label"] or "?", os.cpu_count(), r["load_start"], self.load()))
        out.append("")
        out.append("| indexer | wall s | MB/s | docs/s | peak RSS MB | CPU s | docs | "
                   "index MB | index / input |")
        out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for name, x in r["index"].items():
            out.append("| %s | %.1f | %.2f | %.0f | %.0f | %.1f | %s | %.0f | %.2f |" % (
                name, x["wall_s"], x["mbps"], x["docs_per_s"], x["rss_mb"], x["cpu_s"],
                "?" if x["docs"] is None else x["docs"], x["index_mb"], x["index_ratio"]))
        out.append("")
        out.append("Query latency, ms (p50 per class; all = every query of every class)")
        out.append("")
        out.append("| engine | mode | variant | " + " | ".join(CLASSES) +
                   " | all p50 | all p95 |")
        out.append("| --- | --- | --- |" + " ---: |" * (len(CLASSES) + 2))
        for x in r["queries"].values():
            cells = []
            for c in CLASSES:
                v = x["classes"].get(c)
                cells.append("%.2f" % v["p50"] if v else "n/a")
            out.append("| %s | %s | %s | %s | %.2f | %.2f |" % (
                x["engine"], x["mode"], x["variant"], " | ".join(cells), x["p50"], x["p95"]))
        for n in r["notes"]:
            out.append("note: " + n)
        out.append("")
        out += self.ratios()
        text = "\n".join(out)
        print(text)
        with open(self.path("report.md"), "w") as f:
            f.write(text + "\n")
        with open(self.path("results.json"), "w") as f:
            json.dump(r, f, indent=1)

    def ratios(self):
        idx = self.results["index"]
        q = self.results["queries"]
        lines = []

        def ratio(name, value):
            lines.append("RATIO %s=%s" % (name, "n/a" if value is None else "%.2f" % value))

        def div(a, b):
            return None if a is None or b is None or b == 0 else a / b

        def get(engine, field):
            return idx.get(engine, {}).get(field)

        def lat(key, field="p50"):
            return q.get(key, {}).get(field)

        ns = "news-index"
        for peer, label in (("omindex", "omindex"), ("fts5", "fts5"),
                            ("lucene", "lucene"), ("recoll", "recoll")):
            ratio("index_mbps news-index/%s" % label, div(get(ns, "mbps"), get(peer, "mbps")))
        ratio("index_mbps news-index/news-index-1thread",
              div(get(ns, "mbps"), get("news-index-1thread", "mbps")))
        ratio("peak_rss news-index/omindex", div(get(ns, "rss_mb"), get("omindex", "rss_mb")))
        ratio("index_size news-index/input", get(ns, "index_ratio"))
        ratio("index_size news-index/clean_text", div(get(ns, "index_mb"),
                                                      get(ns, "clean_mb")))
        ratio("index_size news-index/omindex", div(get(ns, "index_mb"),
                                                   get("omindex", "index_mb")))
        warm = "news-search|warm|hits"
        if warm in q:
            ratio("query_p50 news-index/omega", div(lat(warm), lat("omega|warm|hits")))
            ratio("query_p95 news-index/omega", div(lat(warm, "p95"),
                                                     lat("omega|warm|hits", "p95")))
            ratio("query_p50 news-index/fts5", div(lat(warm), lat("fts5|warm|hits")))
            ratio("query_p50_facets news-index/fts5",
                  div(lat("news-search|warm|hits+facets"), lat("fts5|warm|hits+facets")))
        elif "news-search|process|hits" in q:  # no warm mode: per-process stands in
            lines.append("# news-search has no --batch: query_p50 ratios are per process")
            ratio("query_p50 news-index/omega", div(lat("news-search|process|hits"),
                                                     lat("quest|process|hits-nosnip")))
        ratio("query_p50_process news-index/quest", div(lat("news-search|process|hits"),
                                                         lat("quest|process|hits-nosnip")))
        # quest prints no snippets: the same work on both sides.
        ratio("query_p50_process_nosnip news-index/quest",
              div(lat("news-search|process|hits-nosnip"),
                  lat("quest|process|hits-nosnip")))
        ratio("query_p50_process news-index/sqlite3", div(lat("news-search|process|hits"),
                                                           lat("sqlite3|process|hits")))
        ratio("query_p50_process news-index/rg", div(lat("news-search|process|hits"),
                                                      lat("rg|process|files")))
        return lines


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--bin", required=True)
    parser.add_argument("--peers", default="news-index,omindex,fts5,recoll,lucene,rg")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--warm-repeat", type=int, default=5)
    parser.add_argument("--process-repeat", type=int, default=2)
    parser.add_argument("--mixed", action="store_true")
    parser.add_argument("--threads1", action="store_true")
    parser.add_argument("--label", default="", help="what was measured (commit)")
    parser.add_argument("--skip-index", action="store_true",
                        help="reuse the indexes of the last run (queries only)")
    args = parser.parse_args()
    bench = Bench(args)
    if args.skip_index and os.path.exists(bench.path("results.json")):
        bench.results["index"] = json.load(open(bench.path("results.json")))["index"]
    else:
        bench.run_indexing()
    bench.run_queries()
    bench.report()


if __name__ == "__main__":
    main()
