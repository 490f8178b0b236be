#!/usr/bin/env python3
"""Reads bench/jmx/run.sh's output directory and prints the side-by-side table (Markdown)."""
import glob, gzip, json, math, os, statistics, sys

out, seconds = sys.argv[1], int(sys.argv[2])
INCREMENT = 5 * 1024          # Firehose bills each record rounded up to 5 KB
PER_RECORD = 60               # interval=1s, flush=60s: the agent packs a flush's samples into one record

def cpu(d):
    values = {}
    for line in open(os.path.join(d, "out.txt")):
        if line.startswith("cpu "):
            _, group, ns = line.split()
            values[group] = int(ns)
    return values

def samples(d):
    lines = []
    for f in sorted(glob.glob(os.path.join(d, "data", "**", "*.json.gz"), recursive=True)):
        with gzip.open(f, "rt") as fh:
            lines += [l.rstrip("\n") for l in fh if l.strip()]
    return lines

def billed(sizes):
    total = 0
    for i in range(0, len(sizes), PER_RECORD):
        total += math.ceil(sum(sizes[i:i + PER_RECORD]) / INCREMENT) * INCREMENT
    return total / len(sizes)

rows = {}
for d in sorted(glob.glob(os.path.join(out, "*-*"))):
    if not os.path.isdir(d) or not os.path.exists(os.path.join(d, "out.txt")):
        continue
    config = os.path.basename(d).rsplit("-", 1)[0]
    c = cpu(d)
    r = rows.setdefault(config, {"agent_ms": [], "process_ms_s": [], "reads": [], "sizes": [], "app": []})
    r["process_ms_s"].append(c.get("process", 0) / 1e6 / seconds)
    if config in ("rox", "roxoff"):
        lines = samples(d)
        agent = sum(v for k, v in c.items() if k.startswith("roxxane-"))
        r["agent_ms"].append(agent / 1e6 / max(1, len(lines)))
        r["jmx_ms"] = r.get("jmx_ms", []) + [c.get("roxxane-jmx", 0) / 1e6 / max(1, len(lines))]
        r["reads"].append(len(lines))
        for line in lines:
            sample = json.loads(line)
            app = sample.get("app_metrics")
            extra = 0
            if app is not None:
                extra += len('"app_metrics":' + json.dumps(app, separators=(",", ":")) + ",")
            if "agent_jmx_skipped" in sample:
                extra += len('"agent_jmx_skipped":' + str(sample["agent_jmx_skipped"]) + ",")
            r["sizes"].append(len(line.encode()) + 1)
            r["app"].append(extra)
    elif config == "jmx":
        scrapes = int(open(os.path.join(d, "scrapes.txt")).read().strip() or 0)
        r["agent_ms"].append(c.get("jmx_exporter-http", 0) / 1e6 / max(1, scrapes))
        r["reads"].append(scrapes)

base = statistics.median(rows["none"]["process_ms_s"]) if "none" in rows else 0
print("| configuration | agent threads' CPU per sample or scrape | of which reading MBeans | whole JVM CPU over no agent | samples or scrapes |")
print("| --- | ---: | ---: | ---: | ---: |")
names = {"none": "no agent", "roxoff": "Roxxane, jmx_sets=off", "rox": "Roxxane, built-in sets (tomcat, hikaricp)",
         "jmx": "jmx_exporter 1.0.1, the same MBeans, curl every 1 s"}
for config in ("none", "roxoff", "rox", "jmx"):
    if config not in rows:
        continue
    r = rows[config]
    agent = "%.3f ms" % statistics.median(r["agent_ms"]) if r["agent_ms"] else "–"
    jmx = "%.3f ms" % statistics.median(r["jmx_ms"]) if r.get("jmx_ms") else ("all" if config == "jmx" else "–")
    over = statistics.median(r["process_ms_s"]) - base
    print("| %s | %s | %s | %+.2f ms/s | %s |" % (names[config], agent, jmx, over, "/".join(map(str, r["reads"])) or "–"))
if "rox" in rows and rows["rox"]["sizes"]:
    r = rows["rox"]
    sizes, app = r["sizes"], r["app"]
    without = [s - a for s, a in zip(sizes, app)]
    print()
    print("| bytes per sample (interval=1s) | JSON | Firehose billed, %d samples per record | " % PER_RECORD)
    print("| --- | ---: | ---: |")
    print("| sample without app_metrics | %.0f B | %.0f B |" % (statistics.mean(without), billed(without)))
    print("| sample with app_metrics (tomcat + hikaricp) | %.0f B | %.0f B |" % (statistics.mean(sizes), billed(sizes)))
    print("| added by the application MBeans | **%.0f B** | **%.0f B** |" % (statistics.mean(app), billed(sizes) - billed(without)))
