"""A desk that stays live while news arrives: requests to a running server during an ingest.

    .venv/bin/python benchmarks/live.py [--n 2000] [--source ../shared/gold/ucdp_headlines.jsonl]
                                        [--fake]

Two designs, measured in the same run on the same reports:

1. baseline (the design before issue 9): ``eventdesk serve --read-only`` opens the store per
   request while a separate ``eventdesk ingest --db`` process writes it;
2. eventdesk's design: ``eventdesk serve`` holds the store; ``eventdesk ingest --server URL``
   posts the documents, which the server's writer thread codes and stores.

During each ingest a client requests /api/stats, /api/table, /api/events?limit=20 and / in a
loop (at least 40 requests) and counts the answers by status. At the end the server's
/api/status must show the new events (no restart). ``--fake`` codes with the test suite's
keyword pipeline (no spaCy) for a quick run.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT_SOURCE = ROOT.parent / "shared" / "gold" / "ucdp_headlines.jsonl"
URLS = ("/api/stats", "/api/table", "/api/events?limit=20&order=newest", "/")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def env_for(fake: bool, token: str) -> dict[str, str]:
    env = {**os.environ, "EVENTDESK_TOKEN": token}
    if fake:
        env["PYTHONPATH"] = str(ROOT / "tests")
        env["EVENTDESK_PIPELINE"] = "test_desk_fakes:FakePipeline"
    return env


def wait_up(base: str, proc: subprocess.Popen, timeout: float = 60.0) -> None:
    import httpx

    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if proc.poll() is not None:
            raise SystemExit(f"server exited: {proc.stderr.read().decode()[-2000:]}")
        try:
            if httpx.get(base + "/api/status", timeout=2).status_code in (200, 503):
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise SystemExit("server did not start")


def hammer(base: str, stop: threading.Event, codes: Counter, min_requests: int) -> None:
    import httpx

    with httpx.Client(timeout=30) as client:
        n = 0
        while not stop.is_set() or n < min_requests:
            url = URLS[n % len(URLS)]
            try:
                codes[client.get(base + url).status_code] += 1
            except httpx.HTTPError as exc:
                codes[exc.__class__.__name__] += 1
            n += 1
            time.sleep(0.05)


def run(design: str, source: Path, work: Path, fake: bool, n: int) -> dict:
    import httpx

    token = secrets.token_hex(16)
    env = env_for(fake, token)
    db = work / f"{design}.duckdb"
    seed = work / "seed.jsonl"
    exe = [sys.executable, "-m", "eventdesk"]
    # a small store to start from: the first 20 reports
    subprocess.run(exe + ["ingest", str(seed), "--db", str(db), "-q"], env=env, check=True,
                   capture_output=True)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    serve = exe + ["serve", "--db", str(db), "--port", str(port)]
    if design == "baseline":
        serve.append("--read-only")
    server = subprocess.Popen(serve, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, start_new_session=True)
    try:
        wait_up(base, server)
        before = httpx.get(base + "/api/status").json() if design != "baseline" else None
        feed = work / "news.jsonl"
        if design == "baseline":
            ingest = exe + ["ingest", str(feed), "--db", str(db), "-q"]
        else:
            ingest = exe + ["ingest", str(feed), "--server", base, "-q"]
        codes: Counter = Counter()
        stop = threading.Event()
        client = threading.Thread(target=hammer, args=(base, stop, codes, 40))
        t0 = time.monotonic()
        for _ in range(50):
            # baseline: the ingest may find the store open by a request and give up; start
            # it again until it holds the store (as a cron job would be retried)
            proc = subprocess.Popen(ingest, env=env, stdout=subprocess.DEVNULL,
                                    stderr=subprocess.PIPE)
            try:
                proc.wait(timeout=2.0)
            except subprocess.TimeoutExpired:
                break
            if proc.returncode == 0:
                break
        client.start()
        _, err = proc.communicate(timeout=3600)
        took = time.monotonic() - t0
        stop.set()
        client.join()
        after = None
        for _ in range(50):
            try:
                r = httpx.get(base + "/api/status", timeout=10)
                if r.status_code == 200:
                    after = r.json()
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        return {"design": design, "reports": n, "ingest_s": round(took, 1),
                "ingest_rc": proc.returncode, "ingest_line": err.decode().strip()[-200:],
                "requests": sum(codes.values()), "codes": dict(codes),
                "before": before, "after": after}
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    ap.add_argument("--fake", action="store_true", help="keyword pipeline, no spaCy")
    ap.add_argument("--only", choices=("baseline", "server"))
    args = ap.parse_args()
    lines = [line for line in args.source.read_text(encoding="utf-8").splitlines() if line]
    if len(lines) < args.n + 20:
        raise SystemExit(f"{args.source} has {len(lines)} reports; need {args.n + 20}")
    with tempfile.TemporaryDirectory(prefix="eventdesk-live-") as tmp:
        work = Path(tmp)
        keep = ("id", "text", "published", "source", "url", "title")
        rows = [{k: v for k, v in json.loads(line).items() if k in keep} for line in lines]
        (work / "seed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows[:20]))
        (work / "news.jsonl").write_text(
            "".join(json.dumps(r) + "\n" for r in rows[20:20 + args.n]))
        designs = [args.only] if args.only else ["baseline", "server"]
        for design in designs:
            res = run(design, args.source, work, args.fake, args.n)
            ok = res["codes"].get(200, 0)
            print(f"{design:>8}: {res['reports']} reports ingested in {res['ingest_s']} s "
                  f"(exit {res['ingest_rc']}); {res['requests']} requests meanwhile, "
                  f"{ok} answered 200, others {dict((k, v) for k, v in res['codes'].items() if k != 200)}")
            print(f"          ingest: {res['ingest_line']}")
            if res["before"] is not None:
                print(f"          /api/status before: {res['before']['events']} events, "
                      f"{res['before']['reports']} reports; after (same server, no restart): "
                      f"{res['after']['events']} events, {res['after']['reports']} reports")


if __name__ == "__main__":
    main()
