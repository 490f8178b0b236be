#!/usr/bin/env python3
"""Markdown tables from the raw output of bench/agents/run.sh.  usage: report.py OUT_DIR"""
import glob
import os
import re
import statistics
import sys

OUT = sys.argv[1]
NAMES = {
    "none": "no agent",
    "roxfile": "Roxxane, file sink",
    "roxfh": "Roxxane, Firehose sink",
    "prevfile": "Roxxane (PREV_JAR), file sink",
    "prevfh": "Roxxane (PREV_JAR), Firehose sink",
    "roxfh-imds": "Roxxane, Firehose sink, IMDS credentials",
    "roxfh-irsa": "Roxxane, Firehose sink, web identity (IRSA) credentials",
    "otel": "OpenTelemetry 2.33.1",
    "jmx": "jmx_exporter 1.0.1",
}
AGENTS = ["roxfile", "roxfh", "roxfh-imds", "roxfh-irsa", "prevfile", "prevfh", "otel", "jmx"]


def med(values):
    return statistics.median(values) if values else float("nan")


def read_tsv(name):
    path = os.path.join(OUT, name)
    if not os.path.exists(path):
        return []
    with open(path) as f:
        header = f.readline().rstrip("\n").split("\t")
        return [dict(zip(header, line.rstrip("\n").split("\t"))) for line in f if line.strip()]


def configs_of(rows):
    seen = []
    for row in rows:
        if row["config"] not in seen:
            seen.append(row["config"])
    return seen


def cell(values, fmt):
    if not values:
        return "-"
    return f"{fmt.format(med(values))} ({fmt.format(min(values))}–{fmt.format(max(values))})"


def ratio_added(values, base, fmt):
    if not values or not base:
        return "-", "-"
    m, b = med(values), med(base)
    return (f"{m / b:.2f}×" if b else "-"), (("+" if m >= b else "") + fmt.format(m - b))


def lowest(per_config, higher_is_worse=True):
    """Which of the three agents (Roxxane counted once per sink) has the lowest median."""
    return min((c for c in AGENTS if per_config.get(c)), key=lambda c: med(per_config[c]))


def table(title, rows_by_measure, configs, unit_fmt):
    print(f"**{title}** (median (min–max); ratio and added: medians against no agent)\n")
    print("| measure | " + " | ".join(NAMES.get(c, c) for c in configs) + " |")
    print("| --- |" + " ---: |" * len(configs))
    for measure, per_config, fmt in rows_by_measure:
        print(f"| {measure} | " + " | ".join(cell(per_config.get(c, []), fmt) for c in configs) + " |")
        base = per_config.get("none")
        if base:
            ratios, added = zip(*(ratio_added(per_config.get(c, []), base, fmt) for c in configs))
            print(f"| {measure}: ratio | " + " | ".join(ratios) + " |")
            print(f"| {measure}: added | " + " | ".join(added) + " |")
    print()


def goal_lines(rows_by_measure):
    for measure, per_config, _ in rows_by_measure:
        present = [c for c in AGENTS if per_config.get(c)]
        if not present or "none" not in per_config:
            continue
        order = sorted(present, key=lambda c: med(per_config[c]))
        base = med(per_config["none"])
        print(f"- {measure}: lowest to highest added: "
              + ", ".join(f"{NAMES[c]} {med(per_config[c]) - base:+.3g}" for c in order))
    print()


# ---------------------------------------------------------------- environment
env = os.path.join(OUT, "env.txt")
if os.path.exists(env):
    print("```")
    print(open(env).read().rstrip())
    print("```\n")

# ---------------------------------------------------------------- 1. start-up
rows = read_tsv("startup.tsv")
if rows:
    configs = configs_of(rows)
    by = lambda key: {c: [float(r[key]) for r in rows if r["config"] == c] for c in configs}
    wall = by("wall_s")
    cpu = {c: [float(r["user_s"]) + float(r["sys_s"]) for r in rows if r["config"] == c] for c in configs}
    rss = {c: [int(r["maxrss_kb"]) / 1024 for r in rows if r["config"] == c] for c in configs}
    loads = [float(r["load1"]) for r in rows]
    print(f"### 1. Start-up: hello-world JVM, {len(wall[configs[0]])} runs each, alternating "
          f"(load average 1 min during the runs: {min(loads):.2f}–{max(loads):.2f})\n")
    measures = [("wall, s", wall, "{:.3f}"), ("CPU user+sys, s", cpu, "{:.2f}"), ("peak RSS, MB", rss, "{:.0f}")]
    table("Start-up", measures, configs, None)
    goal_lines(measures)

# ---------------------------------------------------------------- 2. steady state
rows = read_tsv("steady.tsv")
thread_rows = {}
if rows:
    configs = configs_of(rows)
    cpu = {c: [float(r["user_s"]) + float(r["sys_s"]) for r in rows if r["config"] == c] for c in configs}
    rss = {c: [int(r["maxrss_kb"]) / 1024 for r in rows if r["config"] == c] for c in configs}
    wall = {c: [float(r["wall_s"]) for r in rows if r["config"] == c] for c in configs}
    loads = [float(r[k]) for r in rows for k in ("load1_start", "load1_end")]
    print(f"### 2. Steady state: light workload, interval 1 s, {len(cpu[configs[0]])} runs each, alternating "
          f"(load average 1 min at start/end of the runs: {min(loads):.2f}–{max(loads):.2f})\n")
    measures = [("CPU user+sys, s", cpu, "{:.2f}"), ("peak RSS, MB", rss, "{:.0f}"), ("wall, s", wall, "{:.2f}")]
    table("Steady state, whole JVM (GNU time)", measures, configs, None)
    goal_lines(measures[:2])

    # per thread: the last snapshot of each run
    def norm(name):
        return re.sub(r"[#\-]?\d+$", "", name).strip() or name

    snapshots = {}  # (cfg, run) -> list of (elapsed_ms, epoch_ms, tid, name, ns)
    for r in rows:
        path = os.path.join(OUT, "steady", f"{r['config']}-{r['run']}", "threads.tsv")
        if os.path.exists(path):
            snap = []
            for line in open(path):
                e, now, tid, name, ns = line.rstrip("\n").split("\t")
                snap.append((int(e), int(now), int(tid), name, int(ns)))
            snapshots[(r["config"], int(r["run"]))] = snap
    none_names = {norm(s[3]) for (c, _), snap in snapshots.items() if c == "none" for s in snap}

    def last(snap):
        t = max(s[0] for s in snap)
        return t, {s[2]: s for s in snap if s[0] == t}

    def groups(snap):
        t, threads = last(snap)
        g = {"agent": 0, "JIT": 0, "GC": 0, "workload": 0, "other JVM": 0}
        names = {}
        for s in threads.values():
            n = norm(s[3])
            if n not in none_names:
                key = "agent"
                names[n] = names.get(n, 0) + s[4]
            elif "CompilerThre" in n:
                key = "JIT"
            elif n.startswith("GC Thread") or n.startswith("G1 "):
                key = "GC"
            elif n.startswith("bench-worker") or n == "main":
                key = "workload"
            else:
                key = "other JVM"
            g[key] += s[4]
        return t, g, names, len(threads)

    # whole-JVM CPU after warm-up: all threads' on-CPU time between the first snapshot at >= 30 s and the last
    late_cpu = {}
    for (c, run), snap in sorted(snapshots.items()):
        times = sorted({s[0] for s in snap})
        after = [t for t in times if t >= 30000]
        if len(after) >= 2:
            a, b = after[0], times[-1]
            late_cpu.setdefault(c, []).append(
                (sum(s[4] for s in snap if s[0] == b) - sum(s[4] for s in snap if s[0] == a)) / 1e6 / ((b - a) / 1000))
    if late_cpu:
        print("**After warm-up**: CPU of all the JVM's threads from the first snapshot at ≥ 30 s to the last "
              "(schedstat), in ms of CPU per second of wall time:\n")
        measures_late = [("CPU after warm-up, ms/s", late_cpu, "{:.1f}")]
        table("Steady state after warm-up", measures_late, configs, None)
        goal_lines(measures_late)

    # what each agent sent during the run
    sent = []
    for c in configs:
        vals = []
        for r in rows:
            if r["config"] != c:
                continue
            d = os.path.join(OUT, "steady", f"{c}-{r['run']}")
            if c == "otel" and os.path.exists(os.path.join(d, "otlp-after")):
                def counts(f):
                    return {l.split("\t")[0]: (int(l.split("\t")[1]), int(l.split("\t")[2]))
                            for l in open(f).read().split("\n") if l}
                a, b = counts(os.path.join(d, "otlp-before")), counts(os.path.join(d, "otlp-after"))
                n = sum(v[0] for v in b.values()) - sum(v[0] for v in a.values())
                byt = sum(v[1] for v in b.values()) - sum(v[1] for v in a.values())
                vals.append(f"{n} OTLP requests, {byt / max(n, 1):,.0f} B each")
            elif c == "jmx" and os.path.exists(os.path.join(d, "scrapes")):
                vals.append(f"{len(open(os.path.join(d, 'scrapes')).read().split())} scrapes")
            elif (c.startswith("roxfh") or c == "prevfh") and os.path.exists(os.path.join(d, "s3-objects")):
                objs = [int(x) for x in open(os.path.join(d, "s3-objects")).read().split()]
                vals.append(f"{len(objs)} PutRecordBatch deliveries (S3 objects), {sum(objs):,} B")
            elif c in ("roxfile", "prevfile") and os.path.exists(os.path.join(d, "ts")):
                vals.append(f"{len(open(os.path.join(d, 'ts')).read().split())} samples written")
        if vals:
            sent.append(f"- {NAMES.get(c, c)}: " + "; ".join(vals))
    if sent:
        print("What the agents sent per run (checks that each really exported):\n")
        print("\n".join(sent))
        print()

    per = {}
    agent_names = {}
    for (c, run), snap in sorted(snapshots.items()):
        if not snap:
            continue
        t, g, names, count = groups(snap)
        for k, v in g.items():
            per.setdefault(k, {}).setdefault(c, []).append(v / 1e9)
        per.setdefault("threads at the end", {}).setdefault(c, []).append(count)
        for n, v in names.items():
            agent_names.setdefault(c, {}).setdefault(n, []).append(v / 1e6)
    # the same window, by thread group
    late_groups = {}
    for (c, run), snap in sorted(snapshots.items()):
        times = sorted({s[0] for s in snap})
        after = [t for t in times if t >= 30000]
        if len(after) < 2:
            continue
        a, b = after[0], times[-1]
        ga = groups([s for s in snap if s[0] <= a])[1]
        gb = groups(snap)[1]
        for k in gb:
            late_groups.setdefault(k, {}).setdefault(c, []).append((gb[k] - ga.get(k, 0)) / 1e6 / ((b - a) / 1000))
    if late_groups:
        measures_lg = [(f"{k}, ms/s", v, "{:.1f}") for k, v in late_groups.items()]
        table("After warm-up, by thread group (ms of CPU per second, same window)", measures_lg, configs, None)

    if per:
        steady_t = max(last(s)[0] for s in snapshots.values() if s) / 1000
        print(f"**CPU by thread group** after {steady_t:.0f} s "
              "(on-CPU time from /proc/PID/task/*/schedstat, seconds; 'agent' = threads whose names do not occur "
              "without an agent; JIT and GC work the agents cause shows in those rows)\n")
        measures = [(f"{k}, s" if k != "threads at the end" else k, v, "{:.3f}" if k != "threads at the end" else "{:.0f}")
                    for k, v in per.items()]
        table("Threads", measures, configs, None)
        print("Agent threads (median CPU ms over the runs, by name):\n")
        for c in configs:
            if c in agent_names:
                items = sorted(agent_names[c].items(), key=lambda kv: -med(kv[1]))
                print(f"- {NAMES.get(c, c)}: " + ", ".join(f"`{n}` {med(v):.0f}" for n, v in items))
        print()

    # Roxxane: per sample
    for c in ("roxfile", "roxfh", "roxfh-imds", "roxfh-irsa", "prevfile", "prevfh"):
        runs = sorted(run for (cc, run) in snapshots if cc == c)
        if not runs:
            continue
        totals = {"collector": [], "shipper": [], "all agent threads": []}
        windows = {}
        late = {"collector": [], "shipper": []}
        counts = []
        for run in runs:
            snap = snapshots[(c, run)]
            tsfile = os.path.join(OUT, "steady", f"{c}-{run}", "ts")
            ts = sorted(int(x) for x in open(tsfile).read().split()) if os.path.exists(tsfile) else []
            if not ts or not snap:
                continue
            times = sorted({(s[0], s[1]) for s in snap})

            def cpu_at(epoch, prefix):
                return sum(s[4] for s in snap if s[1] == epoch and s[3].startswith(prefix))

            def samples_upto(epoch):
                return sum(1 for x in ts if x <= epoch)

            end_e, end_epoch = times[-1]
            n = samples_upto(end_epoch)
            counts.append(n)
            t, g, names, _ = groups(snap)
            totals["collector"].append(cpu_at(end_epoch, "roxxane-collec") / 1e6 / n)
            totals["shipper"].append(cpu_at(end_epoch, "roxxane-fireho") / 1e6 / n)
            totals["all agent threads"].append(g["agent"] / 1e6 / n)
            prev = None
            for e, epoch in times:
                if prev is not None:
                    dn = samples_upto(epoch) - samples_upto(prev[1])
                    if dn > 0:
                        key = (prev[0] // 1000, e // 1000)
                        windows.setdefault(key, []).append(
                            ((cpu_at(epoch, "roxxane-collec") - cpu_at(prev[1], "roxxane-collec")) / 1e6 / dn,
                             (cpu_at(epoch, "roxxane-fireho") - cpu_at(prev[1], "roxxane-fireho")) / 1e6 / dn))
                prev = (e, epoch)
            after = [(e, epoch) for e, epoch in times if e >= 30000]
            if after and after[0] != times[-1]:
                dn = n - samples_upto(after[0][1])
                if dn > 0:
                    for key, prefix in (("collector", "roxxane-collec"), ("shipper", "roxxane-fireho")):
                        late[key].append((cpu_at(end_epoch, prefix) - cpu_at(after[0][1], prefix)) / 1e6 / dn)
        print(f"**{NAMES[c]}: CPU per sample** ({len(counts)} runs; samples counted from the "
              f"{'file sink output' if c in ('roxfile', 'prevfile') else 'objects moto wrote to S3'} with ts up to the last "
              f"snapshot: {', '.join(map(str, counts))})\n")
        print("| thread(s) | ms per sample, whole run: median (min–max) | ms per sample from 30 s on |")
        print("| --- | ---: | ---: |")
        for key, values in totals.items():
            lv = late.get(key, [])
            print(f"| {key} | {cell(values, '{:.2f}')} | {cell(lv, '{:.2f}') if lv else '-'} |")
        print()
        print("Per 5 s window of the run (ms of thread CPU per sample written in the window, median over runs):\n")
        keys = sorted(windows)
        print("| thread | " + " | ".join(f"{a}–{b} s" for a, b in keys) + " |")
        print("| --- |" + " ---: |" * len(keys))
        print("| collector | " + " | ".join(f"{med([v[0] for v in windows[k]]):.2f}" for k in keys) + " |")
        if c.startswith("roxfh") or c == "prevfh":
            print("| shipper | " + " | ".join(f"{med([v[1] for v in windows[k]]):.2f}" for k in keys) + " |")
        print()

# ---------------------------------------------------------------- 3. NMT
KB = r"(\d+)KB"


def parse_nmt(text):
    out = {}
    m = re.search(r"Total: reserved=" + KB + r", committed=" + KB, text)
    if m:
        out["total"] = int(m.group(2))
    for name, key in (("Java Heap", "heap"), ("Class", "class"), ("Thread", "thread"), ("Code", "code"),
                      ("Symbol", "symbol"), ("Internal", "internal"), ("Other", "other"),
                      ("Arena Chunk", "arena"), ("Module", "module"), ("Shared class space", "cds"),
                      ("Metaspace", "metaspace_nmt"), ("GC", "gc")):
        m = re.search(r"-\s+" + re.escape(name) + r" \(reserved=" + KB + r", committed=" + KB, text)
        if m:
            out[key] = int(m.group(2))
    m = re.search(r"\(classes #(\d+)\)", text)
    if m:
        out["classes"] = int(m.group(1))
    m = re.search(r"\(thread #(\d+)\)", text)
    if m:
        out["threads"] = int(m.group(1))
    m = re.search(r"\(stack: reserved=" + KB + r", committed=" + KB, text)
    if m:
        out["stack"] = int(m.group(2))
    used = re.findall(r"\(\s+used=" + KB + r"\)", text)
    if len(used) >= 2:
        out["meta_used"] = int(used[0]) + int(used[1])
    return out


nmt_dirs = sorted(glob.glob(os.path.join(OUT, "nmt", "*-*")))
if nmt_dirs:
    data = {}
    loads = []
    for d in nmt_dirs:
        c = os.path.basename(d).rsplit("-", 1)[0]
        p = parse_nmt(open(os.path.join(d, "nmt.txt")).read()) if os.path.exists(os.path.join(d, "nmt.txt")) else {}
        heap = open(os.path.join(d, "heap.txt")).read() if os.path.exists(os.path.join(d, "heap.txt")) else ""
        m = re.search(r"total (\d+)K, used (\d+)K", heap)
        if m:
            p["heap_used_after_gc"] = int(m.group(2))
        m = re.search(r"Metaspace\s+used (\d+)K, committed (\d+)K", heap)
        if m:
            p["metaspace_used"] = int(m.group(1))
            p["metaspace_committed"] = int(m.group(2))
        if os.path.exists(os.path.join(d, "load1")):
            loads.append(float(open(os.path.join(d, "load1")).read()))
        if "total" in p and "heap" in p:
            p["nonheap"] = p["total"] - p["heap"]
            p["misc"] = p.get("internal", 0) + p.get("other", 0) + p.get("arena", 0)
            p["nonheap_nogc"] = p["nonheap"] - p.get("gc", 0)
            p["class_all"] = p.get("class", 0) + p.get("metaspace_nmt", 0)
        for k, v in p.items():
            data.setdefault(k, {}).setdefault(c, []).append(v)
    configs = [c for c in ["none"] + AGENTS if any(c in v for v in data.values())]
    print(f"### 3. Inside the JVM after warm-up: native memory tracking, {len(nmt_dirs) // max(1, len(configs))} runs each "
          f"(load average 1 min at the readings: {min(loads, default=0):.2f}–{max(loads, default=0):.2f})\n")
    mb = lambda key: {c: [v / 1024 for v in vals] for c, vals in data.get(key, {}).items()}
    measures = [
        ("NMT total committed, MB", mb("total"), "{:.1f}"),
        ("NMT committed without the Java heap, MB", mb("nonheap"), "{:.1f}"),
        ("Java heap committed, MB", mb("heap"), "{:.1f}"),
        ("Java heap used after GC.run, MB", mb("heap_used_after_gc"), "{:.2f}"),
        ("NMT committed without the Java heap and GC structures, MB", mb("nonheap_nogc"), "{:.1f}"),
        ("GC structures committed (scale with the heap), MB", mb("gc"), "{:.1f}"),
        ("Metaspace + Class (class space) committed, MB", mb("class_all"), "{:.2f}"),
        ("metaspace used (GC.heap_info), MB", mb("metaspace_used"), "{:.2f}"),
        ("loaded classes", data.get("classes", {}), "{:.0f}"),
        ("Thread committed, MB", mb("thread"), "{:.2f}"),
        ("threads", data.get("threads", {}), "{:.0f}"),
        ("Code (JIT code cache) committed, MB", mb("code"), "{:.2f}"),
        ("Symbol committed, MB", mb("symbol"), "{:.2f}"),
        ("Internal + Other + Arena Chunk committed, MB", mb("misc"), "{:.2f}"),
    ]
    table("Native memory tracking", measures, configs, None)
    goal_lines(measures)

otlp = os.path.join(OUT, "otlp-counts.tsv")
if os.path.exists(otlp):
    print("OTLP sink (whole run, all OTel JVMs): " + "; ".join(
        f"{p} {n} requests, {b} bytes" for p, n, b in (l.split("\t") for l in open(otlp).read().split("\n") if l)))
