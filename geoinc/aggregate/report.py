"""The short scripted report of ``geoinc summary --report``: top regions, change against the
previous period, largest incidents."""

from __future__ import annotations

from typing import Any

__all__ = ["build_report"]


def _name(row, lang: str) -> str:
    n = row.get("name_ar") if lang == "ar" else row.get("name")
    return f"{n or row['region']} ({row['region']})" if row["region"] not in ("unassigned", "outside") else str(n)


def _pct(new: int, old: int) -> str:
    if old == 0:
        return "new" if new else "±0"
    return f"{(new - old) / old * 100:+.0f}%"


def build_report(agg, incidents=None, lang: str = "en", top: int = 5) -> str:
    """A plain-text report (Markdown-friendly) from an aggregate and, optionally, the incident table.

    - **Top regions**: the ``top`` units with most incidents, with their share and deaths.
    - **Change**: the last period against the one before, overall and for the units that moved
      most (needs an aggregate with a period; months are used if it has none and the incident
      table is given).
    - **Largest incidents**: by killed + injured + arrested, with date, place and excerpt.
    """
    import pandas as pd

    by = agg.attrs.get("by", "admin1")
    out: list[str] = [f"# Incident report by {by}", ""]
    rec = agg.attrs.get("reconciliation")
    if rec is not None:
        out += [rec.line(), ""]
    units = agg[~agg["region"].isin(["unassigned", "outside"])]
    tot = units.groupby(["region", "name", "name_ar"], as_index=False)[["incidents", "killed"]].sum()
    tot = tot[tot["incidents"] > 0].sort_values(["incidents", "killed", "region"], ascending=[False, False, True])
    all_n = int(agg["incidents"].sum()) if by != "region" else (rec.input if rec else int(agg["incidents"].sum()))
    out.append(f"## Top {min(top, len(tot))} {'regions' if by == 'region' else by + ' units'}")
    if tot.empty:
        out.append("(no incidents placed at this level)")
    for i, r in enumerate(tot.head(top).to_dict("records"), start=1):
        share = f", {r['incidents'] / all_n * 100:.0f}% of all" if all_n else ""
        out.append(f"{i}. {_name(r, lang)}: {r['incidents']} incidents{share}, {r['killed']} killed")
    out.append("")
    # change against the previous period
    per = agg.attrs.get("period")
    series = agg
    if not per and incidents is not None and len(incidents):
        from .core import aggregate

        series = aggregate(incidents, by=by, period="month")
        per = "month"
    out.append("## Change against the previous period")
    if not per:
        out.append("(no period: run with --period to compare periods)")
    else:
        dated = series[(series["period"] != "undated") & (series["period"] != "")]
        plist = sorted(dated["period"].unique())
        if len(plist) < 2:
            out.append(f"(only {len(plist)} {per} with dated incidents: nothing to compare)")
        else:
            last, prev = plist[-1], plist[-2]
            a = int(dated.loc[dated["period"] == last, "incidents"].sum())
            b = int(dated.loc[dated["period"] == prev, "incidents"].sum())
            out.append(f"All: {a} incidents in {last} against {b} in {prev} ({_pct(a, b)})")
            piv = dated.pivot_table(index=["region", "name", "name_ar"], columns="period", values="incidents",
                                    aggfunc="sum", fill_value=0)
            piv = piv.reindex(columns=[prev, last], fill_value=0).reset_index()
            piv["delta"] = piv[last] - piv[prev]
            piv = piv[piv["delta"] != 0].sort_values(["delta", "region"], key=lambda s: -s.abs() if s.name == "delta" else s)
            for r in piv.head(top).to_dict("records"):
                out.append(f"- {_name(r, lang)}: {r[last]} against {r[prev]} ({_pct(r[last], r[prev])})")
    out.append("")
    # largest incidents
    out.append("## Largest incidents")
    if incidents is None or not len(incidents):
        out.append("(no incident table)")
    else:
        df = pd.DataFrame(incidents.drop(columns="geometry", errors="ignore"))
        size = sum(df[c].fillna(0).astype("int64") for c in ("killed", "injured", "arrested") if c in df)
        if not isinstance(size, int):
            df = df.assign(_size=size.to_numpy())
            big = df[df["_size"] > 0].sort_values(["_size", "incident_id"], ascending=[False, True]).head(top)
            if big.empty:
                out.append("(no incident reports people killed, injured or arrested)")
            for r in big.to_dict("records"):
                out.append("- " + _incident_line(r, lang))
        else:
            out.append("(no counts of people in the table)")
    return "\n".join(out).rstrip() + "\n"


def _incident_line(r: dict[str, Any], lang: str) -> str:
    import pandas as pd

    date = r["date"].strftime("%Y-%m-%d") if isinstance(r.get("date"), pd.Timestamp) and not pd.isna(r["date"]) else (r.get("date_text") or "undated")
    place = (r.get("place_name_ar") if lang == "ar" else None) or r.get("place_name") or r.get("place_id") or "unlocated"
    counts = ", ".join(f"{int(r[c])} {c}" for c in ("killed", "injured", "arrested") if r.get(c) is not None and not pd.isna(r[c]) and int(r[c]))
    line = f"{date}, {r.get('type') or 'other'} in {place}: {counts} [{r.get('incident_id')}]"
    ex = r.get("excerpt")
    if isinstance(ex, str) and ex.strip():
        ex = " ".join(ex.split())
        line += f" — \"{ex[:160]}{'…' if len(ex) > 160 else ''}\""
    return line
