"""Charts of a summary with matplotlib: bars by region, or lines through time with a period."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["draw_chart", "CHART_SUFFIXES"]

CHART_SUFFIXES = (".png", ".svg", ".pdf")


def draw_chart(agg, path: str | os.PathLike, top: int = 8, title: str | None = None) -> None:
    """Draw the aggregate to ``path`` (.png, .svg or .pdf), atomically.

    Without a period: horizontal bars of incidents for the ``top * 2`` largest units (plus the
    unassigned and outside rows). With a period: one line per unit through time for the ``top``
    largest units, and the total.
    Names are the English ones (matplotlib does not shape Arabic script).
    """
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    from ..io.atomic import atomic_path

    ext = Path(path).suffix.lower()
    if ext not in CHART_SUFFIXES:
        raise ValueError(f"{path}: unknown chart format {ext or '(no extension)'}; use {', '.join(CHART_SUFFIXES)}")
    by, per = agg.attrs.get("by", ""), agg.attrs.get("period")
    label = lambda r: str(r["name"] or r["region"])  # noqa: E731
    fig, ax = plt.subplots(figsize=(10, 6), dpi=110)
    try:
        if not per:
            t = agg.groupby(["region", "name"], as_index=False)["incidents"].sum()
            t = t[t["incidents"] > 0].sort_values("incidents", ascending=True).tail(top * 2)
            ax.barh([label(r) for r in t.to_dict("records")], t["incidents"], color="#b2182b")
            ax.set_xlabel("incidents")
            for y, v in enumerate(t["incidents"].tolist()):
                ax.text(v, y, f" {v}", va="center", fontsize=8)
        else:
            d = agg[(agg["period"] != "undated") & (agg["period"] != "")]
            periods = sorted(d["period"].unique())
            piv = d.pivot_table(index="period", columns="region", values="incidents", aggfunc="sum", fill_value=0)
            piv = piv.reindex(periods, fill_value=0)
            names = dict(zip(d["region"], d["name"]))
            best = piv.sum().sort_values(ascending=False).index[:top]
            xs = range(len(periods))
            ax.plot(xs, piv.sum(axis=1).to_numpy(), color="black", linewidth=2, label="all")
            for r in best:
                ax.plot(xs, piv[r].to_numpy(), marker="o", markersize=3, label=str(names.get(r) or r))
            step = max(1, len(periods) // 12)
            ax.set_xticks(list(xs)[::step])
            ax.set_xticklabels(periods[::step], rotation=45, ha="right")
            ax.set_ylabel(f"incidents per {per}")
            ax.legend(fontsize=8, loc="upper left")
            ax.grid(alpha=0.3)
        ax.set_title(title or f"Incidents by {by}" + (f" and {per}" if per else ""))
        fig.tight_layout()
        with atomic_path(path) as tmp:
            fig.savefig(tmp, format=ext[1:])
    finally:
        plt.close(fig)
