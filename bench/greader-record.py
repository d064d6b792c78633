#!/usr/bin/env python3
"""Record a Google Reader API server's answers to Tidings, for the replay tests.

Runs a loopback proxy in front of an already running server (FreshRSS, Miniflux...) and writes every
exchange Tidings makes through it as data files: NNN.request (method, path and query, form body) and
NNN.response (status line, body). Secrets are replaced before anything is written: the password
(Passwd=), the session token (Auth=/SID= lines, GoogleLogin auth=), the edit token (T= and the
/token answer). See docs/sync-recording.md for the whole procedure.

    bench/greader-record.py --upstream http://127.0.0.1:18473/api/greader.php \
        --out src/test/resources/sync/freshrss --port 18480
"""
import argparse
import http.server
import os
import re
import sys
import threading
import urllib.error
import urllib.request

TOKEN = "alice/RECORDEDTOKEN0000000000000000000000"
EDIT_TOKEN = "RECORDEDEDITTOKEN"


def redact_request(body):
    body = re.sub(r"(^|&)Passwd=[^&]*", r"\1Passwd=REDACTED", body)
    body = re.sub(r"(^|&)T=[^&]*", r"\1T=" + EDIT_TOKEN, body)
    return body


def redact_response(path, body, secrets):
    for s in secrets:
        if s:
            body = body.replace(s, TOKEN if "/" in s else EDIT_TOKEN)
    if path.endswith("/accounts/ClientLogin"):
        body = re.sub(r"(SID|Auth)=\S+", lambda m: m.group(1) + "=" + TOKEN, body)
    if path.endswith("/reader/api/0/token"):
        body = EDIT_TOKEN + "\n"
    return body


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--upstream", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--port", type=int, default=18480)
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    counter = [len([f for f in os.listdir(args.out) if f.endswith(".request")])]
    secrets = set()
    lock = threading.Lock()

    class Proxy(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.forward(None)

        def do_POST(self):
            n = int(self.headers.get("Content-Length", "0"))
            self.forward(self.rfile.read(n))

        def forward(self, body):
            headers = {k: v for k, v in self.headers.items() if k.lower() in
                       ("authorization", "content-type", "appid", "appkey", "user-agent")}
            auth = self.headers.get("Authorization", "")
            if auth.startswith("GoogleLogin auth="):
                secrets.add(auth[len("GoogleLogin auth="):])
            req = urllib.request.Request(args.upstream + self.path, data=body, headers=headers,
                                         method=self.command)
            try:
                with urllib.request.urlopen(req) as r:
                    status, data = r.status, r.read()
            except urllib.error.HTTPError as e:
                status, data = e.code, e.read()
            text = data.decode("utf-8", "replace")
            path = self.path.split("?")[0]
            if path.endswith("/accounts/ClientLogin"):
                m = re.search(r"Auth=(\S+)", text)
                if m:
                    secrets.add(m.group(1))
            if path.endswith("/reader/api/0/token"):
                secrets.add(text.strip())
            with lock:
                counter[0] += 1
                base = os.path.join(args.out, "%03d" % counter[0])
                form = redact_request(body.decode("utf-8")) if body else ""
                with open(base + ".request", "w") as f:
                    f.write(self.command + " " + self.path + "\n" + form)
                with open(base + ".response", "w") as f:
                    f.write(str(status) + "\n" + redact_response(path, text, secrets))
            self.send_response(status)
            self.send_header("Content-Type", "application/json" if text.startswith("{") else "text/plain")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, fmt, *a):
            sys.stderr.write("recorded %03d %s\n" % (counter[0], self.path.split("?")[0]))

    http.server.ThreadingHTTPServer(("127.0.0.1", args.port), Proxy).serve_forever()


if __name__ == "__main__":
    main()
