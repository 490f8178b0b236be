#!/usr/bin/env python3
"""Live heap one configuration holds over another, from the class histograms run.sh keeps
(nmt/<config>-<run>/histogram.txt, taken after the full GC), run by run: the total, the JDK's TLS
and crypto objects among it, and the byte arrays.

usage: bench/agents/histogram_diff.py RESULTS_DIR [CONFIG [BASELINE]]   (default: roxfh roxfile)
"""
import glob
import os
import re
import sys

TLS = re.compile(r"(\[L)?(sun\.security|java\.security|javax\.security|javax\.net\.ssl|javax\.crypto|"
                 r"com\.sun\.crypto|java\.math\.BigInteger)")


def histogram(path):
    """class name -> bytes"""
    sizes = {}
    for line in open(path):
        parts = line.split()
        if len(parts) >= 4 and parts[0].endswith(":"):
            sizes[parts[3]] = int(parts[2])
    return sizes


def main():
    out = sys.argv[1]
    config = sys.argv[2] if len(sys.argv) > 2 else "roxfh"
    baseline = sys.argv[3] if len(sys.argv) > 3 else "roxfile"
    print(f"live heap of {config} over {baseline}, bytes: run, total, TLS and crypto objects, byte arrays")
    for path in sorted(glob.glob(os.path.join(out, "nmt", config + "-*", "histogram.txt"))):
        name, run = path.split(os.sep)[-2].rsplit("-", 1)
        if name != config:  # roxfh-* also matches roxfh-imds-*
            continue
        base_path = os.path.join(out, "nmt", f"{baseline}-{run}", "histogram.txt")
        if not os.path.exists(base_path):
            continue
        a, b = histogram(base_path), histogram(path)
        diff = {k: b.get(k, 0) - a.get(k, 0) for k in set(a) | set(b)}
        tls = sum(v for k, v in diff.items() if TLS.match(k))
        print(f"{run}\t{sum(diff.values()):,}\t{tls:,}\t{diff.get('[B', 0):,}")


main()
