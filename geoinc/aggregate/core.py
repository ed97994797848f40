"""``aggregate``: incidents counted by admin unit or region and by period, as a GeoDataFrame."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

import numpy as np

__all__ = ["aggregate", "Reconciliation", "BY_LEVELS", "PERIODS", "UNASSIGNED", "OUTSIDE", "SUMMARY_COLUMNS",
           "period_labels"]

#: ``by`` values: the admin levels and the named regions.
BY_LEVELS = ("admin1", "admin2", "admin3", "region")
#: ``period`` values (None: one row per region over the whole time).
PERIODS = ("day", "week", "month", "year")
#: Region codes of the rows that are not a unit: not placed at this level, and outside Syria.
UNASSIGNED, OUTSIDE = "unassigned", "outside"
UNDATED = "undated"
#: The leading columns of every summary (scripts depend on them), before ``type_<type>``.
SUMMARY_COLUMNS = ("region", "name", "name_ar", "period", "incidents", "arrested", "killed", "injured")
_COUNTS = ("arrested", "killed", "injured")
_NAMES = {UNASSIGNED: ("unassigned at this level", "غير محدد على هذا المستوى"), OUTSIDE: ("outside Syria", "خارج سوريا")}


@dataclass
class Reconciliation:
    """How the input incidents spread over the rows: the totals reconcile exactly.

    ``input == in_units + unassigned + outside`` where ``in_units`` counts distinct incidents
    (an incident counts in every region it falls in, so region rows may sum to more).
    """

    level: str
    input: int
    in_units: int
    unassigned: int
    outside: int
    unlocated: int = 0
    coarser: int = 0
    unit_rows_total: int = 0
    filtered_out: int = 0
    read: int | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def balanced(self) -> bool:
        return self.in_units + self.unassigned + self.outside == self.input

    def line(self) -> str:
        """'incidents 120 = in admin2 units 101 + unassigned 15 (unlocated 5, coarser than admin2 10) + outside Syria 4'"""
        what = "regions" if self.level == "region" else f"{self.level} units"
        un = f"unassigned {self.unassigned}"
        bits = []
        if self.unlocated:
            bits.append(f"unlocated {self.unlocated}")
        if self.coarser:
            bits.append(f"{'in no region' if self.level == 'region' else 'coarser than ' + self.level} {self.coarser}")
        if bits:
            un += " (" + ", ".join(bits) + ")"
        s = f"incidents {self.input} = in {what} {self.in_units} + {un} + outside Syria {self.outside}"
        if self.level == "region" and self.unit_rows_total != self.in_units:
            s += f"; regions overlap: {self.unit_rows_total} region counts"
        if self.filtered_out:
            s += f"; {self.filtered_out} left out by the filters"
        return s

    def to_dict(self) -> dict[str, Any]:
        return {"level": self.level, "input": self.input, "in_units": self.in_units, "unassigned": self.unassigned,
                "outside": self.outside, "unlocated": self.unlocated, "coarser": self.coarser,
                "unit_rows_total": self.unit_rows_total, "filtered_out": self.filtered_out, "balanced": self.balanced}


def _level_key(by: str):
    if by not in BY_LEVELS:
        raise ValueError(f"by must be one of {', '.join(BY_LEVELS)}, not {by!r}")
    return "region" if by == "region" else int(by[-1])


def period_labels(dates, period: str | None) -> np.ndarray:
    """Label of each date's period: day '2025-01-31', week '2025-W05' (ISO), month '2025-01', year '2025';
    'undated' for NaT; '' for every date when ``period`` is None."""
    import pandas as pd

    d = pd.to_datetime(pd.Series(dates), errors="coerce")
    n = len(d)
    if period is None:
        return np.full(n, "", dtype=object)
    if period not in PERIODS:
        raise ValueError(f"period must be one of {', '.join(PERIODS)} or None, not {period!r}")
    na = d.isna().to_numpy()
    out = np.full(n, UNDATED, dtype=object)
    if (~na).any():
        dd = d[~na]
        if period == "day":
            lab = dd.dt.strftime("%Y-%m-%d")
        elif period == "month":
            # via integer month numbers: much faster than strftime on millions of dates
            y = dd.dt.year.to_numpy()
            m = dd.dt.month.to_numpy()
            codes = y * 12 + (m - 1)
            uniq, inv = np.unique(codes, return_inverse=True)
            labels = np.array([f"{u // 12:04d}-{u % 12 + 1:02d}" for u in uniq], dtype=object)
            lab = labels[inv]
        elif period == "year":
            lab = dd.dt.year.astype(str)
        else:
            iso = dd.dt.isocalendar()
            lab = iso["year"].astype(str) + "-W" + iso["week"].astype(str).str.zfill(2)
        out[~na] = np.asarray(lab, dtype=object)
    return out


def period_codes(dates, period: str | None) -> tuple[np.ndarray, list[str]]:
    """(code per date, labels): ``labels[code]`` is :func:`period_labels` of the date, computed on
    integer period numbers so millions of dates take milliseconds."""
    import pandas as pd

    d = dates if isinstance(dates, pd.Series) and dates.dtype.kind == "M" else pd.to_datetime(pd.Series(dates), errors="coerce")
    n = len(d)
    if period is None:
        return np.zeros(n, dtype=np.int64), [""]
    if period not in PERIODS:
        raise ValueError(f"period must be one of {', '.join(PERIODS)} or None, not {period!r}")
    na = d.isna().to_numpy()
    days = d.to_numpy(dtype="datetime64[D]").astype(np.int64)  # days since 1970-01-01 (NaT: a sentinel)
    if period == "day":
        num = days
    elif period == "week":
        num = days - (days + 3) % 7  # the Monday starting the ISO week (1970-01-01 was a Thursday)
    else:
        m = d.to_numpy(dtype="datetime64[M]").astype(np.int64)
        num = m if period == "month" else m // 12
    big = np.iinfo(np.int64).max
    num = np.where(na, big, num)
    if (~na).any() and int(num[~na].max()) - int(num[~na].min()) < 5_000_000:
        # a small range of periods: a lookup table instead of sorting millions of values
        lo = int(num[~na].min())
        off = np.where(na, int(num[~na].max()) - lo + 1, num - lo)
        present = np.flatnonzero(np.bincount(off))
        table = np.full(int(off.max()) + 1, -1, dtype=np.int64)
        table[present] = np.arange(len(present))
        inv = table[off]
        uniq = np.where(present == int(num[~na].max()) - lo + 1, big, present + lo) if na.any() else present + lo
    else:
        uniq, inv = np.unique(num, return_inverse=True)
    labels: list[str] = []
    for u in uniq.tolist():
        if u == np.iinfo(np.int64).max:
            labels.append(UNDATED)
        elif period == "year":
            labels.append(f"{u + 1970:04d}")
        elif period == "month":
            labels.append(f"{u // 12 + 1970:04d}-{u % 12 + 1:02d}")
        else:
            day = pd.Timestamp(np.datetime64(int(u), "D"))
            if period == "day":
                labels.append(day.strftime("%Y-%m-%d"))
            else:
                iso = day.isocalendar()
                labels.append(f"{iso[0]:04d}-W{iso[1]:02d}")
    return inv.astype(np.int64).ravel(), labels


def _all_periods(labels: Iterable[str], period: str, since=None, until=None) -> list[str]:
    """Every period label from the first to the last (or since/until), with no gaps."""
    import pandas as pd

    dated = sorted(x for x in set(labels) if x and x != UNDATED)
    if not dated and since is None:
        return []
    start = pd.Timestamp(since) if since is not None else _label_start(dated[0], period)
    end = pd.Timestamp(until) if until is not None else _label_start(dated[-1], period)
    freq = {"day": "D", "week": "W-MON", "month": "MS", "year": "YS"}[period]
    if period == "week":
        start = start - pd.Timedelta(days=start.weekday())
    elif period == "month":
        start = start.replace(day=1)
    elif period == "year":
        start = start.replace(month=1, day=1)
    rng = pd.date_range(start, end, freq=freq)
    return list(dict.fromkeys(period_labels(rng, period).tolist()))


def _label_start(label: str, period: str):
    import pandas as pd

    if period == "week":
        y, w = label.split("-W")
        return pd.Timestamp.fromisocalendar(int(y), int(w), 1)
    return pd.Timestamp(label if period != "month" else label + "-01")


def _as_frame(incidents, gaz):
    """The incident table from a path, a GeoDataFrame or a DataFrame with lat/lon."""
    import pandas as pd

    if isinstance(incidents, (str, os.PathLike)):
        from ..incidents import read_incidents

        return read_incidents(incidents, gazetteer=gaz)
    if not isinstance(incidents, pd.DataFrame):
        raise TypeError(f"incidents must be a DataFrame/GeoDataFrame or a path, not {type(incidents).__name__}")
    return incidents


def _coords(df) -> tuple[np.ndarray, np.ndarray]:
    if "lat" in df and "lon" in df:
        return df["lat"].to_numpy(dtype=float, na_value=np.nan), df["lon"].to_numpy(dtype=float, na_value=np.nan)
    if hasattr(df, "geometry"):
        g = df.geometry
        ok = ~(g.isna() | g.is_empty)
        lat = np.full(len(df), np.nan)
        lon = np.full(len(df), np.nan)
        lat[ok.to_numpy()] = g[ok].y.to_numpy()
        lon[ok.to_numpy()] = g[ok].x.to_numpy()
        return lat, lon
    raise ValueError("incidents need 'lat'/'lon' columns or a point geometry")


def aggregate(incidents, by: str = "admin1", period: str | None = None, metrics: Sequence[str] | None = None,
              fill: bool = False, types: Sequence[str] | None = None, since=None, until=None, gazetteer=None):
    """Count incidents by admin unit or region, and by period.

    Parameters
    ----------
    incidents
        The incident table (:func:`geoinc.read_incidents`), a DataFrame with ``lat``/``lon`` (and
        optionally ``date``, ``type``, counts, ``place_kind``), or a path to read.
    by
        'admin1', 'admin2', 'admin3' (OCHA pcodes) or 'region' (the gazetteer's named regions;
        an incident counts in every region its point falls in or its report named).
    period
        'day', 'week' (ISO, '2025-W03'), 'month', 'year' or None (one row per region).
    metrics
        Which of 'incidents', 'arrested', 'killed', 'injured', 'types' to compute (default all).
    fill
        Also give zero rows to units and periods with no incidents (every unit of the level, every
        period from the first to the last), so series and choropleths have no holes.
    types, since, until
        Keep only these incident types, and incidents dated in [since, until] (undated ones are
        left out when a date bound is given).

    Returns
    -------
    geopandas.GeoDataFrame
        Columns ``region`` (pcode or region id, ``unassigned``, ``outside``), ``name``, ``name_ar``,
        ``period``, ``incidents``, ``arrested``, ``killed``, ``injured`` (sums of known counts),
        ``type_<type>`` counts, ``area_km2`` (equal-area), ``density`` (incidents per 1,000 km²)
        and the unit's polygon as ``geometry`` (None for the unassigned and outside rows).
        ``.attrs["reconciliation"]`` is a :class:`Reconciliation`: units + unassigned + outside
        = the input count.

    Incidents known only at a coarser level (a governorate for ``by='admin2'``) are counted as
    unassigned at the finer level, never spread over its units.
    """
    import geopandas as gpd
    import pandas as pd

    from ..gazetteer import Gazetteer
    from ..incidents.drafts import admin_level_of
    from ..incidents.schema import INCIDENT_TYPES
    from .areas import unit_areas_km2
    from .assign import assign_points, grid_index

    gaz = gazetteer or Gazetteer.load()
    key = _level_key(by)
    mets = tuple(metrics) if metrics else ("incidents", *_COUNTS, "types")
    bad = [m for m in mets if m not in ("incidents", *_COUNTS, "types")]
    if bad:
        raise ValueError(f"unknown metrics {bad}: use incidents, arrested, killed, injured, types")
    df = _as_frame(incidents, gaz)
    n_in = len(df)
    # ---- filters
    keep = np.ones(len(df), dtype=bool)
    if types:
        want = {t.lower() for t in types}
        unknown = want - set(INCIDENT_TYPES)
        if unknown:
            raise ValueError(f"unknown incident types {sorted(unknown)}: use {', '.join(INCIDENT_TYPES)}")
        keep &= df["type"].isin(want).to_numpy() if "type" in df else False
    if since is not None or until is not None:
        d = pd.to_datetime(df["date"], errors="coerce") if "date" in df else pd.Series(pd.NaT, index=df.index)
        ok = d.notna().to_numpy().copy()
        if since is not None:
            ok &= (d >= pd.Timestamp(since)).to_numpy()
        if until is not None:
            ok &= (d <= pd.Timestamp(until)).to_numpy()
        keep &= ok
    if not keep.all():
        df = df[keep]
    n = len(df)
    lat, lon = _coords(df)
    located = np.isfinite(lat) & np.isfinite(lon)
    kinds = df["place_kind"].to_numpy(dtype=object) if "place_kind" in df else np.full(n, None, dtype=object)
    precs = df["precision"].to_numpy(dtype=object, na_value=None) if "precision" in df else np.full(n, None, dtype=object)
    # ---- which unit (or units) each incident counts in
    if key == "region":
        ids, _, props = gaz.spatial.layer("region")
        idx_of = {r: i for i, r in enumerate(ids)}
        if "regions" in df:
            lists = [[idx_of[r] for r in str(s).split(";") if r in idx_of] if isinstance(s, str) and s else []
                     for s in df["regions"].tolist()]
            pi = np.array([i for i, l in enumerate(lists) for _ in l], dtype=np.int64)
            fi = np.array([f for l in lists for f in l], dtype=np.int64)
        else:
            point_like = np.array([admin_level_of(k, p) == 3 for k, p in zip(kinds, precs)], dtype=bool)
            sel = np.flatnonzero(located & point_like)
            pi, fi = grid_index("region", gaz).members(lon[sel], lat[sel])
            pi = sel[pi]
        in_unit = np.zeros(n, dtype=bool)
        in_unit[pi] = True
    else:
        ids, _, props = gaz.spatial.layer(key)
        col = f"admin{key}"
        if col in df:
            codes = pd.Categorical(df[col].to_numpy(dtype=object), categories=ids).codes.astype(np.int64)
        else:
            sel = np.flatnonzero(located)
            codes = np.full(n, -1, dtype=np.int64)
            if len(sel):
                codes[sel] = grid_index(key, gaz).first(lon[sel], lat[sel])
            if "place_kind" in df or "precision" in df:
                lv = np.array([admin_level_of(k, p) for k, p in zip(kinds, precs)])
                codes[lv < key] = -1
        in_unit = codes >= 0
        pi = np.flatnonzero(in_unit)
        fi = codes[pi]
    # outside Syria: located, no unit, and the point is in no governorate
    outside = np.zeros(n, dtype=bool)
    cand = np.flatnonzero(located & ~in_unit)
    if len(cand):
        if "admin1" in df and key != "region":
            a1 = df["admin1"].to_numpy(dtype=object)[cand]
            maybe = cand[np.array([a is None or (isinstance(a, float) and a != a) for a in a1], dtype=bool)]
        else:
            maybe = cand
        if len(maybe):
            outside[maybe] = grid_index(1, gaz).first(lon[maybe], lat[maybe]) < 0 if len(maybe) >= 5000 else \
                np.array([u is None for u in assign_points(1, lon[maybe], lat[maybe], gaz)], dtype=bool)
    unassigned = ~in_unit & ~outside
    # ---- periods
    p_code, p_uniq = period_codes(df["date"] if "date" in df else pd.Series(pd.NaT, index=range(n)), period)
    # ---- group keys: (unit index | unassigned | outside, period)
    nU = len(ids)
    extra_keys = np.full(n, -1, dtype=np.int64)
    extra_keys[unassigned] = nU
    extra_keys[outside] = nU + 1
    rows_inc = np.concatenate([pi, np.flatnonzero(~in_unit)])
    rows_key = np.concatenate([fi, extra_keys[~in_unit]])
    periods = list(p_uniq)
    if fill and period is not None:
        full = _all_periods(periods, period, since, until)
        periods = sorted(set(full) | set(periods), key=lambda s: (s == UNDATED, s))
    p_index = {p: i for i, p in enumerate(periods)}
    remap = np.array([p_index[p] for p in p_uniq], dtype=np.int64)
    p_code = remap[p_code]
    nP = max(1, len(periods))
    gk = rows_key * nP + p_code[rows_inc]
    size = (nU + 2) * nP
    out: dict[str, np.ndarray] = {"incidents": np.bincount(gk, minlength=size)}
    for c in _COUNTS:
        if c in mets:
            v = df[c].to_numpy(dtype=float, na_value=0.0) if c in df else np.zeros(n)
            out[c] = np.rint(np.bincount(gk, weights=v[rows_inc], minlength=size)).astype(np.int64)
    type_cols = []
    if "types" in mets:
        if "type" in df:
            fcode, funiq = pd.factorize(df["type"], use_na_sentinel=False)
            other = INCIDENT_TYPES.index("other")
            lut = np.array([INCIDENT_TYPES.index(u) if u in INCIDENT_TYPES else other for u in funiq], dtype=np.int64)
            tcode = lut[fcode][rows_inc]
        else:
            tcode = np.full(len(rows_inc), INCIDENT_TYPES.index("other"), dtype=np.int64)
        for ti, t in enumerate(INCIDENT_TYPES):
            out[f"type_{t}"] = np.bincount(gk[tcode == ti], minlength=size)
            type_cols.append(f"type_{t}")
    # ---- the rows to show
    counts = out["incidents"].reshape(nU + 2, nP)
    present_units = counts.sum(axis=1) > 0
    if fill:
        unit_rows = list(range(nU)) + [k for k in (nU, nU + 1) if present_units[k]]
        sel = [(u, p) for u in unit_rows for p in range(len(periods))]
    else:
        nz = np.argwhere(counts > 0)
        sel = [(int(u), int(p)) for u, p in nz]
    order = sorted(range(nU), key=lambda i: ids[i])
    rank = {u: r for r, u in enumerate(order)}
    rank[nU], rank[nU + 1] = nU, nU + 1
    sel.sort(key=lambda up: (rank[up[0]], up[1]))
    flat = np.array([u * nP + p for u, p in sel], dtype=np.int64)
    areas = unit_areas_km2(key if key == "region" else key, gaz)
    geoms = gaz.spatial.layer(key)[1]
    codes_out = [ids[u] if u < nU else (UNASSIGNED if u == nU else OUTSIDE) for u, _ in sel]
    names = [props[u].get("name") if u < nU else _NAMES[codes_out[i]][0] for i, (u, _) in enumerate(sel)]
    names_ar = [props[u].get("name_ar") if u < nU else _NAMES[codes_out[i]][1] for i, (u, _) in enumerate(sel)]
    data: dict[str, Any] = {
        "region": codes_out, "name": names, "name_ar": names_ar,
        "period": [periods[p] if periods else "" for _, p in sel],
    }
    for m in ("incidents", *_COUNTS):
        if m in out and (m == "incidents" or m in mets):
            data[m] = out[m][flat] if len(flat) else np.zeros(0, dtype=np.int64)
    for t in type_cols:
        data[t] = out[t][flat] if len(flat) else np.zeros(0, dtype=np.int64)
    area = np.array([areas.get(ids[u], np.nan) if u < nU else np.nan for u, _ in sel], dtype=float)
    data["area_km2"] = np.round(area, 3)
    with np.errstate(divide="ignore", invalid="ignore"):
        data["density"] = np.round(np.asarray(data["incidents"], dtype=float) / area * 1000.0, 4)
    geo = [geoms[u] if u < nU else None for u, _ in sel]
    res = gpd.GeoDataFrame(pd.DataFrame(data), geometry=gpd.GeoSeries(geo, crs="EPSG:4326"), crs="EPSG:4326")
    # ---- reconciliation
    unl = int((~located & unassigned).sum())
    rec = Reconciliation(level=by, input=n, in_units=int(in_unit.sum()), unassigned=int(unassigned.sum()),
                         outside=int(outside.sum()), unlocated=unl, coarser=int(unassigned.sum()) - unl,
                         unit_rows_total=int(len(pi)), filtered_out=n_in - n)
    res.attrs["reconciliation"] = rec
    res.attrs["by"], res.attrs["period"] = by, period
    return res
