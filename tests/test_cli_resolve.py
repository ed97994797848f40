import json

from conftest import jsonl


def test_help_lists_commands(cli):
    r = cli("--help")
    assert r.returncode == 0 and "resolve" in r.stdout
    r = cli("resolve", "--help")
    assert r.returncode == 0 and "example:" in r.stdout


def test_usage_error_exit_2(cli):
    assert cli("resolve").returncode == 2
    assert cli("no-such-command").returncode == 2


def test_resolve_names(cli):
    r = cli("resolve", "Daraya", "محافظة حماه", "Springfield")
    assert r.returncode == 0, r.stderr
    out = jsonl(r.stdout)
    assert [o["id"] for o in out] == [1, 2, 3]
    assert out[0]["place"]["admin1"] == "SY03"
    assert set(out[0]["place"]) == {"id", "name", "name_ar", "kind", "lat", "lon", "admin1", "admin2", "admin3", "score"}
    assert out[1]["place"]["id"] == "SY05"
    assert out[2]["place"] is None
    assert r.stderr.strip().splitlines()[-1] == "read 3, resolved 2, unresolved 1, rejected 0"


def test_resolve_hint_option(cli):
    r = cli("resolve", "Suran", "--admin1", "SY05")
    assert jsonl(r.stdout)[0]["place"]["admin1"] == "SY05"


def test_bad_input_lines_are_reported_and_the_rest_run(cli, tmp_path):
    f = tmp_path / "names.jsonl"
    f.write_text('{"id": "a", "name": "Souran", "admin1": "Hama"}\nthis is not json\n\n{"id": "b"}\n{"id": "c", "name": "Palmyra"}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    rej = tmp_path / "rejects.jsonl"
    r = cli("resolve", "--input", str(f), "-o", str(out), "--rejects", str(rej))
    assert r.returncode == 1
    assert "line 2" in r.stderr and "not JSON" in r.stderr
    assert "line 4" in r.stderr and "name" in r.stderr
    res = jsonl(out.read_text(encoding="utf-8"))
    assert [o["id"] for o in res] == ["a", "c"]
    assert res[0]["place"]["admin1"] == "SY05"
    assert r.stderr.strip().splitlines()[-1] == "read 4, resolved 2, unresolved 0, rejected 2"
    assert len(jsonl(rej.read_text(encoding="utf-8"))) == 2


def test_refuses_to_overwrite_input(cli, tmp_path):
    f = tmp_path / "names.jsonl"
    f.write_text('{"id": 1, "name": "Homs"}\n', encoding="utf-8")
    r = cli("resolve", "--input", str(f), "-o", str(f))
    assert r.returncode == 1 and "overwrite" in r.stderr
    assert f.read_text(encoding="utf-8") == '{"id": 1, "name": "Homs"}\n'


def test_context_field(cli, tmp_path):
    f = tmp_path / "n.jsonl"
    f.write_text('{"id": 1, "name": "Suran", "context": "Turkish-backed factions advance near Azaz"}\n', encoding="utf-8")
    r = cli("resolve", "--input", str(f))
    assert r.returncode == 0, r.stderr
    assert jsonl(r.stdout)[0]["place"]["admin1"] == "SY02"
