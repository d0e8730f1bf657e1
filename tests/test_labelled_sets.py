"""The labelled sets under tests/data are well formed (tests/data/validate.py), and the check
itself catches what it is for."""

import importlib.util
import json
import shutil

import pytest

from tests.conftest import ROOT

_spec = importlib.util.spec_from_file_location("labelled_sets", ROOT / "tests" / "data" / "validate.py")
validate = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(validate)


@pytest.mark.parametrize("name", sorted(validate.SETS))
def test_every_labelled_set_is_well_formed(name):
    assert validate.errors_of(name) == []


def test_the_check_finds_a_bad_date_a_bad_type_and_a_shared_incident(tmp_path, monkeypatch):
    for name in ("blind", "blind2"):
        shutil.copytree(ROOT / "tests" / "data" / name, tmp_path / name)
    gold = tmp_path / "blind2" / "gold.jsonl"
    lines = gold.read_text(encoding="utf-8").splitlines()
    first = json.loads(lines[0])
    inc = first["incidents"][0]
    inc["type"] = "bombardment"
    inc["date"] = "2099-01-01"
    other = json.loads((tmp_path / "blind" / "gold.jsonl").read_text(encoding="utf-8").splitlines()[0])
    first["incidents"].append(other["incidents"][0])  # an incident of the earlier set, told again
    lines[0] = json.dumps(first, ensure_ascii=False)
    gold.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setattr(validate, "DATA", tmp_path)
    errors = "\n".join(validate.errors_of("blind2"))
    assert "type 'bombardment'" in errors
    assert "after publication" in errors
    assert "overlaps blind" in errors
