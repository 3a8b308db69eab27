"""The command-line contract of issue 4, through real subprocesses on a real workspace."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE, run_cli, tree_hashes

ENV = {"PIPPI_PASSPHRASE": PASSPHRASE}
FAMILY_KEYS = {
    "code",
    "phase",
    "implementation",
    "members",
    "children",
    "visits",
    "last_visit",
    "assessments",
}
CASE_KEYS = {
    "code",
    "phase",
    "members",
    "equipe",
    "dispositivi",
    "visits",
    "group_sessions",
    "assessments",
    "micro_project",
}


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("cf") / "demo.pippiws"
    assert run_cli("init", root, "--role", "educator", "--name", "Demo", env=ENV).returncode == 0
    result = run_cli("demo-data", root, "--families", "12", "--seed", "5", env=ENV)
    assert result.returncode == 0, result.stderr
    assert "12" in result.stdout
    return root


def _families(root: Path, *extra: str) -> list[dict]:
    result = run_cli("families", root, "--json", *extra, env=ENV)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_families_json_contract(demo: Path) -> None:
    rows = _families(demo)
    assert len(rows) == 12
    for row in rows:
        assert set(row) >= FAMILY_KEYS
        assert isinstance(row["members"], int) and isinstance(row["children"], int)
        assert row["last_visit"] is None or len(row["last_visit"]) == 10
        assert set(row["assessments"]) <= {"T0", "T1", "T2"}
    assert any(row["assessments"] == ["T0", "T1", "T2"] for row in rows)


def test_families_filters(demo: Path) -> None:
    rows = _families(demo)
    phase = rows[0]["phase"]
    assert all(r["phase"] == phase for r in _families(demo, "--phase", phase))
    surname = run_cli("family", demo, rows[0]["code"], "--json", env=ENV)
    name = json.loads(surname.stdout)["members"][0]["family_name"]
    found = _families(demo, "--search", name.upper())
    assert rows[0]["code"] in [r["code"] for r in found]
    bad = run_cli("families", demo, "--phase", "vacanze", env=ENV)
    assert bad.returncode == 2 and "valore non ammesso" in bad.stderr


def test_family_json_contract(demo: Path) -> None:
    code = _families(demo)[0]["code"]
    result = run_cli("family", demo, code, "--json", env=ENV)
    assert result.returncode == 0, result.stderr
    case = json.loads(result.stdout)
    assert set(case) >= CASE_KEYS and case["code"] == code
    for assessment in case["assessments"]:
        assert {"time_point", "child", "date", "catalogue_version", "scores"} <= set(assessment)
        assert all(score is None or 1 <= score <= 6 for score in assessment["scores"].values())
        assert all(
            key.split(".")[0] in ("bambino", "genitori", "ambiente") for key in assessment["scores"]
        )
    text_view = run_cli("family", demo, code, env=ENV)
    assert text_view.returncode == 0 and code in text_view.stdout and "Percorso" in text_view.stdout


def test_unknown_family_code_is_exit_4_and_changes_nothing(demo: Path) -> None:
    before = tree_hashes(demo)
    result = run_cli("family", demo, "F-1999-ZZZZ-001", env=ENV)
    assert result.returncode == 4
    assert (
        result.stderr.strip() == "Nessuna famiglia con il codice indicato in questa area di lavoro."
    )
    assert tree_hashes(demo) == before


def test_export_data_everything_and_one_family(demo: Path, tmp_path: Path) -> None:
    everything = tmp_path / "all.json"
    assert run_cli("export-data", demo, "-o", everything, env=ENV).returncode == 0
    data = json.loads(everything.read_text(encoding="utf-8"))
    assert oct(everything.stat().st_mode & 0o777) == "0o600"
    assert data["format"] == "pippi-desktop/data-export" and len(data["families"]) == 12
    assert data["group_sessions"] and data["catalogues"][0]["catalogue_id"] == "mondo-del-bambino"
    code = data["families"][3]["code"]
    one = tmp_path / "one.json"
    assert run_cli("export-data", demo, "-o", one, "--family", code, env=ENV).returncode == 0
    single = json.loads(one.read_text(encoding="utf-8"))
    assert [f["code"] for f in single["families"]] == [code]
    again = run_cli("export-data", demo, "-o", one, env=ENV)
    assert again.returncode == 4 and "esiste già" in again.stderr
    missing = run_cli(
        "export-data", demo, "-o", tmp_path / "x.json", "--family", "F-0000-AAAA-000", env=ENV
    )
    assert missing.returncode == 4 and not (tmp_path / "x.json").exists()


def _content(root: Path) -> list:
    """The families' content without ids and codes (which differ between workspaces)."""
    result = run_cli("export-data", root, "-o", root.parent / f"{root.name}.json", env=ENV)
    assert result.returncode == 0
    families = json.loads((root.parent / f"{root.name}.json").read_text())["families"]
    return sorted(
        (
            [(p["given_name"], p["family_name"], p["birth_date"]) for p in f["members"]],
            [(v["date"], v["notes"]) for v in f["visits"]],
            sorted(
                (a["date"], a["time_point"], sorted(a["scores"].items())) for a in f["assessments"]
            ),
        )
        for f in families
    )


def test_demo_data_same_seed_same_content_and_running_again_adds(tmp_path: Path) -> None:
    roots = []
    for name in ("a", "b"):
        root = tmp_path / f"{name}.pippiws"
        assert run_cli("init", root, "--role", "educator", "--name", name, env=ENV).returncode == 0
        assert (
            run_cli("demo-data", root, "--families", "3", "--seed", "42", env=ENV).returncode == 0
        )
        roots.append(root)
    assert _content(roots[0]) == _content(roots[1])
    assert (
        run_cli("demo-data", roots[0], "--families", "2", "--seed", "42", env=ENV).returncode == 0
    )
    assert len(_families(roots[0])) == 5
    assert len({f["code"] for f in _families(roots[0])}) == 5
    bad = run_cli("demo-data", roots[0], "--families", "0", env=ENV)
    assert bad.returncode == 2


def test_catalogue_listing_and_loading(demo: Path, tmp_path: Path) -> None:
    work = tmp_path / "cat.pippiws"
    shutil.copytree(demo, work)
    listing = json.loads(run_cli("catalogue", work, "--json", env=ENV).stdout)
    assert [(c["catalogue_id"], c["version"], c["active"]) for c in listing["catalogues"]] == [
        ("mondo-del-bambino", "2026.1", True)
    ]
    from pippi_desktop.resource_paths import resource

    raw = json.loads(resource("catalogue", "triangle-default.json").read_text(encoding="utf-8"))
    raw["version"] = "2027.1"
    raw["sides"][0]["subdimensions"][0]["label"]["it"] = "Salute, crescita e sviluppo"
    new_file = tmp_path / "nuovo.json"
    new_file.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    loaded = run_cli("catalogue", work, "--load", new_file, "--json", env=ENV)
    assert loaded.returncode == 0, loaded.stderr
    result = json.loads(loaded.stdout)
    assert result["loaded"] == {
        "catalogue_id": "mondo-del-bambino",
        "version": "2027.1",
        "added": True,
    }
    assert [c["active"] for c in result["catalogues"]] == [False, True]
    # loading again changes nothing; the same version with other content is refused
    assert (
        json.loads(run_cli("catalogue", work, "--load", new_file, "--json", env=ENV).stdout)[
            "loaded"
        ]["added"]
        is False
    )
    raw["sides"][0]["subdimensions"][0]["label"]["it"] = "Altro"
    new_file.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    clash = run_cli("catalogue", work, "--load", new_file, env=ENV)
    assert clash.returncode == 4 and "versione" in clash.stderr
    # old assessments keep the version they were made with
    code = _families(work)[0]["code"]
    case = json.loads(run_cli("family", work, code, "--json", env=ENV).stdout)
    assert {a["catalogue_version"] for a in case["assessments"]} <= {"2026.1"}


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"not json", "JSON"),
        (b'{"format": "pippi-desktop/triangle-catalogue", "format_version": 1}', "identificativo"),
        (b"[]", "oggetto JSON"),
    ],
)
def test_bad_catalogue_file_is_exit_4_and_changes_nothing(
    demo: Path, tmp_path: Path, content: bytes, words: str
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    before = tree_hashes(demo)
    result = run_cli("catalogue", demo, "--load", bad, env=ENV)
    assert result.returncode == 4
    assert words in result.stderr and "Traceback" not in result.stderr
    assert tree_hashes(demo) == before
    missing = run_cli("catalogue", demo, "--load", tmp_path / "nope.json", env=ENV)
    assert missing.returncode == 4 and tree_hashes(demo) == before
