#!/usr/bin/env python3
"""Monthly Firehose bill of a fleet of JVMs, from measured sample sizes (bench/pipeline/run.sh).

usage: fleet_cost.py SIZES_TXT DAY_JSON
  SIZES_TXT  key=value output of ParquetSize.java
  DAY_JSON   the day of samples it wrote (one JSON line per sample), packed here into records
Environment: FLEET (1000), INTERVAL (from SIZES_TXT), FLUSH (60: the agent's default flush),
  DAYS (30), SERVICES (50: distinct service names, i.e. dynamic partitions per hour),
  BUFFER_SECONDS (300: the provisioner's default Firehose buffering interval).
Prints Markdown with the arithmetic.
"""
import math
import os
import sys

# List prices, US East (N. Virginia), looked up on 2026-12-03 (see docs/BENCHMARKS.md,
# "Pipeline figures", for the sources and their caveats).
PRICES_DATE = "2026-12-03"
INGEST_TIERS = [(500 * 1024, 0.029)]  # first 500 TB/month: $0.029 per GB (billed in 5 KB steps)
CONVERSION_PER_GB = 0.018              # JSON -> Parquet/ORC, per GB ingested (5 KB steps)
PARTITIONING_PER_GB = 0.020            # dynamic partitioning, per GB delivered to S3
PARTITIONING_PER_1000_OBJECTS = 0.005  # dynamic partitioning, per 1,000 S3 objects delivered
INCREMENT = 5 * 1024                   # Firehose rounds each record up to the next 5 KB (5,120 B)
MAX_RECORD = 1000 * 1024               # agent's cap: <= 1,000 KiB and <= 500 samples per record
MAX_SAMPLES_PER_RECORD = 500
GB = 1024 ** 3                         # AWS bills "GB" of 2^30 bytes

sizes = dict(line.strip().split("=", 1) for line in open(sys.argv[1]) if "=" in line)
lines = [l.rstrip("\n").encode() for l in open(sys.argv[2], encoding="utf-8")]
FLEET = int(os.environ.get("FLEET", 1000))
INTERVAL = int(os.environ.get("INTERVAL", sizes["interval_s"]))
FLUSH = int(os.environ.get("FLUSH", 60))
DAYS = int(os.environ.get("DAYS", 30))
SERVICES = int(os.environ.get("SERVICES", 50))
BUFFER = int(os.environ.get("BUFFER_SECONDS", 300))


def billed(record_bytes):
    return math.ceil(record_bytes / INCREMENT) * INCREMENT


# aggregated: the samples of one flush, newline-delimited, in as few records as the limits allow
per_flush = max(1, FLUSH // INTERVAL)
agg_billed = 0
agg_records = 0
for i in range(0, len(lines), per_flush):
    group = lines[i:i + per_flush]
    record, count = 0, 0
    for line in group:
        add = len(line) + (1 if count else 0)
        if count == MAX_SAMPLES_PER_RECORD or record + add > MAX_RECORD:
            agg_billed += billed(record)
            agg_records += 1
            record, count, add = 0, 0, len(line)
        record += add
        count += 1
    agg_billed += billed(record)
    agg_records += 1
one_billed = sum(billed(len(l)) for l in lines)
raw = sum(len(l) + 1 for l in lines)
n = len(lines)
per_sample_raw = raw / n
per_sample_agg = agg_billed / n
per_sample_one = one_billed / n

samples_month = FLEET * DAYS * 86400 // INTERVAL


def ingest_cost(gb):
    cost, left = 0.0, gb
    for tier_gb, price in INGEST_TIERS:
        take = min(left, tier_gb)
        cost += take * price
        left -= take
    if left > 0:
        raise SystemExit("volume beyond the first tier: add the next tiers")
    return cost


json_b = int(sizes["json_bytes"])
print(f"### Sizes of one JVM-day at a {INTERVAL} s interval ({sizes['samples_per_day']} samples; "
      f"{sizes['distinct_samples_in_day']} distinct recorded samples; {sizes['table_columns']} table columns; "
      f"DuckDB {sizes['duckdb_version']})\n")
print("| format | bytes | bytes per sample | vs JSON lines |")
print("| --- | ---: | ---: | ---: |")
rows = [
    ("JSON lines (what the agent sends)", json_b),
    ("gzip JSON lines (the file sink's format; gzip level 6, one file)", int(sizes["json_gzip_bytes"])),
    ("Parquet, Snappy, one file for the day", int(sizes["parquet_snappy_bytes"])),
    ("Parquet, ZSTD, one file for the day", int(sizes["parquet_zstd_bytes"])),
    (f"Parquet, Snappy, {sizes['parquet_snappy_5min_files']} files of 5 minutes (one JVM per object)",
     int(sizes["parquet_snappy_5min_bytes"])),
]
for name, b in rows:
    print(f"| {name} | {b:,} | {b / int(sizes['samples_per_day']):,.0f} | {b / json_b:.3f} |")
print()
rec_n, rec_json = int(sizes["recorded_samples"]), int(sizes["recorded_json_bytes"])
print(f"The day repeats the {rec_n} recorded samples about {int(sizes['samples_per_day']) / rec_n:.0f} times, "
      "which flatters a one-file Parquet (its dictionaries see each value ~10 times); the 5-minute files "
      "(30 distinct rows each) are not affected. The recorded samples alone, each once:\n")
print("| format | bytes | bytes per sample | vs JSON lines |")
print("| --- | ---: | ---: | ---: |")
for name, key in (("JSON lines", "recorded_json_bytes"), ("gzip JSON lines", "recorded_json_gzip_bytes"),
                  ("Parquet, Snappy", "recorded_parquet_snappy_bytes"), ("Parquet, ZSTD", "recorded_parquet_zstd_bytes")):
    b = int(sizes[key])
    print(f"| {name}, {rec_n} samples in one file | {b:,} | {b / rec_n:,.0f} | {b / rec_json:.3f} |")
print()

print(f"### Firehose billed bytes per sample at interval={INTERVAL}s, flush={FLUSH}s ({per_flush} samples per flush)\n")
print("| | bytes per sample |")
print("| --- | ---: |")
print(f"| raw JSON line (+ newline) | {per_sample_raw:,.0f} |")
print(f"| billed, aggregated ({agg_records} records for {n} samples) | {per_sample_agg:,.0f} |")
print(f"| billed, one record per sample | {per_sample_one:,.0f} |")
print()

print(f"### Fleet of {FLEET:,} JVMs at interval={INTERVAL}s, {DAYS}-day month, list prices US East (N. Virginia) of {PRICES_DATE}\n")
print(f"- samples per month: {FLEET:,} × {DAYS} × 86,400 s / {INTERVAL} s = **{samples_month:,}**")
agg_gb = samples_month * per_sample_agg / GB
one_gb = samples_month * per_sample_one / GB
raw_gb = samples_month * per_sample_raw / GB
print(f"- billed ingestion, aggregated: {samples_month:,} × {per_sample_agg:,.0f} B = **{agg_gb:,.1f} GB**; "
      f"one record per sample: {samples_month:,} × {per_sample_one:,.0f} B = **{one_gb:,.1f} GB**; "
      f"raw JSON delivered: {samples_month:,} × {per_sample_raw:,.0f} B = {raw_gb:,.1f} GB (GB = 2^30 B)")
objects = SERVICES * DAYS * 86400 // BUFFER
print(f"- S3 objects with dynamic partitioning by service and hour: {SERVICES} services × one object per "
      f"{BUFFER} s buffer = {SERVICES} × {DAYS} × 86,400 / {BUFFER} = {objects:,} objects "
      f"(each service's buffer fills far below the 64 MiB size hint: "
      f"{FLEET / SERVICES * per_sample_raw / INTERVAL * BUFFER / 2**20:,.2f} MiB per {BUFFER} s)")
print()
print("| item | price | aggregated | one record per sample |")
print("| --- | --- | ---: | ---: |")
lines_out = []
ia, io_ = ingest_cost(agg_gb), ingest_cost(one_gb)
lines_out.append(("ingestion (Direct PUT, billed GB)", f"${INGEST_TIERS[0][1]}/GB (first 500 TB)", ia, io_))
ca, co = agg_gb * CONVERSION_PER_GB, one_gb * CONVERSION_PER_GB
lines_out.append(("format conversion to Parquet (billed GB)", f"${CONVERSION_PER_GB}/GB", ca, co))
pa = pb = raw_gb * PARTITIONING_PER_GB
lines_out.append(("dynamic partitioning (GB delivered; raw JSON taken)", f"${PARTITIONING_PER_GB}/GB", pa, pb))
oa = ob = objects / 1000 * PARTITIONING_PER_1000_OBJECTS
lines_out.append(("dynamic partitioning (S3 objects)", f"${PARTITIONING_PER_1000_OBJECTS}/1,000 objects", oa, ob))
for name, price, a, b in lines_out:
    print(f"| {name} | {price} | ${a:,.2f} | ${b:,.2f} |")
ta, tb = sum(x[2] for x in lines_out), sum(x[3] for x in lines_out)
print(f"| **total per month** | | **${ta:,.2f}** | **${tb:,.2f}** |")
print(f"| per JVM per month | | ${ta / FLEET:,.4f} | ${tb / FLEET:,.4f} |")
print()
print(f"Arithmetic: ingestion {agg_gb:,.1f} GB × ${INGEST_TIERS[0][1]} = ${ia:,.2f} (vs {one_gb:,.1f} × "
      f"${INGEST_TIERS[0][1]} = ${io_:,.2f}); conversion {agg_gb:,.1f} × ${CONVERSION_PER_GB} = ${ca:,.2f} "
      f"(vs ${co:,.2f}); partitioning {raw_gb:,.1f} × ${PARTITIONING_PER_GB} = ${pa:,.2f} + "
      f"{objects:,} / 1,000 × ${PARTITIONING_PER_1000_OBJECTS} = ${oa:,.2f}.")
