"""The gazetteer build is reproducible and the committed gazetteer/ is what it produces."""

import hashlib
import os
from pathlib import Path

import pytest

from conftest import ROOT, SHARED

DATA = Path(os.environ.get("GEOINC_SHARED_DATA", SHARED / "data"))


@pytest.mark.skipif(not (DATA / "ocha_cod_ab_2016").is_dir(), reason="raw sources (../shared/data) not present")
def test_build_reproduces_committed_gazetteer(tmp_path):
    from geoinc.gazetteer.build import main

    (tmp_path / "regions.toml").write_bytes((ROOT / "gazetteer" / "regions.toml").read_bytes())
    assert main([str(DATA), "--out", str(tmp_path)]) == 0
    for f in sorted((ROOT / "gazetteer").iterdir()):
        if f.suffix in (".json", ".jsonl", ".geojson"):
            built = hashlib.sha256((tmp_path / f.name).read_bytes()).hexdigest()
            assert built == hashlib.sha256(f.read_bytes()).hexdigest(), f"{f.name} differs from a fresh build"


def test_manifest_records_quirks():
    import json

    m = json.loads((ROOT / "gazetteer" / "manifest.json").read_text(encoding="utf-8"))
    assert m["report"]["admin3_adm0_names_swapped"] == 272
    r = m["report"]
    assert r["populated_places_moved_to_containing_subdistrict"] + r["populated_places_snapped_into_listed_subdistrict"] == 67
    assert m["report"]["populated_places_outside_all_subdistricts"] == 47
    assert sum(m["report"]["invalid_polygons_repaired"].values()) >= 6
