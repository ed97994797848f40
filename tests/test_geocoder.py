from geopy.location import Location

from geoinc.geocoders import SyriaGazetteer


def test_geocode_returns_geopy_locations():
    g = SyriaGazetteer()
    loc = g.geocode("Palmyra")
    assert isinstance(loc, Location)
    assert abs(loc.latitude - 34.56) < 0.1 and abs(loc.longitude - 38.28) < 0.1
    assert loc.raw["admin1"] == "SY04" and loc.raw["id"] == "C2889"
    many = g.geocode("Suran", exactly_one=False)
    assert {l.raw["admin1"] for l in many} >= {"SY02", "SY05"}
    assert g.geocode("Suran", admin1="SY05").raw["admin1"] == "SY05"
    assert g.geocode("qqqqqqqq") is None


def test_reverse():
    g = SyriaGazetteer()
    loc = g.reverse((33.459, 36.233))
    assert loc.raw["name"] == "Darayya" and loc.raw["distance_km"] < 2
    sub = g.reverse("33.459, 36.233", kind="subdistrict")
    assert sub.raw["id"] == "SY030900"
