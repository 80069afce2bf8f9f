"""Serve the fakes standalone, for demos and benchmarks (run from the repository root):

    python -m tests.fakes --port 8765 [--crossref-mode M] [--pubmed-mode M]

Prints the base URLs (export them as CITECHECK_CROSSREF_URL, CITECHECK_PUBMED_URL and
CITECHECK_DATACITE_URL); GET /_calls shows the call counts; Ctrl-C stops it.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import time

from .server import FakeServices, Mode, start_fakes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.fakes", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    modes = (
        "ok, down, rate_limited, flaky:N, garbage, wrong_shape, slow:SECONDS, trickle:SECONDS, "
        "endless, huge:MB, gzip_bomb:MB, redirect_away, wrong_types, refused, gateway_timeout"
    )
    parser.add_argument("--crossref-mode", default="ok", help=modes)
    parser.add_argument("--pubmed-mode", default="ok", help=modes)
    parser.add_argument("--datacite-mode", default="ok", help=modes)
    parser.add_argument("--log", action="store_true", help="log every request to stderr")
    args = parser.parse_args(argv)
    if not args.log:  # a benchmark's thousands of access-log lines would cost time and hide output
        logging.getLogger("werkzeug").setLevel(logging.WARNING)
    for mode in (args.crossref_mode, args.pubmed_mode, args.datacite_mode):
        try:
            Mode.parse(mode)
        except ValueError as exc:
            parser.error(str(exc))
    # Stop cleanly on Ctrl-C and on SIGTERM, even when started in the background (where a
    # shell may have set SIGINT to "ignore").
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, _interrupt)
    server, app = start_fakes(args.host, args.port)
    app.set_mode("crossref", args.crossref_mode)
    app.set_mode("pubmed", args.pubmed_mode)
    app.set_mode("datacite", args.datacite_mode)
    _announce(app)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _announce(app: FakeServices) -> None:
    print(f"CITECHECK_CROSSREF_URL={app.crossref_url}")
    print(f"CITECHECK_PUBMED_URL={app.pubmed_url}")
    print(f"CITECHECK_DATACITE_URL={app.datacite_url}")
    print(f"call counts: {app.base_url}/_calls   (Ctrl-C to stop)", flush=True)


if __name__ == "__main__":
    sys.exit(main())
