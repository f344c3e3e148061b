"""The Python examples run, and type-check under mypy --strict."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

from decimal import Decimal

import narcostat as ns

EXAMPLES = Path(__file__).resolve().parents[3] / "examples" / "python"


def test_iran_opiates_example(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("iran_opiates", EXAMPLES / "iran_opiates.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = tmp_path / "plot.png"
    series = module.main(out)
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert series["Opium"]["2012"] == 387_606


def test_examples_type_check() -> None:
    run = subprocess.run([sys.executable, "-m", "mypy", "--strict", str(EXAMPLES)], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_equivalents() -> None:
    t = ns.read_csv(EXAMPLES.parents[1] / "data" / "reference" / "unodc-annual-1970-2019.csv")
    r = t.equivalents(by="year", where={"country": "IRN"}, period="2012").to_pylist()[0]
    assert r["equivalent_kg"] == Decimal("55938.6")  # 387,606 / 10 + 10,181 + 6,997
    r = t.equivalents(by="year", basis="opium", where={"country": "IRN"}, period="2012", factors={"opium-per-heroin": "8"}).to_pylist()[0]
    assert r["equivalent_kg"] == 387_606 + (10_181 + 6_997) * 8
    assert "opium-per-heroin=8" in r["factors"]
