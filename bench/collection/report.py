#!/usr/bin/env python3
"""Markdown tables from the raw output of bench/collection/cost.sh and cost-paced.sh.

usage: report.py OUT_DIR
  OUT_DIR/whole-process.txt  CollectionCostMain's output      (cost.sh)
  OUT_DIR/jmh.json           JMH's JSON result                 (cost.sh)
  OUT_DIR/paced.txt          PacedCollectionCostMain's output  (cost-paced.sh)
Prints whatever of them is there.
"""
import json
import os
import re
import sys

OUT = sys.argv[1]


def path(name):
    p = os.path.join(OUT, name)
    return p if os.path.exists(p) else None


def ratio(a, b):
    return f"{b / a:.1f}×" if a and b == b and a == a else ""


def whole_process(text):
    rows = []
    m_agent = re.search(r"agent collectors: CPU per sample median (\d+) us, p90 (\d+) us", text)
    m_naive = re.search(r"naive OSHI: +CPU per sample median (\d+) us, p90 (\d+) us", text)
    if m_agent and m_naive:
        a50, a90 = map(float, m_agent.groups())
        n50, n90 = map(float, m_naive.groups())
        rows.append(("whole process, sampling thread, **median**", a50, n50))
        rows.append(("whole process, sampling thread, p90", a90, n90))
    whole = dict(
        (name.strip(), (float(jvm), float(children)))
        for name, jvm, children in re.findall(
            r"^\s+(agent collectors|naive OSHI):\s+JVM\s+(\d+) us \+ children\s+(\d+) us", text, re.M))
    if len(whole) == 2:
        (aj, ac), (nj, nc) = whole["agent collectors"], whole["naive OSHI"]
        rows.append(("whole process, whole JVM + children, mean", aj + ac, nj + nc))
    return rows


def jmh(runs):
    by = {}
    for run in runs:
        name = run["benchmark"].rsplit(".", 1)[1]
        sec = run.get("secondaryMetrics", {})
        ops = sec.get("ops", {}).get("score")
        entry = {"wall": run["primaryMetric"]["score"]}
        if ops:
            entry["thread"] = sec["cpuNanos"]["score"] / ops / 1000
            entry["jvm"] = (sec["jvmCpuNanos"]["score"] + sec["childCpuNanos"]["score"]) / ops / 1000
        entry["alloc"] = sec.get("gc.alloc.rate.norm", {}).get("score")
        by[name] = entry
    a, n = by.get("agentCollectors"), by.get("naiveOshi")
    if not a or not n:
        return []
    rows = []
    if "thread" in a and "thread" in n:
        rows.append(("JMH, sampling thread, mean", a["thread"], n["thread"]))
        rows.append(("JMH, whole JVM + children, mean", a["jvm"], n["jvm"]))
    rows.append(("JMH wall time per op", a["wall"], n["wall"]))
    if a["alloc"] is not None and n["alloc"] is not None:
        rows.append(("JMH allocation per op, KB (`gc.alloc.rate.norm`)", a["alloc"] / 1000, n["alloc"] / 1000))
    return rows


def paced(text):
    lines = text.splitlines()
    head = next((l for l in lines if l.startswith("paced:")), None)
    cols = next((l.split()[1:] for l in lines if l.strip().startswith("samples ")), None)
    if not head or not cols:
        return
    head = head[len("paced: "):].split("; median")[0]
    print(f"CPU per sample, median µs ({head}); the total is timed on odd samples, "
          "the parts on even ones\n")
    print("| | " + " | ".join(f"samples {c}" for c in cols) + " |")
    print("| --- |" + " ---: |" * len(cols))
    for l in lines:
        m = re.match(r"^  (\S.*?)\s{2,}([\d\s]+)$", l)
        if not m or l.strip().startswith("samples"):
            continue
        name, values = m.group(1), m.group(2).split()
        if len(values) != len(cols):
            continue
        name = f"**{name}**" if name.startswith("total") else name
        print(f"| {name} | " + " | ".join(values) + " |")
    print()


rows = []
if path("whole-process.txt"):
    text = open(path("whole-process.txt")).read()
    first = text.splitlines()[0] if text else ""
    print(f"CPU per sample, µs ({first})\n")
    rows += whole_process(text)
if path("jmh.json"):
    rows += jmh(json.load(open(path("jmh.json"))))
if rows:
    print("| CPU per sample, µs | agent collectors | naive OSHI | naive / agent |")
    print("| --- | ---: | ---: | ---: |")
    for name, a, n in rows:
        print(f"| {name} | {a:,.0f} | {n:,.0f} | {ratio(a, n)} |")
    print()
    if path("whole-process.txt"):
        per = re.findall(r"^  (\S+)\s+([\d.]+)\s+([\d.]+)$", open(path("whole-process.txt")).read(), re.M)
        if per:
            print("Per collector, sampling-thread CPU, median µs: "
                  + ", ".join(f"{n} {m}" for n, m, _ in sorted(per, key=lambda r: -float(r[1]))))
            print()
if path("paced.txt"):
    paced(open(path("paced.txt")).read())
