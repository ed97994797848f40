"""Fuzz corpus files through the real commands (``python -m geoinc ...``), checked as a user would:

- no traceback, ever; the last stderr line is exactly ``read N, <ok> A, <not ok> B, rejected C``
  with A + B + C = N;
- exit code 1 when anything was rejected, 0 when nothing was;
- ``--rejects FILE`` holds exactly the C rejected records, each with where and why;
- every record of the file is counted (the corpus manifest knows how many each holds);
- ``--strict`` stops at the first problem; an unknown ``--encoding`` is a clean error;
- a command never writes onto its input (``-o`` or ``--rejects``);
- report text reaches the map's HTML as text only, from every field.

The runs go in parallel in one module fixture; the whole file takes well under a minute.
``bench/robustness.py`` runs every file through every command.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FUZZ = Path(__file__).parent / "data" / "fuzz"
MANIFEST = json.loads((FUZZ / "MANIFEST.json").read_text(encoding="utf-8"))
LINE = re.compile(r"^read (\d+), (\w+) (\d+), (\w+) (\d+), rejected (\d+)$")
WORDS = {"resolve": ("resolved", "unresolved")}


def have(cmd: str) -> bool:
    return importlib.util.find_spec(f"geoinc.cli.{cmd}") is not None


def geoinc(*args: str, timeout: int = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "geoinc", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=timeout, stdin=subprocess.DEVNULL, env=dict(os.environ, GEOINC_NO_PROGRESS="1"))


def cmd_args(cmd: str, src: str, out: Path) -> list[str]:
    return {
        "resolve": ["resolve", "--input", src, "-o", str(out) + ".jsonl"],
        "extract": ["extract", src, "-o", str(out) + ".jsonl"],
        "summary": ["summary", src, "-o", str(out) + ".csv"],
        "export": ["export", src, "-o", str(out) + ".geojson"],
        "map": ["map", src, "-o", str(out) + ".html", "--offline"],
    }[cmd]


# (command, corpus file): each command on a spread of the files meant for it, plus wrong and
# broken files (bench/robustness.py runs all of them through all commands).
PLAN = (
    [("resolve", n) for n in ("names_hostile.jsonl", "names_cp1256.jsonl", "names_utf16le_nobom.jsonl",
                              "names_utf16be_nobom.jsonl", "names_bad_bytes.jsonl", "empty.jsonl", "binary_garbage.jsonl")]
    + [("extract", n) for n in ("reports_hostile.jsonl", "reports_bad_bytes.jsonl", "reports_utf16le_nobom.jsonl",
                                "reports_cp1256.csv", "reports_unterminated_quote.csv", "reports_ragged.csv",
                                "reports_embedded_newlines.csv", "reports_bad_bytes.csv", "reports_no_header.csv",
                                "reports.xlsx", "truncated.xlsx")]
    + [("summary", n) for n in ("incidents_values.csv", "incidents_semicolon_decimal_comma.csv", "incidents_acled_like.csv",
                                "incidents_multi_sheet.xlsx", "extracted_hostile.jsonl", "old_excel.xls", "pdf_named.jsonl")]
    + [("export", n) for n in ("incidents_values.csv", "extracted_hostile.jsonl", "truncated.xlsx")]
    + [("map", n) for n in ("incidents_injection.csv",)]
)
class Result:
    def __init__(self, cmd: str, name: str, p: subprocess.CompletedProcess, rejects: Path):
        self.cmd, self.name, self.code, self.err = cmd, name, p.returncode, p.stderr
        self.rejects = [json.loads(l) for l in rejects.read_text(encoding="utf-8").splitlines() if l.strip()] if rejects.exists() else None
        last = p.stderr.rstrip("\n").splitlines()[-1] if p.stderr.strip() else ""
        m = LINE.match(last)
        self.line = last
        self.counts = tuple(int(m.group(i)) for i in (1, 3, 5, 6)) if m else None
        self.words = (m.group(2), m.group(4)) if m else None


ALL = ["resolve", "extract", "summary", "export", "map"]
EXT = {"resolve": ".jsonl", "extract": ".jsonl", "summary": ".csv", "export": ".geojson", "map": ".html"}
GOOD = {"resolve": "names_good.jsonl", "extract": "reports_good.jsonl"}
HOSTILE = {"resolve": "names_hostile.jsonl", "extract": "reports_hostile.jsonl"}


def _special_jobs(d: Path) -> list:
    """(key, args, files to compare afterwards) for the per-command checks, run in the same pool."""
    jobs = []
    for cmd in ALL:
        if not have(cmd):
            continue
        good = FUZZ / GOOD.get(cmd, "incidents_good.csv")
        jobs.append((("encoding", cmd), cmd_args(cmd, str(good), d / f"enc-{cmd}") + ["--encoding", "klingon"], None))
        own = d / f"own-{cmd}{EXT[cmd]}"
        own.write_bytes(good.read_bytes())
        args = cmd_args(cmd, str(own), d / "x")
        args[args.index("-o") + 1] = str(own)
        jobs.append((("own", cmd), args, (own, good.read_bytes())))
        src = FUZZ / HOSTILE.get(cmd, "extracted_hostile.jsonl")
        rej = d / f"rej-{cmd}.jsonl"
        rej.write_bytes(src.read_bytes())
        jobs.append((("rejects", cmd), cmd_args(cmd, str(rej), d / f"rej-out-{cmd}") + ["--rejects", str(rej)], (rej, src.read_bytes())))
    return jobs


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    d = tmp_path_factory.mktemp("robust")
    plan = [(c, n) for c, n in PLAN if have(c)]

    def one(cn):
        c, n = cn
        out = d / f"{c}-{n}"
        rej = d / f"{c}-{n}.rejects.jsonl"
        args = cmd_args(c, str(FUZZ / n), out) + ["--rejects", str(rej)]
        if MANIFEST[n].get("sheet") and c != "resolve":
            args += ["--sheet", MANIFEST[n]["sheet"]]
        return (c, n), Result(c, n, geoinc(*args), rej)

    def special(job):
        key, args, check = job
        p = geoinc(*args)
        return key, (p, check[0].read_bytes() == check[1] if check else None)

    jobs = _special_jobs(d)
    with ThreadPoolExecutor(max_workers=max(2, min(4, os.cpu_count() or 2))) as ex:
        a = ex.map(one, plan)
        b = ex.map(special, jobs)
        out = dict(a)
        out.update(dict(b))
    return out


@pytest.mark.parametrize("cmd, name", PLAN, ids=[f"{c}:{n}" for c, n in PLAN])
def test_every_record_accounted_for(results, cmd, name):
    if not have(cmd):
        pytest.skip(f"geoinc {cmd} not built yet")
    r = results[(cmd, name)]
    meta = MANIFEST[name]
    assert "Traceback" not in r.err, r.err[-2000:]
    assert r.counts is not None, f"last stderr line is not the accounting line: {r.line!r} (exit {r.code})"
    n, a, b, c = r.counts
    assert a + b + c == n, r.line
    assert r.words == WORDS.get(cmd, ("located", "unlocated")), r.line
    assert r.code == (1 if c else 0), f"exit {r.code} with {c} rejected"
    assert r.rejects is not None and len(r.rejects) == c, f"--rejects holds {r.rejects and len(r.rejects)}, rejected {c}"
    for d in r.rejects:
        assert d.get("problem") and d.get("where") and d.get("source"), d
    messages = [l for l in r.err.splitlines() if l.startswith("geoinc: rejected")]
    assert len(messages) == c and all(str(FUZZ / name) in m or "<" in m for m in messages)
    assert "\x1b" not in r.err
    meant_for = {"resolve": "names", "extract": "reports"}.get(cmd, "incidents")
    if meta["records"] is not None and (meta["kind"] in (meant_for, "any")):
        assert n == meta["records"], f"the file holds {meta['records']} records, the command read {n}"
    if meta["kind"] in (meant_for, "any"):
        assert c >= meta["min_rejected"], f"{c} rejected, the file has at least {meta['min_rejected']} broken records"


def test_summary_counts_every_json_line_of_a_wrong_file(results):
    """A JSON-lines file of objects that are not extract reports must not read as 'read 0' with exit 0."""
    r = results.get(("summary", "pdf_named.jsonl"))
    if r is None:
        pytest.skip("geoinc summary not built yet")
    assert r.counts[0] == MANIFEST["pdf_named.jsonl"]["records"]


def test_incident_commands_reject_objects_that_are_not_reports(tmp_path):
    if not have("summary"):
        pytest.skip("geoinc summary not built yet")
    p = geoinc("summary", str(FUZZ / "names_good.jsonl"), "-o", str(tmp_path / "s.csv"))
    assert LINE.match(p.stderr.splitlines()[-1]).group(1) == "4", p.stderr


# ----------------------------------------------------------------- strict, encoding, own input


def test_strict_stops_at_the_first_problem(tmp_path):
    p = geoinc("resolve", "--input", str(FUZZ / "names_hostile.jsonl"), "-o", str(tmp_path / "o.jsonl"), "--strict")
    n, _, a, _, b, c = LINE.match(p.stderr.splitlines()[-1]).groups()
    assert p.returncode == 1 and c == "1" and int(n) < MANIFEST["names_hostile.jsonl"]["records"]
    assert "line 4" in p.stderr
    if have("summary"):
        p = geoinc("summary", str(FUZZ / "incidents_values.csv"), "-o", str(tmp_path / "s.csv"), "--strict")
        assert p.returncode == 1 and "Traceback" not in p.stderr
        assert "row " in p.stderr and "incidents_values.csv" in p.stderr


@pytest.mark.parametrize("cmd", ALL)
def test_unknown_encoding_is_a_clean_error(results, cmd):
    if not have(cmd):
        pytest.skip(f"geoinc {cmd} not built yet")
    p, _ = results[("encoding", cmd)]
    assert p.returncode in (1, 2) and "Traceback" not in p.stderr and "klingon" in p.stderr, p.stderr[-800:]


def test_declared_encoding_is_used():
    p = geoinc("resolve", "--input", str(FUZZ / "names_cp1256.jsonl"), "--encoding", "cp1256", "--candidates", "1")
    assert p.returncode == 0 and "حماة" in p.stdout or "حماه" in p.stdout


@pytest.mark.parametrize("cmd", ALL)
def test_never_writes_onto_its_input(results, cmd):
    if not have(cmd):
        pytest.skip(f"geoinc {cmd} not built yet")
    p, intact = results[("own", cmd)]
    assert p.returncode in (1, 2) and "overwrite" in p.stderr and "Traceback" not in p.stderr, p.stderr[-800:]
    assert intact, f"geoinc {cmd} -o INPUT changed its input"


@pytest.mark.parametrize("cmd", ALL)
def test_rejects_file_never_overwrites_the_input(results, cmd):
    if not have(cmd):
        pytest.skip(f"geoinc {cmd} not built yet")
    p, intact = results[("rejects", cmd)]
    assert "Traceback" not in p.stderr, p.stderr[-800:]
    assert intact, f"geoinc {cmd} --rejects INPUT overwrote its input"
    assert p.returncode == 1 and "overwrite" in p.stderr


def test_ten_megabyte_text_through_the_commands(tmp_path):
    big = "Shelling hit a market in Darayya. " * (10 * 1024 * 1024 // 34)
    reports = tmp_path / "big.jsonl"
    reports.write_text(json.dumps({"id": "big", "text": big}) + "\n" + json.dumps({"id": "small", "text": "Raid in Douma."}) + "\n",
                       encoding="utf-8")
    table = tmp_path / "big.csv"
    table.write_text("incident_id,date,type,place_name,lat,lon,excerpt\n"
                     f"b1,2025-11-01,strike,Darayya,33.4584,36.2326,\"{big}\"\nb2,2025-11-02,raid,Douma,33.5722,36.4022,short\n",
                     encoding="utf-8")
    runs = []
    if have("extract"):
        runs.append(["extract", str(reports), "-o", str(tmp_path / "e.jsonl")])
    if have("summary"):
        runs.append(["summary", str(table), "-o", str(tmp_path / "s.csv")])
    if not runs:
        pytest.skip("no command built yet")
    with ThreadPoolExecutor(2) as ex:
        for p in ex.map(lambda a: geoinc(*a), runs):
            assert "Traceback" not in p.stderr
            n, _, a, _, b, c = LINE.match(p.stderr.splitlines()[-1]).groups()
            assert n == "2" and int(a) + int(b) + int(c) == 2


# ----------------------------------------------------------------- map: every text field stays text

PAYLOAD = "\"'></script><script>window.__pwned=1</script><img src=x onerror=window.__pwned=2>"


def test_map_keeps_every_text_field_inert(tmp_path):
    if not have("map"):
        pytest.skip("geoinc map not built yet")
    loc = {"id": "C2498", "name": "Darayya" + PAYLOAD, "name_ar": "داريا" + PAYLOAD, "kind": "town", "lat": 33.4584,
           "lon": 36.2326, "admin1": "SY03" + PAYLOAD, "admin2": "SY0309", "admin3": "SY030900", "score": 1.0}
    rec = {"id": "r1" + PAYLOAD, "lang": "en", "published": "2025-11-01", "url": "javascript:window.__pwned=3",
           "source": "src" + PAYLOAD, "title": "title" + PAYLOAD,
           "mentions": [{"text": "Darayya" + PAYLOAD, "start": 0, "end": 7, "place": loc, "role": "incident" + PAYLOAD, "confidence": 1}],
           "incidents": [{"location": loc, "precision": 1, "date": "2025-11-01", "date_text": "Tuesday" + PAYLOAD,
                          "type": "arrest" + PAYLOAD, "arrested": 2, "killed": None, "injured": None, "mentions": [0],
                          "excerpt": "excerpt" + PAYLOAD}],
           "status": "located", "error": None}
    src = tmp_path / "hostile.jsonl"
    src.write_text(json.dumps(rec, ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "m.html"
    p = geoinc("map", str(src), "-o", str(out), "--offline", "--title", "T" + PAYLOAD)
    assert p.returncode in (0, 1) and "Traceback" not in p.stderr, p.stderr[-2000:]
    html = out.read_text(encoding="utf-8")
    assert "<script>window.__pwned" not in html
    assert "<img src=x onerror" not in html
    assert 'href="javascript:' not in html.lower()
    # the same through a table: every column that can reach a popup
    tab = tmp_path / "hostile.csv"
    tab.write_text("incident_id,date,type,place_name,admin1,lat,lon,killed,excerpt,source,url\n"
                   + ",".join(['"i1' + PAYLOAD.replace('"', '""') + '"', "2025-11-01", '"strike' + PAYLOAD.replace('"', '""') + '"',
                               '"Douma' + PAYLOAD.replace('"', '""') + '"', '"Rif' + PAYLOAD.replace('"', '""') + '"',
                               "33.5722", "36.4022", "1", '"ex' + PAYLOAD.replace('"', '""') + '"',
                               '"s' + PAYLOAD.replace('"', '""') + '"', "javascript:window.__pwned=4"]) + "\n", encoding="utf-8")
    out2 = tmp_path / "t.html"
    p = geoinc("map", str(tab), "-o", str(out2), "--offline")
    assert "Traceback" not in p.stderr, p.stderr[-2000:]
    html = out2.read_text(encoding="utf-8")
    assert "<script>window.__pwned" not in html and "<img src=x onerror" not in html
    assert 'href="javascript:' not in html.lower()
    _in_browser(out, out2)


def _in_browser(*pages: Path) -> None:
    sys.path.insert(0, str(Path(__file__).parent))
    try:
        from browser import Browser, find_chromium
    except ImportError:
        return
    if find_chromium() is None:
        return
    with Browser(offline=True) as b:
        for page in pages:
            b.open(page)
            b.eval("""(() => { const app = (window.geoinc && geoinc.apps && geoinc.apps[0]);
                if (!app) return false;
                for (let i = 0; i < app.data.pts.t.length; i++)
                    L.popup().setLatLng([33, 36]).setContent(app.popup(i)).openOn(app.map);
                app.map.eachLayer(l => { if (l.openPopup) l.openPopup(); if (l.openTooltip) l.openTooltip(); });
                return true; })()""")
            assert b.eval("typeof window.__pwned") == "undefined", page
            assert b.eval("[...document.querySelectorAll('a')].filter(a => /^\\s*javascript:/i.test(a.getAttribute('href') || '')).length") == 0
