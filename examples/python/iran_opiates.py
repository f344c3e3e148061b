"""Iran's opiate seizures by year from the UNODC table, plotted to a PNG.

    python examples/python/iran_opiates.py [out.png]

Reads the repository's copy of the UNODC 1970-2019 table, keeps Iran's
opium, heroin and morphine, aggregates them by drug and year, adds the
heroin equivalent (opium / 10, morphine 1:1: the factors narcostat uses by
default, computed by narcostat), and plots the series with matplotlib.
"""

from __future__ import annotations

import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

import narcostat as ns  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


def main(out: Path) -> dict[str, dict[str, float]]:
    table = ns.read_csv(ROOT / "data" / "reference" / "unodc-annual-1970-2019.csv")
    result = table.aggregate(
        by=["drug", "year"],
        where={"country": "IRN", "drug": ["opium", "heroin", "morphine"]},
        period="1990..2019",
    )
    series: dict[str, dict[str, float]] = {}
    for row in result.to_pylist():
        series.setdefault(str(row["drug"]), {})[str(row["year"])] = float(row["mass_kg"] or 0)
    years = sorted({y for s in series.values() for y in s})
    heroin_eq = table.equivalents(by="year", basis="heroin", where={"country": "IRN"}, period="1990..2019")
    by_year = {str(r["year"]): float(r["equivalent_kg"]) for r in heroin_eq.to_pylist()}
    equivalent = [by_year.get(y, 0.0) for y in years]
    fig, ax = plt.subplots(figsize=(9, 4.5))
    for drug, values in sorted(series.items()):
        ax.plot([int(y) for y in years], [values.get(y, 0.0) / 1000 for y in years], marker="o", markersize=3, label=drug)
    ax.plot([int(y) for y in years], [v / 1000 for v in equivalent], linestyle="--", color="black", label="heroin equivalent")
    ax.set_title("Opiates seized in Iran (UNODC), tonnes")
    ax.set_ylabel("tonnes")
    ax.legend()
    ax.grid(alpha=0.3)
    fig.tight_layout()
    fig.savefig(out, dpi=110)
    return series


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("iran-opiates.png")
    data = main(target)
    print(f"wrote {target}: {len(data)} drugs, opium 2012 = {data['Opium']['2012']:,.0f} kg")
