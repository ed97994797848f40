"""Map scale benchmark: file size, build time and headless-Chromium draw time for 1k/10k/100k incidents.

    .venv/bin/python bench/map_bench.py            # 1k, 10k, 100k
    .venv/bin/python bench/map_bench.py 1000 10000

Incidents are synthetic but shaped like real ones: towns drawn from the gazetteer (weighted to
larger places), 5% located only to a governorate, dates over two years, casualty counts, a
150-250 character excerpt of mixed English/Arabic words (unique per incident) and a source URL
per report of three incidents. The obvious alternative -- folium's MarkerCluster with one
folium.Marker and popup per incident -- is built in the same run for comparison (size and build
time; at 100k only when --with-folium-100k is given, it takes minutes).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

WORDS_EN = ("shelling strike raid arrest checkpoint village town market convoy drone artillery clash militia army "
            "civilians killed injured detained reported local sources activists said on morning evening near road "
            "eastern western northern southern countryside neighbourhood car explosion device mortar rocket").split()
WORDS_AR = "قصف غارة اعتقال حاجز قرية مدينة سوق قتلى جرحى اشتباكات ريف شرقي غربي طريق انفجار عبوة صاروخ مصادر محلية".split()


def synthetic(n: int, seed: int = 7):
    import numpy as np

    from geoinc.gazetteer import Gazetteer
    from geoinc.incidents.schema import INCIDENT_TYPES, make_incidents

    rng = np.random.default_rng(seed)
    gaz = Gazetteer.load()
    towns = [p for p in gaz if p.kind == "town" and p.lat is not None]
    weights = np.array([1.0 + (p.population or 0) ** 0.5 for p in towns])
    weights /= weights.sum()
    govs = [p for p in gaz if p.kind == "governorate"]
    pick = rng.choice(len(towns), size=n, p=weights)
    words = np.array(WORDS_EN + WORDS_AR)
    day0 = np.datetime64("2023-01-01")
    rows = []
    for k in range(n):
        area = rng.random() < 0.05
        p = govs[k % len(govs)] if area else towns[pick[k]]
        nw = int(rng.integers(22, 36))
        excerpt = " ".join(words[rng.integers(0, len(words), nw)]) + f" ({k})"
        t = INCIDENT_TYPES[int(rng.integers(0, len(INCIDENT_TYPES)))]
        rows.append({
            "incident_id": f"r{k // 3}:{k % 3 + 1}", "report_id": f"r{k // 3}",
            "date": str(day0 + np.timedelta64(int(rng.integers(0, 730)), "D")),
            "type": t, "killed": int(rng.poisson(1.2)) if t in ("strike", "attack", "clash", "explosion") else None,
            "injured": int(rng.poisson(2)) if rng.random() < 0.5 else None,
            "arrested": int(rng.poisson(3)) if t == "arrest" else None,
            "precision": 3 if area else 1, "place_id": p.id, "place_name": p.name, "place_name_ar": p.name_ar,
            "place_kind": p.kind, "admin1": p.admin1, "admin2": None if area else p.admin2,
            "admin3": None if area else p.admin3, "lat": p.lat, "lon": p.lon, "status": "located",
            "excerpt": excerpt, "source": ("SANA", "SOHR", "Enab Baladi", "Syria Direct")[k % 4],
            "url": f"https://news.example.org/{2023 + (k % 2)}/report-{k // 3}",
        })
    return make_incidents(rows)


def folium_markers(inc, path: Path) -> None:
    """The obvious alternative: one folium Marker (with an HTML popup) per incident in a MarkerCluster."""
    import html

    import folium
    from folium.plugins import MarkerCluster

    m = folium.Map(location=[35, 38], zoom_start=7)
    mc = MarkerCluster().add_to(m)
    for r in inc.itertuples():
        if r.lat != r.lat:
            continue
        popup = f"<b>{html.escape(r.type)}</b> {r.date:%Y-%m-%d}<br>{html.escape(r.place_name or '')}<br>{html.escape(r.excerpt or '')}"
        folium.Marker([r.lat, r.lon], popup=popup).add_to(mc)
    m.save(str(path))


def main(argv: list[str]) -> None:
    from browser import Browser, find_chromium

    from geoinc.render import build_map, save_map

    sizes = [int(a) for a in argv if a.isdigit()] or [1_000, 10_000, 100_000]
    with_folium_100k = "--with-folium-100k" in argv
    tmp = Path(tempfile.mkdtemp(prefix="geoinc-mapbench-"))
    browser = Browser() if find_chromium() else None
    print(f"{'incidents':>9} | {'geoinc MB':>9} | {'build s':>7} | {'draw s':>6} | {'in-page ms':>10} | "
          f"{'folium-markers MB':>17} | {'build s':>7} | {'size ratio':>10} | {'build ratio':>11}")
    try:
        for n in sizes:
            inc = synthetic(n)
            out = tmp / f"geoinc_{n}.html"
            t0 = time.perf_counter()
            m = build_map(inc, title=f"benchmark {n}", offline=True)
            save_map(m, out)
            build = time.perf_counter() - t0
            mb = out.stat().st_size / 1e6
            draw = inpage = float("nan")
            if browser is not None:
                t0 = time.perf_counter()
                browser.open(out, wait=120)
                ready = browser.eval("window.geoincReady", timeout=120)
                browser.eval("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
                draw = time.perf_counter() - t0
                inpage = ready["ms"]
            fmb = fbuild = float("nan")
            if n <= 10_000 or with_folium_100k:
                alt = tmp / f"folium_{n}.html"
                t0 = time.perf_counter()
                folium_markers(inc, alt)
                fbuild = time.perf_counter() - t0
                fmb = alt.stat().st_size / 1e6
            print(f"{n:>9,} | {mb:>9.2f} | {build:>7.2f} | {draw:>6.2f} | {inpage:>10.0f} | {fmb:>17.2f} | {fbuild:>7.2f} | "
                  f"{fmb / mb:>10.2f} | {fbuild / build:>11.2f}", flush=True)
    finally:
        if browser is not None:
            browser.close()
    print(f"(offline maps, every asset inlined; draw s = navigation start to the map drawn in headless Chromium, "
          f"in-page ms = data decode + all layers; files in {tmp})")


if __name__ == "__main__":
    main(sys.argv[1:])
