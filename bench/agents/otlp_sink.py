#!/usr/bin/env python3
"""A tiny OTLP/HTTP sink for bench/agents/run.sh: accepts POSTs (http/protobuf) on loopback,
answers 200 with an empty ExportMetricsServiceResponse, and counts requests and bytes.
usage: otlp_sink.py PORT COUNTS_FILE"""
import http.server
import sys

port, counts_file = int(sys.argv[1]), sys.argv[2]
stats = {}


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        n, size = stats.get(self.path, (0, 0))
        stats[self.path] = (n + 1, size + len(body))
        self.send_response(200)
        self.send_header("Content-Type", "application/x-protobuf")
        self.send_header("Content-Length", "0")
        self.end_headers()
        with open(counts_file, "w") as out:
            for path, (count, total) in sorted(stats.items()):
                out.write(f"{path}\t{count}\t{total}\n")

    def log_message(self, *args):
        pass


http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
