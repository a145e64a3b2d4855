#!/usr/bin/python3
"""Runs a SPARQL SELECT at an endpoint and prints the rows as TSV (plain
values, unbound = empty, tabs and newlines as spaces), header first.
Usage: sparql_select.py ENDPOINT QUERY_FILE"""
import json
import sys
import urllib.parse
import urllib.request

endpoint, query_file = sys.argv[1], sys.argv[2]
query = open(query_file, encoding="utf-8").read()
data = urllib.parse.urlencode({"query": query}).encode()
request = urllib.request.Request(
    endpoint, data=data, headers={"Accept": "application/sparql-results+json"})
with urllib.request.urlopen(request, timeout=120) as answer:
    results = json.load(answer)
names = results["head"]["vars"]


def clean(value):
    return " ".join(value.replace("\t", " ").replace("\r", " ").split("\n"))


print("\t".join(names))
for row in results["results"]["bindings"]:
    print("\t".join(clean(row[n]["value"]) if n in row else "" for n in names))
