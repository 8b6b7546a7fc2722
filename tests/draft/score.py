#!/usr/bin/python3
"""Scores a tool's values on the gold set (gold.jsonl) and prints the figures as one JSON line.

  score.py --gold gold.jsonl --values-from "PROGRAM ARGS"   runs PROGRAM with the sentences as
                                                            "id<TAB>published<TAB>zone<TAB>sentence" on
                                                            its input; it writes "id<TAB>value" lines
  --min-exact 0.95 --all-gaps                               fail (exit 1) below 95% exact match, or
                                                            when a stated gap ("before P4D") is missed

Exact match: a sentence counts when the tool's values are exactly the expected ones (as multisets),
sentences with no date included (they must yield nothing). Precision and recall are over values.
"""
import argparse
import collections
import json
import re
import shlex
import subprocess
import sys

GAP = re.compile(r"^(before|after) P\d+D$")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", required=True)
    ap.add_argument("--values-from", required=True)
    ap.add_argument("--min-exact", type=float, default=0.0)
    ap.add_argument("--all-gaps", action="store_true")
    ap.add_argument("--name", default="dipcal draft")
    ap.add_argument("--show-misses", action="store_true")
    args = ap.parse_args()
    gold = [json.loads(line) for line in open(args.gold, encoding="utf-8") if line.strip()]
    feed = "".join(f"{g['id']}\t{g['published']}\t{g['zone']}\t{g['sentence']}\n" for g in gold)
    run = subprocess.run(shlex.split(args.values_from), input=feed, capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"{args.values_from} failed ({run.returncode}): {run.stderr}")
    found = collections.defaultdict(list)
    for line in run.stdout.splitlines():
        if line.strip():
            sid, value = line.split("\t", 1)
            found[sid].append(value)
    exact = tp = n_found = n_expected = 0
    gaps = gaps_ok = 0
    misses = []
    for g in gold:
        want = collections.Counter(g["expected"])
        got = collections.Counter(found.get(g["id"], []))
        hit = sum((want & got).values())
        tp += hit
        n_found += sum(got.values())
        n_expected += sum(want.values())
        if want == got:
            exact += 1
        else:
            misses.append((g["id"], g["sentence"], sorted(want.elements()), sorted(got.elements())))
        for v in g["expected"]:
            if GAP.match(v):
                gaps += 1
                gaps_ok += 1 if got[v] > 0 else 0
    result = {
        "tool": args.name,
        "sentences": len(gold),
        "exact_match": round(exact / len(gold), 4),
        "precision": round(tp / n_found, 4) if n_found else 0.0,
        "recall": round(tp / n_expected, 4) if n_expected else 0.0,
        "gap_relations": f"{gaps_ok}/{gaps}",
    }
    print(json.dumps(result))
    if args.show_misses:
        for m in misses:
            print(f"  {m[0]}: {m[1]}\n      expected {m[2]}\n      found    {m[3]}", file=sys.stderr)
    failed = result["exact_match"] < args.min_exact or (args.all_gaps and gaps_ok != gaps)
    if failed:
        sys.exit(f"{args.name}: below the target (exact match {result['exact_match']} < {args.min_exact}, or gaps {gaps_ok}/{gaps})")


main()
