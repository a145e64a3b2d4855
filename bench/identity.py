#!/usr/bin/python3
"""Cross-article identity figures (bench/identity.sh runs this; not a test).

Reads a corpus graph written by `newsgraph build --format nquads` and the
links written by `newsgraph link`, and prints:

  1. for each person of the acceptance list: the distinct canonical person
     IRIs (after owl:sameAs) having an rdfs:label that refers to that person - the
     full name, the surname alone (or one spelling edit away), or either with
     only title/place words before it ("President Trump", "Vermont Bernie
     Sanders"); other given names ("Melania Trump") are other people;
  2. the links whose variant or canonical has a title alone as its
     rdfs:label ("President", "Russian President"), which must be none;
  3. the share of names (rdfs:label and skos:altLabel values) that belong to
     more than one entity, before and after the links, for all entities and
     for people.

Plain text processing of N-Quads; the title and place words come from
lexicon/ as graph/link.cc reads them.

  bench/identity.py CORPUS.nq LINKS.nq [LEXICON_DIR] [--person "First Last"]...
"""
import collections
import re
import sys
import unicodedata

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
MENTIONS = "http://schema.org/mentions"
SAME_AS = "http://www.w3.org/2002/07/owl#sameAs"
PERSON = "http://schema.org/Person"

# The acceptance list of the identity issue (a measurement, not a rule).
DEFAULT_PEOPLE = ["Donald Trump", "Joe Biden", "Barack Obama", "Boris Johnson", "Vladimir Putin",
                  "Emmanuel Macron", "Volodymyr Zelensky", "Carrie Lam", "Bernie Sanders",
                  "Mike Pompeo", "Narendra Modi", "Nancy Pelosi"]

QUAD = re.compile(r'^(<[^>]*>|_:\S+) <([^>]*)> (<[^>]*>|"(?:[^"\\]|\\.)*"(?:\^\^<[^>]*>|@\S+)?|_:\S+) (<[^>]*>)? ?\.$')


def unescape(lit):
    body = lit[1:lit.rindex('"')]
    return re.sub(r'\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)',
                  lambda m: chr(int(m.group(1)[1:], 16)) if m.group(1)[0] in "uU" and len(m.group(1)) > 1
                  else {"n": "\n", "r": "\r", "t": "\t"}.get(m.group(1), m.group(1)), body)


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def quads(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = QUAD.match(line.strip())
            if m:
                s, p, o, g = m.groups()
                yield s.strip("<>"), p, o, (g or "").strip("<>")


def lexicon_words(d):
    role, place = set(), set()
    modifiers = {"former", "then", "late", "acting", "interim", "outgoing", "incoming", "ex",
                 "emeritus", "retired", "the", "of", "for"}

    def rows(name):
        with open(f"{d}/{name}", encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\n\r")
                if line and not line.startswith("#"):
                    yield line.split("\t")

    for r in rows("titles.tsv"):
        role.update(fold(w) for w in r[0].split())
    for r in rows("honorifics.tsv"):
        role.update(fold(w) for w in r[0].split())
    for r in rows("countries.tsv"):
        for col in r[:4]:
            for name in col.split("|"):
                place.update(fold(w) for w in name.split())
    for name in ("cities.tsv", "regions.tsv", "groups.tsv"):
        for r in rows(name):
            place.update(fold(w) for w in r[0].split())
    return role, place, modifiers


def edit_distance(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def main(argv):
    people = []
    args = []
    i = 0
    while i < len(argv):
        if argv[i] == "--person":
            people.append(argv[i + 1])
            i += 2
        else:
            args.append(argv[i])
            i += 1
    if len(args) < 2:
        sys.exit(__doc__)
    corpus, links = args[0], args[1]
    lexdir = args[2] if len(args) > 2 else "lexicon"
    people = people or DEFAULT_PEOPLE
    role, place, modifiers = lexicon_words(lexdir)

    mentioned = collections.defaultdict(set)         # entity -> graphs
    types = collections.defaultdict(collections.Counter)
    names = collections.defaultdict(set)              # entity -> labels and altLabels
    labels = collections.defaultdict(set)             # entity -> rdfs:label values
    facts = []
    for s, p, o, g in quads(corpus):
        facts.append((s, p, o, g))
        if p == MENTIONS:
            mentioned[o.strip("<>")].add(g)
    for s, p, o, g in facts:
        if s not in mentioned:
            continue
        if p == RDF_TYPE:
            types[s][o.strip("<>")] += 1
        elif p in (LABEL, ALT) and o.startswith('"'):
            names[s].add(unescape(o))
            if p == LABEL:
                labels[s].add(unescape(o))
    del facts

    same = {}
    link_label = {}
    for s, p, o, g in quads(links):
        if p == SAME_AS:
            same[s] = o.strip("<>")
        elif p == LABEL:
            link_label[s] = unescape(o)

    def canonical(e):
        seen = set()
        while e in same and e not in seen:
            seen.add(e)
            e = same[e]
        return e

    def title_only(name):
        words = [fold(w).strip(",;:") for w in name.split()]
        return bool(words) and all(w in role or w in place or w in modifiers or
                                   (w.endswith("s") and w[:-1] in role) for w in words)

    def groups(linked):
        g = collections.defaultdict(set)
        for e in mentioned:
            g[canonical(e) if linked else e].add(e)
        return g

    def group_names(c, members, only_labels=False):
        out = set()
        for e in members:
            out |= labels[e] if only_labels else names[e]
        if c in link_label:
            out.add(link_label[c])
        return out

    def is_person(members):
        votes = collections.Counter()
        for e in members:
            votes.update(types[e])
        return bool(votes) and votes.most_common(1)[0][0] == PERSON

    def refers(name, first, last):
        words = [fold(w).strip(",;:") for w in name.split()]
        if not words:
            return False
        lw, lf = words[-1], fold(last)
        limit = 2 if len(lf) >= 9 else 1 if len(lf) >= 5 else 0
        if lw != lf and (lw[:1] != lf[:1] or edit_distance(lw, lf) > limit or lw == lf + "s"):
            return False  # "Trumps" is a family
        for w in words[:-1]:
            if w != fold(first) and w not in role and w not in place and w not in modifiers \
                    and not (w.endswith("s") and w[:-1] in role):
                return False
        return True

    print("1. distinct person entities per person: that person (after links) [before links];"
          " any person whose label has the surname as a word (after links)")
    ok = 0
    for person in people:
        first, last = person.split()[0], person.split()[-1]
        counts = []
        for linked in (True, False):
            found = []
            for c, members in groups(linked).items():
                if not is_person(members):
                    continue
                if any(refers(n, first, last) for n in group_names(c, members, only_labels=True)):
                    found.append(c.rsplit("/", 1)[-1])
            counts.append(sorted(found))
        raw = sorted(c.rsplit("/", 1)[-1] for c, members in groups(True).items()
                     if is_person(members) and
                     any(fold(last) in [re.sub(r"'s$", "", fold(w).strip(",;:")) for w in n.split()]
                         for n in group_names(c, members, only_labels=True)))
        ok += len(counts[0]) == 1
        print(f"   {person:22s} {len(counts[0])} [{len(counts[1])}]  {' '.join(counts[0]):24s}"
              f" {len(raw)}: {' '.join(raw)}")
    print(f"   one entity: {ok} of {len(people)}")

    bad = [(v, c) for v, c in same.items()
           if any(title_only(n) for n in labels[v] | labels[c] | ({link_label[c]} if c in link_label else set()))]
    print(f"2. links involving a title alone: {len(bad)} of {len(same)} links")
    for v, c in bad[:10]:
        print(f"   {v} -> {c}")

    print("3. names belonging to more than one entity")
    for linked in (False, True):
        g = groups(linked)
        owners = collections.defaultdict(set)
        person_names = set()
        for c, members in g.items():
            person = is_person(members)
            for n in group_names(c, members):
                owners[n].add(c)
                if person:
                    person_names.add(n)
        multi = [n for n in owners if len(owners[n]) > 1]
        pmulti = [n for n in person_names if len(owners[n]) > 1]
        tag = "after links " if linked else "before links"
        print(f"   {tag}: all {len(multi)}/{len(owners)} = {100 * len(multi) / len(owners):.2f}%"
              f"   people {len(pmulti)}/{len(person_names)} = {100 * len(pmulti) / max(1, len(person_names)):.2f}%"
              f"   entities {len(g)}")
        if linked and "-v" in argv:
            for n in sorted(multi, key=lambda n: (-len(owners[n]), n)):
                print(f"     {n}: " + " ".join(sorted(o.rsplit('/', 1)[-1] for o in owners[n])))


if __name__ == "__main__":
    main(sys.argv[1:])
