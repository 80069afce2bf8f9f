"""The HTML report's inline style sheet and script (kept here so html.py stays readable).

The script must not change at run time: the report's Content-Security-Policy allows it
by its SHA-256, computed from this exact text.
"""

from __future__ import annotations

STYLE = """
:root{--verified:#2e7d32;--mismatched:#e09100;--not_found:#c62828;--unverified:#1565c0;
--skipped:#9e9e9e;--ignored:#bdbdbd;--retracted:#6a1b9a;--line:#ddd}
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;
max-width:1400px;padding:16px 24px;color:#222;background:#fff}
h1{margin:.2em 0}h2{margin:1.4em 0 .5em;border-bottom:1px solid var(--line)}
.totals{display:flex;flex-wrap:wrap;gap:8px;list-style:none;padding:0}
.total{border:1px solid var(--line);border-radius:6px;padding:6px 12px;min-width:92px}
.total .n{display:block;font-size:22px;font-weight:600}
.t-verified .n{color:var(--verified)}.t-mismatched .n{color:var(--mismatched)}
.t-not_found .n{color:var(--not_found)}.t-unverified .n{color:var(--unverified)}
.t-retracted .n{color:var(--retracted)}.t-errors .n{color:var(--not_found)}
.legend .key{margin-right:14px;white-space:nowrap}
.swatch{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:-1px}
.s-verified{background:var(--verified)}.s-mismatched{background:var(--mismatched)}
.s-not_found{background:var(--not_found)}.s-unverified{background:var(--unverified)}
.s-skipped{background:var(--skipped)}.s-ignored{background:var(--ignored)}
.bars{max-height:340px;overflow-y:auto;border:1px solid var(--line);padding:6px}
.bar-row{display:grid;grid-template-columns:minmax(120px,32%) 1fr 36px;gap:8px;
align-items:center;margin:2px 0}
.bar-label{overflow:hidden;text-overflow:ellipsis;white-space:nowrap;font-size:12px}
.bar{display:flex;height:14px;background:#f3f3f3;border-radius:3px;overflow:hidden}
.seg{display:block;height:100%}.bar-n{font-size:12px;color:#666;text-align:right}
.bar-error{font-size:12px;color:var(--not_found);padding-left:4px;line-height:14px}
.hint{color:#666;font-size:12px}
.badge{display:inline-block;border-radius:10px;padding:0 8px;color:#fff;font-size:12px;
white-space:nowrap}
.b-not_found{background:var(--not_found)}.b-mismatched{background:var(--mismatched)}
.b-unverified{background:var(--unverified)}.b-retracted{background:var(--retracted)}
.b-off_topic{background:#00796b}.claims li{color:#00564c}
.suggestion code{white-space:normal;overflow-wrap:anywhere}
.repeated>li{margin-bottom:12px}.repeated p{margin:.2em 0}
blockquote.raw{max-width:none;font-size:13px;margin:4px 0;padding:4px 10px;
border-left:3px solid var(--line);color:#444;overflow-wrap:anywhere}
.filters{display:flex;flex-wrap:wrap;gap:10px;align-items:center;margin:8px 0;
position:sticky;top:0;background:#fff;padding:6px 0;z-index:1}
.filters input[type=search]{padding:4px 8px;min-width:200px}
.chk{white-space:nowrap}.shown{margin-left:auto;color:#444}
#problem-table{border-collapse:collapse;width:100%}
#problem-table>thead th{position:sticky;top:44px;background:#fafafa;text-align:left;
cursor:pointer;user-select:none;border-bottom:2px solid var(--line);padding:6px}
#problem-table>thead th.nosort{cursor:default}
#problem-table>thead th[aria-sort=ascending]::after{content:" ▲"}
#problem-table>thead th[aria-sort=descending]::after{content:" ▼"}
#problem-table>tbody>tr>td{vertical-align:top;border-bottom:1px solid var(--line);padding:6px}
td.cmp-cell{width:42%;min-width:360px}td.page{max-width:220px;overflow-wrap:anywhere;font-size:12px}td.num{text-align:right}
.raw{color:#555;font-size:12px;overflow-wrap:anywhere;max-width:420px}
table.cmp{border-collapse:collapse;font-size:12px;width:100%}
table.cmp th,table.cmp td{border:1px solid #eee;padding:2px 6px;text-align:left;
vertical-align:top;overflow-wrap:anywhere}
table.cmp th{width:64px;color:#666;font-weight:500}
table.cmp tr.diff td{background:#fff3e0}table.cmp tr.diff td:last-child{background:#e8f5e9}
.notes{margin:4px 0;padding-left:18px;font-size:12px;color:#555}
.found{margin:4px 0;font-size:12px}
table.errors{border-collapse:collapse}table.errors td{padding:4px 8px;
border-bottom:1px solid var(--line)}
@media print{.filters{display:none}.bars{max-height:none}}
"""

SCRIPT = """
(function () {
  "use strict";
  var table = document.getElementById("problem-table");
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var text = rows.map(function (r) { return r.textContent.toLowerCase(); });
  var q = document.getElementById("q");
  var page = document.getElementById("page");
  var boxes = Array.prototype.slice.call(document.querySelectorAll("input[name=status]"));
  var shown = document.getElementById("shown-count");

  function apply(write) {
    var words = q.value.trim().toLowerCase();
    var where = page.value.trim();
    var on = {};
    boxes.forEach(function (b) { if (b.checked) { on[b.value] = true; } });
    var n = 0;
    rows.forEach(function (r, i) {
      var ok = on[r.dataset.status] === true &&
        (!words || text[i].indexOf(words) >= 0) &&
        (!where || r.dataset.page.indexOf(where) >= 0);
      r.hidden = !ok;
      if (ok) { n += 1; }
    });
    shown.textContent = String(n);
    if (write) { writeHash(); }
  }

  function writeHash() {
    var p = new URLSearchParams();
    var off = boxes.filter(function (b) { return !b.checked; });
    if (off.length) {
      p.set("status", boxes.filter(function (b) { return b.checked; })
        .map(function (b) { return b.value; }).join(","));
    }
    if (q.value.trim()) { p.set("q", q.value.trim()); }
    if (page.value.trim()) { p.set("page", page.value.trim()); }
    var hash = p.toString();
    if (hash !== location.hash.slice(1)) {
      history.replaceState(null, "", hash ? "#" + hash : location.pathname + location.search);
    }
  }

  function readHash() {
    var p = new URLSearchParams(location.hash.slice(1));
    q.value = p.get("q") || "";
    page.value = p.get("page") || "";
    var wanted = p.get("status");
    var set = wanted ? wanted.split(",") : null;
    boxes.forEach(function (b) { b.checked = !set || set.indexOf(b.value) >= 0; });
  }

  function key(row, column, type) {
    var cell = row.cells[column];
    if (type === "key") { return Number(cell.dataset.key); }
    if (type === "number") { return Number(cell.textContent) || 0; }
    return cell.textContent.toLowerCase();
  }

  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, column) {
    if (th.classList.contains("nosort")) { return; }
    th.tabIndex = 0;
    function sort() {
      var ascending = th.getAttribute("aria-sort") !== "ascending";
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (other) {
        other.removeAttribute("aria-sort");
      });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      var type = th.dataset.type;
      var order = rows.map(function (r, i) { return i; });
      order.sort(function (a, b) {
        var x = key(rows[a], column, type), y = key(rows[b], column, type);
        var c = x < y ? -1 : x > y ? 1 : a - b;
        return ascending ? c : -c;
      });
      rows = order.map(function (i) { return rows[i]; });
      text = order.map(function (i) { return text[i]; });
      rows.forEach(function (r) { body.appendChild(r); });
    }
    th.addEventListener("click", sort);
    th.addEventListener("keydown", function (e) { if (e.key === "Enter") { sort(); } });
  });

  [q, page].forEach(function (input) {
    input.addEventListener("input", function () { apply(true); });
  });
  boxes.forEach(function (b) { b.addEventListener("change", function () { apply(true); }); });
  window.addEventListener("hashchange", function () { readHash(); apply(false); });
  readHash();
  apply(false);
  document.documentElement.dataset.ready = "1";
})();
"""
