"""aggregate(): exact assignment, reconciliation, --fill, no smearing, regions, equal-area densities."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import shapely

import geoinc
from geoinc.aggregate.areas import unit_areas_km2
from geoinc.aggregate.assign import GridIndex, assign_points, grid_index
from geoinc.aggregate.core import period_labels

FIX = Path(__file__).parent / "fixtures" / "tables"

# OCHA COD-AB 2020 governorate areas (area_sqkm), facts copied as numbers.
OCHA_AREA_KM2 = {
    "SY01": 116.67842844, "SY02": 19891.01295691, "SY03": 26262.18928817, "SY04": 43231.35501894,
    "SY05": 11094.84225832, "SY06": 2388.35300813, "SY07": 5416.46256765, "SY08": 23168.88242516,
    "SY09": 25157.63292314, "SY10": 1873.97774748, "SY11": 17627.37146232, "SY12": 3833.53123216,
    "SY13": 6358.06378864, "SY14": 1718.06546552,
}


@pytest.fixture(scope="module", autouse=True)
def _private_cache(tmp_path_factory):
    mp = pytest.MonkeyPatch()
    mp.setenv("GEOINC_CACHE", str(tmp_path_factory.mktemp("cache")))
    yield
    mp.undo()


@pytest.mark.parametrize("lon,lat,codes", [
    (36.2329, 33.4590, ("SY03", "SY0309", "SY030900")),    # Daraya
    (38.2773, 34.5573, ("SY04", "SY0405", "SY040500")),    # Palmyra (Tadmor)
    (36.7504, 35.2926, ("SY05", "SY0501", "SY050101")),    # Souran, Hama
])
def test_known_points(lon, lat, codes):
    for level, code in zip((1, 2, 3), codes):
        assert assign_points(level, [lon], [lat])[0] == code
    assert assign_points(1, [35.5], [33.9])[0] is None    # Lebanon


def _border_points(geoms, n_per=40, rng=None):
    """Vertices of the polygons and midpoints of their edges: points on the borders."""
    xs, ys = [], []
    for g in geoms:
        c = shapely.get_coordinates(shapely.boundary(g))
        pick = c[rng.integers(0, len(c), n_per)]
        xs.append(pick[:, 0])
        ys.append(pick[:, 1])
        mids = (c[:-1] + c[1:]) / 2
        pm = mids[rng.integers(0, len(mids), n_per)]
        xs.append(pm[:, 0])
        ys.append(pm[:, 1])
    return np.concatenate(xs), np.concatenate(ys)


@pytest.mark.parametrize("level", [1, 3])
def test_grid_is_exact_including_borders(gaz, level):
    ids, geoms, _ = gaz.spatial.layer(level)
    grid = grid_index(level, gaz)
    assert isinstance(grid, GridIndex)
    rng = np.random.default_rng(7)
    lon = rng.uniform(35.4, 42.6, 20000)
    lat = rng.uniform(32.1, 37.5, 20000)
    bx, by = _border_points(geoms, 10 if level == 3 else 60, rng)
    lon, lat = np.concatenate([lon, bx]), np.concatenate([lat, by])
    exact = gaz.spatial.assign(level, lon, lat)
    assert grid.assign(lon, lat).tolist() == exact
    assert sum(e is None for e in exact) > 100 and len(set(exact)) > 10   # the test covers inside and outside


def test_region_membership_grid_matches_exact(gaz):
    grid = grid_index("region", gaz)
    rng = np.random.default_rng(3)
    lon, lat = rng.uniform(35.4, 42.6, 20000), rng.uniform(32.1, 37.5, 20000)
    pi, fi = grid.members(lon, lat)
    pe, fe = gaz.spatial.contains("region", lon, lat)
    assert set(zip(pi.tolist(), fi.tolist())) == set(zip(pe.tolist(), fe.tolist()))


def test_reconciliation_and_no_smearing():
    inc = geoinc.read_incidents(FIX / "incidents_latlon.csv")     # 6 located (1 in Lebanon), 1 unlocated
    extra = geoinc.read_incidents(FIX / "incidents_places.csv")   # P4: Idlib governorate only, P5 unlocated
    both = pd.concat([inc, extra], ignore_index=True)
    for by in ("admin1", "admin2", "admin3", "region"):
        agg = geoinc.aggregate(both, by=by)
        rec = agg.attrs["reconciliation"]
        assert rec.input == len(both) == 12
        assert rec.balanced, rec.line()
        if by != "region":
            assert agg["incidents"].sum() == len(both)
        assert int(agg.loc[agg.region == "outside", "incidents"].sum()) == 1       # the point in Lebanon
    a1 = geoinc.aggregate(both, by="admin1")
    assert int(a1.loc[a1.region == "SY07", "incidents"].iloc[0]) == 1               # governorate precision counts here
    a2 = geoinc.aggregate(both, by="admin2")
    assert not a2.region.str.startswith("SY07").any()                              # ... and is not spread below
    assert a2.attrs["reconciliation"].coarser == 1 and a2.attrs["reconciliation"].unlocated == 2
    assert "unassigned 3 (unlocated 2, coarser than admin2 1)" in a2.attrs["reconciliation"].line()
    assert int(a2.loc[a2.region == "unassigned", "incidents"].iloc[0]) == 3


def test_sums_and_types():
    inc = geoinc.read_incidents(FIX / "incidents_latlon.csv")
    agg = geoinc.aggregate(inc, by="admin1")
    row = agg.set_index("region").loc["SY04"]
    assert (row.incidents, row.killed, row.injured, row.type_strike) == (1, 2, 5, 1)
    assert list(agg.columns[:8]) == ["region", "name", "name_ar", "period", "incidents", "arrested", "killed", "injured"]
    assert agg.crs.to_epsg() == 4326 and agg.set_index("region").loc["SY04"].geometry.geom_type in ("Polygon", "MultiPolygon")


def test_region_counts_point_inside_or_mention():
    inc = geoinc.read_incidents(FIX / "ucdp_sample.csv")   # Palmyra point + 'Syrian desert' (named)
    agg = geoinc.aggregate(inc, by="region").set_index("region")
    assert agg.loc["badia", "incidents"] == 2
    assert agg.loc["western_ghouta", "incidents"] == 1


def test_fill_gives_every_unit_and_period():
    inc = geoinc.read_incidents(FIX / "incidents_latlon.csv")   # March and April 2025
    inc.loc[inc.incident_id == "T6", "date"] = pd.Timestamp("2025-06-10")  # leave May empty
    agg = geoinc.aggregate(inc, by="admin1", period="month", fill=True)
    units = agg[agg.region.str.startswith("SY")]
    assert sorted(units.period.unique()) == ["2025-03", "2025-04", "2025-05", "2025-06"]
    assert len(units) == 14 * 4
    assert (units[units.period == "2025-05"].incidents == 0).all()
    assert agg.attrs["reconciliation"].balanced and agg.incidents.sum() == len(inc)
    sparse = geoinc.aggregate(inc, by="admin1", period="month")
    assert (sparse.incidents > 0).all() and len(sparse) < len(agg)


def test_filters_type_and_dates():
    inc = geoinc.read_incidents(FIX / "incidents_latlon.csv")
    agg = geoinc.aggregate(inc, by="admin1", types=["arrest"], since="2025-03-01", until="2025-03-31")
    assert agg.incidents.sum() == 1 and agg.attrs["reconciliation"].filtered_out == len(inc) - 1
    with pytest.raises(ValueError):
        geoinc.aggregate(inc, by="admin1", types=["bombing"])
    with pytest.raises(ValueError):
        geoinc.aggregate(inc, by="county")


def test_equal_area_against_ocha(gaz):
    areas = unit_areas_km2(1)
    for pcode, km2 in OCHA_AREA_KM2.items():
        assert abs(areas[pcode] - km2) / km2 < 0.01, pcode
    # a degree-based area would be wrong by far more than 1 %
    g = gaz.spatial.geometry("SY04")
    assert abs(g.area * 111.32**2 - OCHA_AREA_KM2["SY04"]) / OCHA_AREA_KM2["SY04"] > 0.1


def test_density_per_1000_km2():
    inc = geoinc.read_incidents(FIX / "incidents_latlon.csv")
    agg = geoinc.aggregate(inc, by="admin1").set_index("region")
    assert agg.loc["SY04", "density"] == pytest.approx(1 / OCHA_AREA_KM2["SY04"] * 1000, rel=0.01)
    assert np.isnan(agg.loc["outside", "density"])


def test_period_labels():
    d = pd.to_datetime(["2025-01-01", "2024-12-30", None])
    assert period_labels(d, "week").tolist() == ["2025-W01", "2025-W01", "undated"]
    assert period_labels(d, "month").tolist() == ["2025-01", "2024-12", "undated"]
    assert period_labels(d, "day").tolist()[:2] == ["2025-01-01", "2024-12-30"]


def test_plain_points_without_admin_columns():
    rng = np.random.default_rng(0)
    df = pd.DataFrame({"lat": rng.uniform(32.5, 37, 6000), "lon": rng.uniform(36, 42, 6000),
                       "date": pd.Timestamp("2025-01-15"), "type": "strike"})
    agg = geoinc.aggregate(df, by="admin3", period="month")
    exact = pd.Series(geoinc.Gazetteer.load().spatial.assign(3, df.lon.to_numpy(), df.lat.to_numpy()))
    want = exact.fillna("outside").value_counts()
    got = agg.set_index("region")["incidents"]
    assert got.to_dict() == want.to_dict()
