"""Choropleth of incident counts by governorate, district and subdistrict."""

from __future__ import annotations

import math
from typing import Any

from .base import Plugin

#: YlOrRd, 6 classes (ColorBrewer).
PALETTE = ("#ffffb2", "#fed976", "#feb24c", "#fd8d3c", "#f03b20", "#bd0026")

LEVELS = {
    1: ("admin1", "Incidents by governorate", "governorate"),
    2: ("admin2", "Incidents by district", "district"),
    3: ("admin3", "Incidents by subdistrict", "subdistrict"),
}


def nice_breaks(max_value: int, classes: int = len(PALETTE)) -> list[int]:
    """Upper bounds of ``classes`` classes covering 1..max_value, roughly geometric and round."""
    if max_value <= classes:
        return list(range(1, max(1, max_value) + 1))
    out: list[int] = []
    for k in range(1, classes + 1):
        v = max_value ** (k / classes)
        mag = 10 ** max(0, int(math.log10(v)) - 1) if v >= 10 else 1
        b = int(math.ceil(v / mag) * mag)
        if out and b <= out[-1]:
            b = out[-1] + 1
        out.append(b)
    out[-1] = max(out[-1], max_value)
    return out


class Choropleth(Plugin):
    """Switchable choropleth layers of incident counts per admin unit, with legend and tooltips.

    ``counts`` maps a level (1-3) to a DataFrame indexed by pcode with ``incidents``,
    ``killed``, ``injured``, ``arrested`` (as :func:`geoinc.render.data.unit_counts` returns);
    when omitted they are counted from the incidents.
    """

    js = "choropleth"

    def __init__(self, levels=(1, 2, 3), show: int | None = 1, counts: dict | None = None, digits: int = 4) -> None:
        self.levels, self.show, self.counts, self.digits = tuple(levels), show, counts or {}, digits
        self._breaks: dict[int, list[int]] = {}

    def data(self, incidents, gaz) -> dict[str, Any]:
        from ..data import unit_counts
        from ..geo import admin_features

        out = {}
        for lv in self.levels:
            counts = self.counts.get(lv)
            if counts is None:
                counts = unit_counts(incidents, lv)
            fc = admin_features(lv, counts, digits=self.digits)
            top = max((f["properties"]["incidents"] for f in fc["features"]), default=0)
            self._breaks[lv] = nice_breaks(int(top))
            out[LEVELS[lv][0]] = fc
        return {"choropleth": out}

    def options(self) -> dict[str, Any]:
        return {
            "palette": list(PALETTE),
            "levels": [
                {"key": LEVELS[lv][0], "name": LEVELS[lv][1], "show": lv == self.show, "weight": 0.9 if lv == 1 else 0.5,
                 "title": f"Incidents per {LEVELS[lv][2]}", "breaks": self._breaks.get(lv, [1])}
                for lv in self.levels
            ],
        }
