#!/usr/bin/env python3
"""Sweep lock-in sizes on a market file through `yieldstrip batch`, and write a CSV.

One `yieldstrip batch` process answers every line through a pipe (JSON Lines: one request per line, one
answer per line, in order). For each USD size, the row holds what a trader reads: the SY spent, the PT
bought (exact, wei, converted to units here), the APY locked in shares, what the fee and the price impact
take, and the USD at maturity. Only Python's standard library is used.

Usage:
    examples/python/size_sweep.py [--market examples/markets/aapl-like.json] [--out sweep.csv]
                                  [--yieldstrip PATH] [--sizes 1000,10000,100000,1000000]
Without --yieldstrip it runs `swift run -c release yieldstrip` from the repository.
"""
import argparse
import csv
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

WEI = Decimal(10) ** 18


def units(wei_text):
    """A wei string as exact decimal units."""
    return Decimal(wei_text) / WEI


def main():
    root = Path(__file__).resolve().parents[2]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--market", default=str(root / "examples/markets/aapl-like.json"))
    parser.add_argument("--out", default="-", help="CSV file to write (default: standard output)")
    parser.add_argument("--yieldstrip", help="a built yieldstrip binary")
    parser.add_argument("--sizes", default="1000,10000,100000,1000000", help="USD sizes, comma-separated")
    args = parser.parse_args()

    market = json.loads(Path(args.market).read_text())
    sizes = [Decimal(size) for size in args.sizes.split(",")]
    command = [args.yieldstrip] if args.yieldstrip else ["swift", "run", "-c", "release", "--package-path", str(root), "yieldstrip"]
    requests = [json.dumps({"op": "lockin", "id": i, "market": market["market"], "pyIndex": market["pyIndex"],
                            "blockTime": market["blockTime"], "stockPrice": market.get("stockPrice"), "usd": str(size)})
                for i, size in enumerate(sizes)]
    answer = subprocess.run(command + ["batch"], input="\n".join(requests) + "\n", capture_output=True, text=True, check=True)
    rows = [json.loads(line) for line in answer.stdout.splitlines()]

    out = sys.stdout if args.out == "-" else open(args.out, "w", newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["usd", "sy_spent", "pt_bought", "fixed_apy", "fee_apy", "impact_apy", "usd_at_maturity", "error"])
    for size, row in zip(sizes, rows):
        if "error" in row:
            writer.writerow([size, "", "", "", "", "", "", row["message"]])
            continue
        writer.writerow([size, units(row["sySpent"]), units(row["ptOut"]), row["fixedApy"], row["feeApy"], row["impactApy"],
                         row["usdAtMaturity"], ""])
    if out is not sys.stdout:
        out.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
