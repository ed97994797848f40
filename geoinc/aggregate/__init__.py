"""Aggregation of incidents by admin unit, region and period.

``geoinc.aggregate(incidents, by="admin1", period="month")`` returns a GeoDataFrame of counts
per unit and period (see :func:`geoinc.aggregate.core.aggregate`); :mod:`.assign` holds the fast
exact point-to-unit assignment, :mod:`.areas` the equal-area areas, :mod:`.summary` the tables
and writers, :mod:`.report` the scripted report and :mod:`.chart` the matplotlib charts.
"""

from __future__ import annotations

import sys
import types

from .core import BY_LEVELS, OUTSIDE, PERIODS, SUMMARY_COLUMNS, UNASSIGNED, Reconciliation, aggregate

__all__ = ["aggregate", "Reconciliation", "BY_LEVELS", "PERIODS", "SUMMARY_COLUMNS", "UNASSIGNED", "OUTSIDE"]


class _CallableModule(types.ModuleType):
    """``geoinc.aggregate`` is both this package and the function: calling it aggregates."""

    def __call__(self, *args, **kwargs):
        return aggregate(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
