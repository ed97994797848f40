"""Build the committed ``gazetteer/`` folder from the raw open sources.

Usage::

    python -m geoinc.gazetteer.build ../shared/data [--out gazetteer]

Reads OCHA COD-AB 2016/2020 boundaries, OCHA populated places and Damascus neighbourhoods,
Open-Syria alias tables, GeoNames (cities500 with alternate names), Natural Earth and the
hand-edited ``gazetteer/regions.toml``, ``gazetteer/neighbourhoods_ar.toml`` (Arabic names of
Damascus neighbourhoods, which OCHA gives in English only) and ``gazetteer/city_quarters.toml``
(quarters of Aleppo, Homs, Deir ez-Zor and Daraa, at their city's point) and ``gazetteer/town_aliases.toml``
(Kurdish and Turkish names of towns: Serêkaniyê, Girê Spî, Çobanbey); writes:

``places.jsonl``          one place a line (sorted by id): names, aliases, rule variants, kind,
                          point, admin1/2/3 pcodes, rank, population, sources
``index.json``            name keys (folded, loose, skeleton) -> place ids, for fast loading
``admin{1,2,3}.geojson``  repaired, valid polygons with names, parents and equal-area km²
``admin{1,2,3}_simplified.geojson``  topology-preserving simplified copies for display
``regions.geojson``       the named regions as polygons (unions of admin units or circles)
``damascus_neighbourhoods.geojson``  Damascus neighbourhood polygons
``manifest.json``         counts, normaliser version and a hash of every output

The build is deterministic: the same input gives byte-identical output.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tomllib
from pathlib import Path
from typing import Any, Iterable

import shapely
from shapely.geometry import MultiPolygon, Point, Polygon, mapping, shape
from shapely.ops import nearest_points
from shapely.strtree import STRtree

from ..text.normalize import NORMALIZER_VERSION, fold, is_arabic, loose_key, skeleton
from .place import CAPITAL_GOVERNORATE, CITY_RANK
from .variants import variants

EQUAL_AREA = "+proj=laea +lat_0=35 +lon_0=38.5 +x_0=0 +y_0=0 +ellps=WGS84 +units=m +no_defs"
DIGITS = 6
#: a populated place within this distance (degrees, ~3 km) of its listed subdistrict keeps that parent
SNAP_DEG = 0.03
KIND_RANK = {"country": 100, "governorate": 90, "district": 60, "subdistrict": 45,
             "region": 60, "site": 40, "neighbourhood": 30, "town": 20}

_CANON_KIND = {"Presidential Palace": "site", "Mazzeh Airport": "site", "Tishreen Garden": "site"}


# ----------------------------------------------------------------------------- helpers
def _r(x: float) -> float:
    return round(float(x), DIGITS)


def _round_coords(obj: Any) -> Any:
    if isinstance(obj, (list, tuple)):
        if obj and isinstance(obj[0], (int, float)):
            return [_r(v) for v in obj]
        return [_round_coords(v) for v in obj]
    return obj


def _polygonal(geom) -> Polygon | MultiPolygon:
    """Keep only the polygonal part of a (repaired) geometry, wound counter-clockwise."""
    if not geom.is_valid:
        geom = shapely.make_valid(geom)
    if geom.geom_type == "GeometryCollection":
        parts = [g for g in geom.geoms if g.geom_type in ("Polygon", "MultiPolygon")]
        geom = shapely.union_all(parts)
    geom = shapely.orient_polygons(geom, exterior_cw=False)
    return geom


def _geom_json(geom) -> dict:
    m = mapping(geom)
    return {"type": m["type"], "coordinates": _round_coords(m["coordinates"])}


def _dump(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8", newline="\n")


def _write_fc(path: Path, features: list[dict]) -> None:
    lines = ['{"type":"FeatureCollection","features":[']
    lines.append(",\n".join(_dump(f) for f in features))
    lines.append("]}\n")
    _write(path, "\n".join(lines))


def _feature(props: dict, geom) -> dict:
    return {"type": "Feature", "properties": props, "geometry": _geom_json(geom)}


def _load_fc(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["features"]


def _clean(s: str | None) -> str | None:
    if s is None:
        return None
    s = " ".join(str(s).split())
    return s or None


def _usable_alias(a: str) -> bool:
    """Drop codes ('ALP'), scripts other than Latin/Arabic, and vowel-less romanisations."""
    a = a.strip()
    if len(a) < 2:
        return False
    if is_arabic(a):
        return True
    f = fold(a)
    if not f or not f.isascii():
        return False
    if a.isupper() and len(a) <= 4:
        return False
    letters = [c for c in f if c.isalpha()]
    if not letters:
        return False
    vowels = sum(c in "aeiou" for c in letters)
    return vowels / len(letters) >= 0.2


def _plausible_alternates(alts: set[str], native: Iterable[str]) -> set[str]:
    """GeoNames alternate names come in every language ('Sam', 'Cham', 'Kamakeko' for Damascus).
    Keep those that sound like a native (OCHA English or Arabic) name — similar consonant
    skeletons — and exonyms of five letters or more with three consonants ('Palmyra', 'Tabqa');
    drop short foreign forms ('Sam', 'Cham', 'al-Sham'), which collide with common words and
    with the names of groups and outlets in reports."""
    from rapidfuzz import fuzz

    nat = {skeleton(a) for a in native if a}
    keep = set()
    for a in alts:
        sk = skeleton(a)
        if is_arabic(a) or any(fuzz.ratio(sk, n) >= 60 for n in nat if n):
            keep.add(a)
        elif len(fold(a)) >= 5 and len(sk) >= 3:
            keep.add(a)
    return keep


class _Areas:
    def __init__(self) -> None:
        from pyproj import Transformer

        self._t = Transformer.from_crs("EPSG:4326", EQUAL_AREA, always_xy=True)

    def km2(self, geom) -> float:
        projected = shapely.transform(geom, lambda xy: _stack(self._t.transform(xy[:, 0], xy[:, 1])))
        return round(projected.area / 1e6, 3)


def _stack(xy):
    import numpy as np

    return np.column_stack(xy)


# ----------------------------------------------------------------------------- the build
class Builder:
    def __init__(self, data: Path, out: Path, log=print) -> None:
        self.data = data
        self.out = out
        self.log = log
        self.places: dict[str, dict] = {}
        self.areas = _Areas()
        self.report: dict[str, Any] = {}

    # -- admin boundaries
    def admin(self) -> None:
        d16 = self.data / "ocha_cod_ab_2016"
        os_tables = {
            lvl: {r["externalIds"]["ochaPcode"]: r for r in json.loads((self.data / "open_syria" / f"{name}.json").read_text("utf-8"))}
            for lvl, name in ((1, "governorates"), (2, "districts"), (3, "subdistricts"))
        }
        adm2020 = {f["properties"]["ADM1_PCODE"]: f["properties"] for f in _load_fc(self.data / "ocha_cod_ab_2020" / "syr_admin1.geojson")}
        self.admin_geoms: dict[int, dict[str, Any]] = {}
        repaired = {}
        swapped_adm0 = 0
        for lvl in (1, 2, 3):
            feats = _load_fc(d16 / f"syr_admin{lvl}.geojson")
            out_feats, simple_geoms, pcodes = [], [], []
            geoms = {}
            n_invalid = 0
            for f in sorted(feats, key=lambda f: f["properties"]["PCODE"]):
                p = f["properties"]
                g = shape(f["geometry"])
                if not g.is_valid:
                    n_invalid += 1
                g = _polygonal(g)
                # Known quirk: admin3 has ADM0_EN / ADM0_AR swapped.
                if p.get("ADM0_EN") and is_arabic(p["ADM0_EN"]):
                    swapped_adm0 += 1
                pc = p["PCODE"]
                geoms[pc] = g
                name, name_ar = _clean(p["NAME_EN"]), _clean(p["NAME_AR"])
                parents = {
                    "admin1": p.get("ADM1_PCODE") if lvl > 1 else pc,
                    "admin2": p.get("ADM2_PCODE") if lvl > 2 else (pc if lvl == 2 else None),
                    "admin3": pc if lvl == 3 else None,
                }
                area = self.areas.km2(g)
                props = {"pcode": pc, "name": name, "name_ar": name_ar, "level": lvl, "area_km2": area, **parents}
                out_feats.append(_feature(props, g))
                pcodes.append(pc)
                simple_geoms.append(g)
                aliases = {name, _clean(p.get("NAM_EN_REF")) or name, name_ar}
                if lvl == 3:
                    aliases.add(_clean(p.get("NAM_AR_REF")) or name_ar)
                osr = os_tables[lvl].get(pc)
                if osr:
                    aliases |= {osr["name"].get("en"), osr["name"].get("ar")}
                    aliases |= {a["value"] for a in osr.get("aliases", [])}
                if lvl == 1 and pc in adm2020:
                    q = adm2020[pc]
                    aliases |= {q.get("ADM1_EN"), q.get("ADM1_AR"), q.get("province_name"), q.get("adm1_ref_name")}
                # 'Markaz X' / 'مركز X' is the subdistrict of the district seat: also 'X'
                for a in list(aliases):
                    if a and a.startswith("Markaz "):
                        aliases.add(a[len("Markaz "):])
                    if a and a.startswith("مركز "):
                        aliases.add(a[len("مركز "):])
                kind = {1: "governorate", 2: "district", 3: "subdistrict"}[lvl]
                if lvl == 1 and pc in adm2020:
                    lat, lon = adm2020[pc]["center_lat"], adm2020[pc]["center_lon"]
                else:
                    rp = g.representative_point()
                    lat, lon = rp.y, rp.x
                pop = None
                if osr and isinstance(osr.get("population"), dict):
                    pop = osr["population"].get("value")
                self._add(pc, kind, name, name_ar, lat, lon, parents, aliases,
                          ["ocha_cod_ab_2016"] + (["open_syria"] if osr else []) + (["ocha_cod_ab_2020"] if lvl == 1 else []),
                          population=pop, area_km2=area)
            repaired[lvl] = n_invalid
            self.admin_geoms[lvl] = geoms
            _write_fc(self.out / f"admin{lvl}.geojson", out_feats)
            tol = {1: 0.004, 2: 0.003, 3: 0.002}[lvl]
            simplified = shapely.coverage_simplify(simple_geoms, tolerance=tol)
            simp_feats = []
            for f, sg in zip(out_feats, simplified):
                sg = _polygonal(sg)
                simp_feats.append({"type": "Feature", "properties": f["properties"], "geometry": _geom_json(sg)})
            _write_fc(self.out / f"admin{lvl}_simplified.geojson", simp_feats)
        self.report["invalid_polygons_repaired"] = repaired
        self.report["admin3_adm0_names_swapped"] = swapped_adm0
        a3 = self.admin_geoms[3]
        self._a3_codes = sorted(a3)
        self._a3_tree = STRtree([a3[c] for c in self._a3_codes])
        self._a3_parent = {}
        for f in _load_fc(d16 / "syr_admin3.geojson"):
            p = f["properties"]
            self._a3_parent[p["PCODE"]] = (p["ADM1_PCODE"], p["ADM2_PCODE"])
        self.syria = shapely.union_all(list(self.admin_geoms[1].values()))
        self._add("SY", "country", "Syria", "سوريا", 34.8, 38.99, {"admin1": None, "admin2": None, "admin3": None},
                  {"Syria", "Syrian Arab Republic", "سوريا", "سورية", "الجمهورية العربية السورية"},
                  ["ocha_cod_ab_2016"], area_km2=self.areas.km2(self.syria))

    def locate(self, lon: float, lat: float) -> tuple[dict, bool]:
        """Admin pcodes by point-in-polygon; nearest subdistrict when outside all (flag False)."""
        pt = Point(lon, lat)
        hits = self._a3_tree.query(pt, predicate="intersects")
        inside = len(hits) > 0
        if inside:
            code = min(self._a3_codes[i] for i in hits)
        else:
            code = self._a3_codes[int(self._a3_tree.nearest(pt))]
        a1, a2 = self._a3_parent[code]
        return {"admin1": a1, "admin2": a2, "admin3": code}, inside

    # -- populated places
    def populated(self) -> None:
        feats = _load_fc(self.data / "ocha_populated_places_2015" / "syr_populated_places.geojson")
        moved = outside = snapped = 0
        for f in sorted(feats, key=lambda f: f["properties"]["PCODE"]):
            p = f["properties"]
            lat, lon = float(p["LATITUDE"]), float(p["LONGITUDE"])
            admin, inside = self.locate(lon, lat)
            listed = {"admin1": p["ADMIN1_COD"], "admin2": p["ADMIN2_COD"], "admin3": p["ADMIN3_COD"]}
            extra = {}
            if not inside:
                outside += 1
                admin = listed  # keep the listed parents when the point lies outside every polygon
            elif admin["admin3"] != listed["admin3"]:
                listed_poly = self.admin_geoms[3].get(listed["admin3"])
                pt = Point(lon, lat)
                if listed_poly is not None and listed_poly.distance(pt) < SNAP_DEG:
                    # A point just across its listed subdistrict's border: the listed parent is
                    # the administrative fact, the point is a few hundred metres off. Keep the
                    # parents and move the point just inside (the original is kept too).
                    inner = listed_poly.buffer(-0.001)
                    q = nearest_points(inner if not inner.is_empty else listed_poly, pt)[0]
                    extra["source_point"] = [_r(lat), _r(lon)]
                    lat, lon = q.y, q.x
                    admin = listed
                    snapped += 1
                else:
                    moved += 1
                    extra["listed_admin3"] = listed["admin3"]
            lvl = p.get("CAPIT_LVL")
            if lvl == 0 and admin["admin1"] != CAPITAL_GOVERNORATE:
                # OCHA gives level 0 (the national capital) to one village in Deir ez-Zor (Sur,
                # seat of its subdistrict) and level 1 to Damascus: outside the capital's
                # governorate the level is dropped, and the name rule below ranks the seat
                extra["source_capital_level"] = lvl
                lvl = None
                self.report["capital_level_0_dropped"] = self.report.get("capital_level_0_dropped", 0) + 1
            rank = CITY_RANK.get(lvl, KIND_RANK["town"]) if lvl is not None else KIND_RANK["town"]
            name, name_ar = _clean(p["NAME_EN"]), _clean(p["NAME_ARA"])
            aliases = {name, _clean(p.get("NAM_EN_REF")) or name, name_ar}
            self._add(p["PCODE"], "town", name, name_ar, lat, lon, admin, aliases,
                      ["ocha_populated_places_2015"], rank=rank, capital_level=lvl, **extra)
        # A town named like its subdistrict or district is that unit's seat, even where OCHA
        # gives no capital level: rank it as a seat so it wins over villages of the same name.
        unit_keys = {pc: {loose_key(a) for a in self.places[pc]["aliases"]} for pc in self.places
                     if self.places[pc]["kind"] in ("district", "subdistrict")}
        seats = 0
        for pl in self.places.values():
            if pl["kind"] != "town":
                continue
            keys = {loose_key(a) for a in pl["aliases"]}
            if pl["admin2"] in unit_keys and keys & unit_keys[pl["admin2"]] and pl["rank"] < CITY_RANK[2]:
                pl["rank"] = CITY_RANK[2]
                seats += 1
            elif pl["admin3"] in unit_keys and keys & unit_keys[pl["admin3"]] and pl["rank"] < CITY_RANK[3]:
                pl["rank"] = CITY_RANK[3]
                seats += 1
        self.report["seats_ranked_by_name"] = seats
        self.report["populated_places"] = len(feats)
        self.report["populated_places_moved_to_containing_subdistrict"] = moved
        self.report["populated_places_snapped_into_listed_subdistrict"] = snapped
        self.report["populated_places_outside_all_subdistricts"] = outside

    def _table(self, name: str) -> dict:
        """A hand-edited table of ``gazetteer/`` (TOML), or {} when it is not there."""
        path = self.out / name
        return tomllib.loads(path.read_text("utf-8")) if path.exists() else {}

    def seat_points(self) -> None:
        """Give each governorate, district and subdistrict the point of its seat town, as ACLED
        codes an event known only to a province or district at its capital (and as Nominatim
        places a boundary at its admin centre); the polygon stays the unit's geometry. Seats:
        OCHA's capital level (1 governorate, 2 district, 3 subdistrict; a higher-level capital
        inside the unit also counts), else the one town ranked as the unit's seat by its name.
        Rural Damascus, whose seat OCHA does not give, and units without a known seat keep their
        representative point."""
        # the towns of each unit, in id order
        towns_in: dict[str, list[dict]] = {}
        for t in sorted((pl for pl in self.places.values() if pl["kind"] == "town"), key=lambda pl: pl["id"]):
            for key in ("admin1", "admin2", "admin3"):
                towns_in.setdefault(t[key], []).append(t)
        moved = 0
        for pc, pl in sorted(self.places.items()):
            lvl = {"governorate": 1, "district": 2, "subdistrict": 3}.get(pl["kind"])
            if lvl is None:
                continue
            inside = towns_in.get(pc, [])
            seat = None
            for want in ([1], [2, 1], [3, 2, 1])[lvl - 1]:
                found = [t for t in inside if t.get("capital_level") == want]
                if len(found) == 1:
                    seat = found[0]
                    break
            if seat is None and lvl > 1:
                by_name = [t for t in inside if t["rank"] == CITY_RANK[lvl]]
                seat = by_name[0] if len(by_name) == 1 else None
            if seat is not None:
                pl["lat"], pl["lon"], pl["seat"] = seat["lat"], seat["lon"], seat["id"]
                moved += 1
        self.report["admin_units_at_seat_town"] = moved

    def geonames(self) -> None:
        feats = _load_fc(self.data / "geonames" / "syria_cities500.geojson")
        towns = [pl for pl in self.places.values() if pl["kind"] == "town"]
        pts = [Point(t["lon"], t["lat"]) for t in towns]
        tree = STRtree(pts)
        merged = added = 0
        for f in sorted(feats, key=lambda f: f["properties"]["geonameid"]):
            p = f["properties"]
            lon, lat = f["geometry"]["coordinates"][:2]
            alts = {a for a in (p.get("alternatenames") or []) if _usable_alias(a)}
            alts.add(p["name"])
            if p.get("asciiname"):
                alts.add(p["asciiname"])
            keys = {loose_key(a) for a in alts} | {skeleton(a) for a in alts}
            near = tree.query(Point(lon, lat).buffer(0.09))  # ~10 km
            best = None
            for i in sorted(near, key=lambda i: pts[i].distance(Point(lon, lat))):
                t = towns[i]
                tkeys = {loose_key(a) for a in t["aliases"]} | {skeleton(a) for a in t["aliases"]}
                if keys & tkeys:
                    best = t
                    break
            pop = int(p.get("population") or 0) or None
            if best is not None:
                merged += 1
                alts = _plausible_alternates(alts, best["aliases"])
                best["aliases"] = sorted(set(best["aliases"]) | alts)
                if pop and (best.get("population") or 0) < pop:
                    best["population"] = pop
                best["sources"] = sorted(set(best["sources"]) | {"geonames"})
                best["geonames_id"] = p["geonameid"]
            else:
                added += 1
                admin, _ = self.locate(lon, lat)
                ar = sorted(a for a in alts if is_arabic(a))
                self._add(f"GN{p['geonameid']}", "town", p["name"], ar[0] if ar else None, lat, lon, admin,
                          alts, ["geonames"], population=pop, geonames_id=p["geonameid"])
        self.report["geonames_merged"] = merged
        self.report["geonames_added"] = added

    def neighbourhoods(self) -> None:
        feats = _load_fc(self.data / "ocha_populated_places_2015" / "syr_damascus_neighbourhoods.geojson")
        out = []
        towns = [pl for pl in self.places.values() if pl["kind"] == "town" and pl["admin1"] in ("SY01", "SY03")]
        ar_names = self._table("neighbourhoods_ar.toml")
        for f in sorted(feats, key=lambda f: f["properties"]["HAY_PCODE"]):
            p = f["properties"]
            name = _clean(p["HAY_EN"])
            if not name or name.lower() == "unknown":
                continue
            g = _polygonal(shape(f["geometry"]))
            rp = g.representative_point()
            admin, _ = self.locate(rp.x, rp.y)
            key = loose_key(name)
            name_ar = None
            aliases = {name}
            for t in towns:
                if any(loose_key(a) == key for a in t["aliases"]) and Point(t["lon"], t["lat"]).distance(rp) < 0.05:
                    name_ar = t["name_ar"]
                    aliases |= set(t["aliases"])
                    break
            kind = _CANON_KIND.get(name, "neighbourhood")
            pc = p["HAY_PCODE"]
            extra_names = ar_names.get(pc)
            if extra_names:
                # the project's table of Arabic names and usual spellings (OCHA's layer is English only)
                name_ar = name_ar or extra_names["name_ar"]
                if extra_names.get("name"):  # a corrected English name ('Old Damasus' is a typo)
                    aliases.add(extra_names["name"])
                    name = extra_names["name"]
                aliases |= {extra_names["name_ar"], *extra_names.get("aliases", [])}
            self._add(pc, kind, name, name_ar, rp.y, rp.x, admin, aliases, ["ocha_populated_places_2015"])
            out.append(_feature({"pcode": pc, "name": name, "name_ar": name_ar, "kind": kind, **admin}, g))
        _write_fc(self.out / "damascus_neighbourhoods.geojson", out)
        self.report["damascus_neighbourhoods"] = len(out)

    def city_quarters(self) -> None:
        """Quarters of cities other than Damascus from the project's ``city_quarters.toml``: names
        only, each at its city's point and admin units (see that file)."""
        spec = self._table("city_quarters.toml")
        n = 0
        for key in sorted(spec):
            city = self.places.get(spec[key]["city"])
            if city is None or city["kind"] != "town":
                raise SystemExit(f"city_quarters.toml: [{key}] names unknown town {spec[key]['city']!r}")
            admin = {k: city[k] for k in ("admin1", "admin2", "admin3")}
            for en, names in sorted(spec[key].get("quarters", {}).items()):
                slug = "".join(c if c.isalnum() else "_" for c in fold(en)).strip("_")
                self._add(f"{city['id']}_{slug}", "neighbourhood", en, names[0], city["lat"], city["lon"], admin,
                          {en, *names}, ["city_quarters.toml"], quarter_of=city["id"])
                n += 1
        self.report["city_quarters"] = n

    def town_aliases(self) -> None:
        """Other names (Kurdish, Turkish) of OCHA places from the project's ``town_aliases.toml``."""
        spec = self._table("town_aliases.toml")
        n = 0
        for pid in sorted(spec):
            pl = self.places.get(pid)
            if pl is None or pl["kind"] != "town":
                raise SystemExit(f"town_aliases.toml: [{pid}] is not a town pcode of the gazetteer")
            names = {_clean(a) for a in spec[pid].get("names", []) if _clean(a)}
            pl["aliases"] = sorted(set(pl["aliases"]) | names)
            pl["sources"] = sorted(set(pl["sources"]) | {"town_aliases.toml"})
            n += len(names)
        self.report["town_aliases"] = n

    def regions(self) -> None:
        spec = tomllib.loads((self.out / "regions.toml").read_text("utf-8"))
        out = []
        for rid in sorted(spec):
            r = spec[rid]
            parts = []
            for lvl in (1, 2, 3):
                for pc in r.get(f"admin{lvl}", []):
                    if pc not in self.admin_geoms[lvl]:
                        raise SystemExit(f"regions.toml: [{rid}] names unknown admin{lvl} pcode {pc!r}")
                    parts.append(self.admin_geoms[lvl][pc])
            if "point" in r:
                lat, lon = r["point"]
                parts.append(_geodesic_circle(lat, lon, float(r.get("radius_km", 1.0))).intersection(self.syria))
            if not parts:
                raise SystemExit(f"regions.toml: [{rid}] has no admin pcodes and no point")
            g = _polygonal(shapely.union_all(parts))
            g = shapely.set_precision(g, 1e-6)
            g = _polygonal(g)
            if "point" in r:
                lat, lon = r["point"]
            else:
                rp = g.representative_point()
                lat, lon = rp.y, rp.x
            admin1s = set(r.get("admin1", []))
            admin1s |= {pc[:4] for pc in r.get("admin2", []) + r.get("admin3", [])}
            at_point = self.locate(r["point"][1], r["point"][0])[0] if "point" in r else None
            if at_point:
                admin1s.add(at_point["admin1"])
            admin1s = sorted(admin1s)
            admin = {"admin1": admin1s[0] if len(admin1s) == 1 else None, "admin2": None, "admin3": None}
            if r.get("kind") == "site" and at_point:
                admin = dict(at_point)  # a site lies in one unit of each level: the units its point falls in
            aliases = {r["name"], r.get("name_ar")} | set(r.get("aliases", []))
            area = self.areas.km2(g)
            self._add(rid, r.get("kind", "region"), r["name"], r.get("name_ar"), lat, lon, admin, aliases,
                      ["regions.toml"], area_km2=area)
            props = {"id": rid, "name": r["name"], "name_ar": r.get("name_ar"), "kind": r.get("kind", "region"),
                     "admin1_list": admin1s, "area_km2": area, "sources": r.get("sources", []), "note": r.get("note", "")}
            out.append(_feature(props, g))
        _write_fc(self.out / "regions.geojson", out)
        self.report["regions"] = len(out)

    # -- assembly
    def _add(self, pid, kind, name, name_ar, lat, lon, admin, aliases: Iterable, sources, rank=None, **extra) -> None:
        aliases = sorted({_clean(a) for a in aliases if a and _clean(a)})
        # OCHA writes some namesakes as 'Bayada - Jendris' / 'البياضية_آق برهان' (name - parent):
        # the first part alone is also a name of the place
        for a in list(aliases):
            for sep in (" - ", "_"):
                if sep in a:
                    head = _clean(a.split(sep, 1)[0])
                    if head and len(head) > 2:
                        aliases.append(head)
        aliases = sorted(set(aliases))
        rec = {
            "id": pid, "kind": kind, "name": name, "name_ar": name_ar,
            "lat": _r(lat), "lon": _r(lon),
            "admin1": admin.get("admin1"), "admin2": admin.get("admin2"), "admin3": admin.get("admin3"),
            "rank": rank if rank is not None else KIND_RANK[kind],
            "aliases": aliases, "sources": sorted(set(sources)),
        }
        rec.update({k: v for k, v in extra.items() if v is not None})
        self.places[pid] = rec

    def finish(self) -> None:
        index: dict[str, dict[str, set]] = {"fold": {}, "loose": {}, "skeleton": {}}
        lines = []
        for pid in sorted(self.places):
            pl = self.places[pid]
            var = set()
            for a in pl["aliases"]:
                var |= set(variants(a, limit=12))
            var -= set(pl["aliases"])
            pl["variants"] = sorted(var)
            for a in pl["aliases"] + pl["variants"]:
                for kind, fn in (("fold", fold), ("loose", loose_key), ("skeleton", skeleton)):
                    k = fn(a)
                    if k:
                        index[kind].setdefault(k, set()).add(pid)
            lines.append(_dump(pl))
        _write(self.out / "places.jsonl", "\n".join(lines) + "\n")
        idx = {"normalizer_version": NORMALIZER_VERSION}
        for kind, d in index.items():
            idx[kind] = {k: sorted(v) for k, v in sorted(d.items())}
        _write(self.out / "index.json", _dump(idx) + "\n")
        kinds: dict[str, int] = {}
        for pl in self.places.values():
            kinds[pl["kind"]] = kinds.get(pl["kind"], 0) + 1
        files = sorted(p.name for p in self.out.iterdir() if p.suffix in (".jsonl", ".json", ".geojson", ".toml") and p.name != "manifest.json")
        manifest = {
            "normalizer_version": NORMALIZER_VERSION,
            "counts": dict(sorted(kinds.items())),
            "index_keys": {k: len(v) for k, v in index.items()},
            "report": self.report,
            "sha256": {f: hashlib.sha256((self.out / f).read_bytes()).hexdigest() for f in files},
        }
        _write(self.out / "manifest.json", json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=1) + "\n")
        self.log(json.dumps({"counts": manifest["counts"], "report": self.report}, indent=1))

    def run(self) -> None:
        self.admin()
        self.populated()
        self.seat_points()
        self.geonames()
        self.neighbourhoods()
        self.city_quarters()
        self.town_aliases()
        self.regions()
        self.finish()


def _geodesic_circle(lat: float, lon: float, radius_km: float, n: int = 72) -> Polygon:
    from geopy.distance import geodesic

    pts = []
    for i in range(n):
        d = geodesic(kilometers=radius_km).destination((lat, lon), bearing=360.0 * i / n)
        pts.append((d.longitude, d.latitude))
    return Polygon(pts)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m geoinc.gazetteer.build", description=__doc__.split("\n\n")[0])
    ap.add_argument("data", type=Path, help="folder of raw sources (e.g. ../shared/data)")
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[2] / "gazetteer",
                    help="output folder (default: the project's gazetteer/)")
    a = ap.parse_args(argv)
    if not (a.data / "ocha_cod_ab_2016").is_dir():
        print(f"error: {a.data} does not hold ocha_cod_ab_2016/", file=sys.stderr)
        return 2
    a.out.mkdir(parents=True, exist_ok=True)
    for table in ("regions.toml", "neighbourhoods_ar.toml", "city_quarters.toml", "town_aliases.toml"):  # hand-edited
        if not (a.out / table).exists():
            src = Path(__file__).resolve().parents[2] / "gazetteer" / table
            (a.out / table).write_bytes(src.read_bytes())
    Builder(a.data, a.out).run()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
