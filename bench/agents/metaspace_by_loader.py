#!/usr/bin/env python3
"""Metaspace used by class loader, from the `jcmd PID VM.metaspace show-loaders` output run.sh keeps
(nmt/<config>-<run>/metaspace.txt, after the full GC), one line per run: Roxxane's own loader
(IsolatedClassLoader), the app loader (the workload's classes, and jmx_exporter's, which sit on the
class path), the boot loader (JDK classes outside the CDS archive cost metaspace here; archived ones little),
hidden classes (lambdas, method handles) and reflection accessors, in MB and classes.

usage: bench/agents/metaspace_by_loader.py RESULTS_DIR [CONFIG ...]   (default: every config)
"""
import glob
import os
import re
import sys

CLD = re.compile(r'^\s*\d+: CLD 0x[0-9a-f]+: (.*?), (\d+) class')
USED = re.compile(r"^\s*Both:.*committed,\s+([\d.]+) (bytes|KB|MB) \(\s*[<>]?\s*\d+%\) used")
UNIT = {"bytes": 1 / 1048576, "KB": 1 / 1024, "MB": 1}


def group(description):
    if description.startswith("<hidden class>"):
        return "hidden"
    if "DelegatingClassLoader" in description:
        return "reflection"
    if "IsolatedClassLoader" in description:
        return "roxxane"
    if '"app"' in description:
        return "app"
    if '"<bootstrap>"' in description:
        return "boot"
    return "other"


def read(path):
    totals = {}
    current = None
    for line in open(path):
        m = CLD.match(line)
        if m:
            current = group(m.group(1))
            mb, classes = totals.get(current, (0.0, 0))
            totals[current] = (mb, classes + int(m.group(2)))
            continue
        m = USED.match(line)
        if m and current:
            mb, classes = totals[current]
            totals[current] = (mb + float(m.group(1)) * UNIT[m.group(2)], classes)
            current = None
    return totals


def main():
    out = sys.argv[1]
    configs = sys.argv[2:]
    groups = ["roxxane", "app", "boot", "hidden", "reflection", "other"]
    print("metaspace used, MB (classes): run, " + ", ".join(groups))
    for path in sorted(glob.glob(os.path.join(out, "nmt", "*", "metaspace.txt"))):
        run = path.split(os.sep)[-2]
        if configs and run.rsplit("-", 1)[0] not in configs:
            continue
        totals = read(path)
        cells = [f"{totals[g][0]:.2f} ({totals[g][1]})" if g in totals else "-" for g in groups]
        print(run + "\t" + "\t".join(cells))


main()
