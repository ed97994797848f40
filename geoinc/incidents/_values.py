"""Value parsers used by the incident readers: :mod:`geoinc.io.values` when present, else small fallbacks."""

from __future__ import annotations

import datetime as _dt
import math
from typing import Any

try:  # the shared parsers (coordinates with DMS and swaps, counts, dates in any common form)
    from ..io.values import SYRIA_BOUNDS, SwappedCoordinates, is_blank, parse_count, parse_date, parse_latlon
except ImportError:  # pragma: no cover - only before geoinc.io.values exists
    SYRIA_BOUNDS = (31.8, 35.2, 37.8, 42.9)

    class SwappedCoordinates(ValueError):  # type: ignore[no-redef]
        def __init__(self, message: str, repaired: tuple[float, float]):
            super().__init__(message)
            self.repaired = repaired

    def is_blank(value: Any) -> bool:  # type: ignore[no-redef]
        return value is None or (isinstance(value, float) and math.isnan(value)) or (isinstance(value, str) and not value.strip())

    def parse_latlon(lat: Any, lon: Any, bounds=(31.8, 35.2, 37.8, 42.9)) -> tuple[float, float]:  # type: ignore[no-redef]
        try:
            la, lo = float(str(lat).replace(",", ".")), float(str(lon).replace(",", "."))
        except ValueError:
            raise ValueError(f"not a coordinate pair: {lat!r}, {lon!r}") from None
        if abs(lo) > 180:
            raise ValueError(f"longitude {lo:g} out of range (±180)")
        if abs(la) > 90:
            if abs(lo) <= 90:
                raise SwappedCoordinates(f"latitude {la:g} out of range, the pair looks swapped", (lo, la))
            raise ValueError(f"latitude {la:g} out of range (±90)")
        s, w, n, e = bounds
        if not (s <= la <= n and w <= lo <= e) and (s <= lo <= n and w <= la <= e):
            raise SwappedCoordinates(f"({la:g}, {lo:g}) lies outside Syria but ({lo:g}, {la:g}) inside: latitude and longitude look swapped", (lo, la))
        return la, lo

    def parse_count(value: Any) -> int | None:  # type: ignore[no-redef]
        if is_blank(value):
            return None
        f = float(str(value).replace(",", ""))
        if f < 0 or f != int(f):
            raise ValueError(f"not a count: {value!r}")
        return int(f)

    def parse_date(value: Any, dayfirst: bool = True) -> _dt.date | None:  # type: ignore[no-redef]
        if is_blank(value):
            return None
        if isinstance(value, _dt.datetime):
            return value.date()
        if isinstance(value, _dt.date):
            return value
        import pandas as pd

        try:
            return pd.to_datetime(str(value), dayfirst=dayfirst).date()
        except (ValueError, OverflowError):
            raise ValueError(f"not a date: {value!r}") from None

__all__ = ["SYRIA_BOUNDS", "SwappedCoordinates", "is_blank", "parse_count", "parse_date", "parse_latlon"]
