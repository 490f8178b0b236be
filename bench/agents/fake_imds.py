#!/usr/bin/env python3
"""A tiny EC2 instance metadata service (IMDSv2) for bench/agents/run.sh's roxfh-imds
configuration: the AWS SDK's default credentials chain finds no keys in the environment or a
profile and gets them here, as on an EC2 instance with an instance profile. Answers the token
PUT, the role listing and the role's credentials (the moto keys, valid for 6 hours); 404 for
anything else (the SDK's extended credentials path falls back to the classic one). Counts the
credential fetches into COUNTS_FILE.
usage: fake_imds.py PORT COUNTS_FILE"""
import datetime
import http.server
import json
import sys

port, counts_file = int(sys.argv[1]), sys.argv[2]
ROLE = "roxxane-bench"
ROLES = "/latest/meta-data/iam/security-credentials/"
fetches = 0


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def answer(self, status, body, content_type="text/plain"):
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_PUT(self):
        if self.path == "/latest/api/token":
            self.answer(200, "bench-imds-token")
        else:
            self.answer(404, "")

    def do_GET(self):
        global fetches
        if self.headers.get("X-aws-ec2-metadata-token") != "bench-imds-token":
            self.answer(401, "")
        elif self.path == ROLES:
            self.answer(200, ROLE)
        elif self.path == ROLES + ROLE:
            now = datetime.datetime.now(datetime.timezone.utc)
            fetches += 1
            with open(counts_file, "w") as out:
                out.write(f"{fetches}\n")
            self.answer(200, json.dumps({
                "Code": "Success", "Type": "AWS-HMAC", "AccessKeyId": "test", "SecretAccessKey": "test",
                "Token": "bench-session-token", "LastUpdated": now.strftime("%Y-%m-%dT%H:%M:%SZ"),
                "Expiration": (now + datetime.timedelta(hours=6)).strftime("%Y-%m-%dT%H:%M:%SZ")}),
                "application/json")
        else:
            self.answer(404, "")

    def log_message(self, *args):
        pass


http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
