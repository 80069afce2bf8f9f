"""Record the services' answers for `citecheck demo` (src/citecheck/demo/answers.json).

    python bench/record_demo.py

Run from the repository root. Starts the local fake Crossref/PubMed (tests/fakes), checks
the bundled example page through the real pipeline with no cache, and keeps every HTTP
exchange (identity parameters such as email/tool/api_key left out). Re-run it when the
resolver starts asking different questions; the demo's test fails when it does.
"""

from __future__ import annotations

import json
import logging
import sys
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.fakes import FakeHTTPServer  # noqa: E402
from tests.fakes.server import FakeServices  # noqa: E402
from werkzeug.wrappers import Request, Response  # noqa: E402

from citecheck import __version__, demo  # noqa: E402
from citecheck.check import check_paths  # noqa: E402
from citecheck.report.text import summary_line  # noqa: E402
from citecheck.settings import from_environment  # noqa: E402

OUT = REPO / "src" / "citecheck" / "demo" / "answers.json"


class RecordingServer(FakeHTTPServer):
    def __init__(self, app: FakeServices) -> None:
        super().__init__(app)
        self.exchanges: list[dict[str, Any]] = []

    def dispatch(self, request: Request) -> Response:
        response = super().dispatch(request)
        for service, prefix in demo.SERVICES.items():
            if request.path.startswith(prefix + "/"):
                service_key, path, params = demo.request_key(
                    service, request.path[len(prefix) :], dict(request.values.items())
                )
                self.exchanges.append(
                    {
                        "service": service_key,
                        "path": path,
                        "params": dict(params),
                        "status": response.status_code,
                        "content_type": response.content_type,
                        "body": response.get_data(as_text=True),
                    }
                )
        return response


def main() -> None:
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    app = FakeServices()
    server = RecordingServer(app)
    server.start()
    try:
        settings = replace(
            from_environment(no_cache=True),
            crossref_url=app.crossref_url,
            pubmed_url=app.pubmed_url,
            datacite_url=app.datacite_url,
        )
        with tempfile.TemporaryDirectory() as folder:
            page = demo.write_example(Path(folder))
            report = check_paths([str(page)], settings)
    finally:
        server.stop()
    unique = {
        json.dumps([e["service"], e["path"], e["params"]], sort_keys=True): e
        for e in server.exchanges
    }
    data = {
        "recorded": f"citecheck {__version__} against tests/fakes (bench/record_demo.py)",
        "answers": sorted(
            unique.values(), key=lambda e: (e["service"], e["path"], sorted(e["params"].items()))
        ),
    }
    OUT.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(unique)} answers, {OUT.stat().st_size:,} bytes -> {OUT.relative_to(REPO)}")
    print(summary_line(report.summary()))


if __name__ == "__main__":
    main()
