#!/usr/bin/env python3
"""Build the relevance-judgment files from the written criteria.

    python3 build.py                 # write ../queries.tsv, ../qrels.txt, ../criteria.md
    python3 build.py --check         # also audit: predicate over the WHOLE catalog vs pool
    python3 build.py --show q035     # print the labelled products of one query by grade
    python3 build.py --show q035 --all-grades --limit 0

Method (no search engine is involved anywhere):
 1. For each query a generous candidate pool is built as the union of several
    simple, independent matchers (see pool()):
      a. phrase  - the intent and every extra term as a substring of name, brand,
                   categories or description;
      b. anyword - any content word of the intent/terms as a whole word of the
                   name, brand or (non-root) categories;
      c. fuzzy   - any name/brand word within Damerau-Levenshtein distance 1-2 of a
                   word the shopper typed or of an intended word (typo tolerance);
      d. type    - products whose rule-based type tag (catalog.classify) is listed
                   for the query (e.g. all screen protectors).
 2. The query's predicate (queries.py), which encodes the written criterion,
    grades every pooled product 0-3 from its name, brand, categories (and the
    description where the criterion says so).
 3. --check re-applies every predicate to all 3,291 products and reports any
    product graded > 0 that the pool missed (pool-recall audit).
"""
import argparse
import os
import re
import sys
from collections import Counter, defaultdict

sys.dont_write_bytecode = True      # keep the project tree free of __pycache__
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import catalog  # noqa: E402
from queries import QUERIES  # noqa: E402

OUT = os.path.dirname(HERE)

STOP = {"a", "an", "the", "for", "of", "to", "in", "on", "and", "or", "with", "my", "it",
        "that", "from", "at", "without", "something", "phone", "phones", "cell", "into",
        "plugging", "keep", "hold", "protects", "find", "lost", "fix", "extra", "cheap",
        "low", "price", "up", "me", "is"}


def content_words(text):
    return [w for w in catalog.words(catalog.clean(text)) if w not in STOP and len(w) >= 2]


def damerau(a, b, maxd=2):
    """Optimal-string-alignment distance with early exit (returns maxd+1 if larger)."""
    if abs(len(a) - len(b)) > maxd:
        return maxd + 1
    prev2 = None
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        best = cur[0]
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
            best = min(best, cur[j])
        if best > maxd:
            return maxd + 1
        prev2, prev = prev, cur
    return prev[-1]


class Index:
    def __init__(self, products):
        self.products = products
        self.fields = []          # per product: (name+brand+cats text, full text incl. desc)
        self.word_sets = []       # per product: words of name+brand+non-root categories
        self.name_words = []      # per product: words of name+brand (for fuzzy matching)
        for p in products:
            cats = " ".join(catalog.clean(c) for c in p.categories[1:])
            nbc = " ".join([p.n, p.b, cats])
            self.fields.append((nbc, nbc + " " + p.d))
            self.word_sets.append(set(catalog.words(nbc)))
            self.name_words.append(set(catalog.words(p.n + " " + p.b)))
        self._vocab = set().union(*self.name_words)
        self._fuzzy_cache = {}

    def fuzzy_vocab(self, w):
        if w not in self._fuzzy_cache:
            maxd = 1 if len(w) <= 5 else 2
            self._fuzzy_cache[w] = {v for v in self._vocab
                                    if abs(len(v) - len(w)) <= maxd and len(v) >= 3
                                    and damerau(w, v, maxd) <= maxd}
        return self._fuzzy_cache[w]


def pool(q, idx):
    """Return {product index: set of matcher names that pooled it}."""
    hits = defaultdict(set)
    phrases = [catalog.clean(q["intent"])] + [catalog.clean(t) for t in q["terms"]]
    phrases = [s for s in phrases if len(s) >= 2]
    # a. phrase substring over name/brand/categories/description
    for i, (nbc, full) in enumerate(idx.fields):
        for s in phrases:
            if len(s) <= 3:
                # short terms (e.g. "qi", "vr", "s7", "uag") must match as whole words
                if re.search(r"(?<![a-z0-9])" + re.escape(s) + r"(?![a-z0-9])", full):
                    hits[i].add("phrase")
                    break
            elif s in full:
                hits[i].add("phrase")
                break
    # b. any content word as a whole word of name/brand/categories
    cw = set(content_words(q["intent"]))
    for t in q["terms"]:
        cw.update(content_words(t))
    cw = {w for w in cw if len(w) >= 3 or w.isalnum()}
    for i, ws in enumerate(idx.word_sets):
        if cw & ws:
            hits[i].add("anyword")
    # c. fuzzy match of typed and intended words against name/brand vocabulary
    typed = set(content_words(q["text"])) | set(content_words(q["intent"]))
    fuzzy_words = set()
    for w in typed:
        if len(w) >= 4 and not w.isdigit():
            fuzzy_words |= idx.fuzzy_vocab(w)
    if fuzzy_words:
        for i, ws in enumerate(idx.name_words):
            if fuzzy_words & ws:
                hits[i].add("fuzzy")
    # d. rule-based product-type tags
    if q["types"]:
        want = set(q["types"])
        for i, p in enumerate(idx.products):
            if p.types & want:
                hits[i].add("type")
    return hits


def judge_all(products, idx, queries):
    results = {}
    for q in queries:
        hits = pool(q, idx)
        labels = {}
        for i in hits:
            g = q["grade"](products[i])
            if g:
                labels[i] = g
        results[q["qid"]] = (hits, labels)
    return results


def write_outputs(products, queries, results):
    with open(os.path.join(OUT, "queries.tsv"), "w", encoding="utf-8") as f:
        f.write("query_id\tquery\tkind\n")
        for q in queries:
            f.write("%s\t%s\t%s\n" % (q["qid"], q["text"], q["kind"]))
    with open(os.path.join(OUT, "qrels.txt"), "w", encoding="utf-8") as f:
        for q in queries:
            _, labels = results[q["qid"]]
            for i in sorted(labels, key=lambda i: (-labels[i], int(products[i].sku))):
                f.write("%s 0 %s %d\n" % (q["qid"], products[i].sku, labels[i]))
    with open(os.path.join(OUT, "criteria.md"), "w", encoding="utf-8") as f:
        f.write("# Per-query relevance criteria\n\n")
        f.write("Generated by `criteria/build.py` from `criteria/queries.py` (the predicate "
                "next to each criterion there is what assigned the labels).\n"
                "Counts are judgments per grade; `pool` is the candidate-pool size.\n\n")
        for q in queries:
            hits, labels = results[q["qid"]]
            c = Counter(labels.values())
            f.write("## %s `%s` (%s)\n\n" % (q["qid"], q["text"], q["kind"]))
            if q["intent"] != q["text"]:
                f.write("- judged as: `%s`\n" % q["intent"])
            for g in (3, 2, 1):
                f.write("- grade %d: %s\n" % (g, q["criteria"].get(g, "-")))
            f.write("- pool: %d; judged 3/2/1: %d / %d / %d\n\n"
                    % (len(hits), c[3], c[2], c[1]))


def audit(products, idx, queries, results):
    bad = 0
    for q in queries:
        hits, labels = results[q["qid"]]
        missed = []
        for i, p in enumerate(products):
            if i not in hits and q["grade"](p):
                missed.append(p)
        if missed:
            bad += 1
            print("POOL MISS %s %r: %d products graded >0 outside the pool" %
                  (q["qid"], q["text"], len(missed)))
            for p in missed[:8]:
                print("    ", q["grade"](p), p.sku, p.name)
        if not any(g >= 2 for g in labels.values()):
            print("NO GRADE>=2 for %s %r" % (q["qid"], q["text"]))
            bad += 1
    ids = [q["qid"] for q in queries]
    assert len(ids) == len(set(ids)), "duplicate query ids"
    texts = [q["text"] for q in queries]
    assert len(texts) == len(set(texts)), "duplicate query texts"
    print("audit: %d queries, %d problems" % (len(queries), bad))
    return bad


def show(products, q, results, grades=(3, 2, 1), limit=40, zero=False):
    hits, labels = results[q["qid"]]
    print("%s %r kind=%s intent=%r pool=%d" % (q["qid"], q["text"], q["kind"], q["intent"],
                                              len(hits)))
    for g in grades:
        items = [i for i, gg in labels.items() if gg == g]
        print("\n-- grade %d (%d): %s" % (g, len(items), q["criteria"].get(g, "-")))
        for i in sorted(items, key=lambda i: products[i].name)[:limit or None]:
            p = products[i]
            print("   %s %-100s | %s" % (p.sku, p.name[:100], ",".join(sorted(p.types))))
    if zero:
        items = [i for i in hits if i not in labels]
        print("\n-- pooled but grade 0 (%d)" % len(items))
        for i in sorted(items, key=lambda i: products[i].name)[:limit or None]:
            p = products[i]
            print("   %s %-100s | %s | %s" % (p.sku, p.name[:100], ",".join(sorted(p.types)),
                                              ",".join(sorted(hits[i]))))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--show")
    ap.add_argument("--limit", type=int, default=40)
    ap.add_argument("--zero", action="store_true", help="with --show: list pooled grade-0")
    ap.add_argument("--no-write", action="store_true")
    a = ap.parse_args()
    products = catalog.load()
    idx = Index(products)
    queries = QUERIES
    if a.show:
        queries = [q for q in QUERIES if q["qid"] in a.show.split(",")]
    results = judge_all(products, idx, queries)
    if a.show:
        for q in queries:
            show(products, q, results, limit=a.limit, zero=a.zero)
            print()
        return 0
    if not a.no_write:
        write_outputs(products, queries, results)
    kinds = Counter(q["kind"] for q in queries)
    grades = Counter(g for _, labels in results.values() for g in labels.values())
    print("queries: %d  %s" % (len(queries), dict(sorted(kinds.items()))))
    print("judgments: %d  grade3=%d grade2=%d grade1=%d" %
          (sum(grades.values()), grades[3], grades[2], grades[1]))
    if a.check:
        return 1 if audit(products, idx, queries, results) else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
