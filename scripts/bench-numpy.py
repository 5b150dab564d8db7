#!/usr/bin/env python3
"""numpy's vectorised `calcTrade` on the benchmark's sweep fixture, beside the Swift sweep row.

Reads the fixture (the pre-computed market, the 64 sizes repeated to 2^20) from
`yieldstrip-bench --sweep-fixture`, prices the same sizes with numpy the way a quant would (whole-array
np.log / np.where, no Python loop), checks the answer against the Swift sweep's, times both and prints the
per-size costs side by side and their ratio.

Usage: scripts/bench-numpy.py BENCH_EXECUTABLE [--repeats N]   (scripts/bench-numpy.sh builds and calls it)
"""
import json
import subprocess
import sys
import time


def main() -> int:
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    bench = sys.argv[1]
    repeats = int(sys.argv[sys.argv.index("--repeats") + 1]) if "--repeats" in sys.argv else 21
    fixture = json.loads(subprocess.run([bench, "--sweep-fixture"], check=True, capture_output=True, text=True).stdout)

    # The Swift row first (its own 21 timed samples), on a quiet process.
    rows = json.loads(subprocess.run([bench, "--filter", fixture["rowName"], "--json"], check=True, capture_output=True,
                                     text=True).stdout)
    swift_row = next(r for r in rows if r["name"] == fixture["rowName"])

    try:
        import numpy as np
    except ImportError:
        print(f"Swift   {fixture['rowName']}: {swift_row['medianNs']:.2f} ns per size (median of {swift_row['samples']} samples)")
        print("numpy   not installed for this python3 (pip install numpy): no side-by-side run")
        return 0

    total_pt = fixture["totalPt"]
    total = total_pt + fixture["totalAsset"]
    rate_scalar, rate_anchor, fee_rate = fixture["rateScalar"], fixture["rateAnchor"], fixture["feeRate"]
    reserve_share = fixture["reserveFeePercent"] / 100
    py_index = fixture["pyIndex"]
    n = np.resize(np.array(fixture["sizes"], dtype=np.float64), fixture["count"])

    def calc_trade(n):
        """calcTrade on one pre-computed market: SY to the account, fee, reserve share, pre-fee rate; NaN where it reverts."""
        with np.errstate(divide="ignore", invalid="ignore"):
            p = (total_pt - n) / total
            logit = p / (1 - p)
            rate = np.log(logit) / rate_scalar + rate_anchor
            pre_fee = -n / rate
            buying = n > 0
            fee = np.where(buying, pre_fee * (1 - fee_rate), -pre_fee * (1 - fee_rate) / fee_rate)
            ok = (n <= total_pt) & (p <= 0.96) & (logit > 0) & (rate >= 1) & ~(buying & (rate < fee_rate))
            net_sy = np.where(ok, (pre_fee - fee) / py_index, np.nan)
            sy_fee = np.where(ok, fee / py_index, np.nan)
            sy_reserve = np.where(ok, fee * reserve_share / py_index, np.nan)
            return net_sy, sy_fee, sy_reserve, np.where(ok, rate, np.nan)

    net_sy = calc_trade(n)[0]
    valid = ~np.isnan(net_sy)
    numpy_sum = float(net_sy[valid].sum())
    refused = int((~valid).sum())
    relative = abs(numpy_sum - fixture["sumNetSyToAccount"]) / max(abs(fixture["sumNetSyToAccount"]), 1e-300)
    if refused != fixture["refused"] or relative > 1e-10:
        print(f"numpy and Swift disagree: sum {numpy_sum!r} vs {fixture['sumNetSyToAccount']!r}, "
              f"refused {refused} vs {fixture['refused']}", file=sys.stderr)
        return 1

    calc_trade(n)  # warm-up
    times = []
    for _ in range(repeats):
        start = time.perf_counter_ns()
        calc_trade(n)
        times.append((time.perf_counter_ns() - start) / len(n))
    times.sort()
    numpy_ns = times[len(times) // 2]
    swift_ns = swift_row["medianNs"]
    print(f"sizes   {len(n):,} on one pre-computed market (the bench fixture), both answers agree "
          f"(sum of netSyToAccount to {relative:.1e} relative, {refused} refused)")
    print(f"Swift   {fixture['rowName']}: {swift_ns:8.2f} ns per size (median of {swift_row['samples']} samples)")
    print(f"numpy   {np.__version__} vectorised, same formula:  {numpy_ns:8.2f} ns per size (median of {repeats} runs)")
    print(f"ratio   numpy / Swift = {numpy_ns / swift_ns:.2f}"
          + ("" if swift_ns <= numpy_ns else "   (Swift is SLOWER than numpy)"))
    return 0 if swift_ns <= numpy_ns else 3


if __name__ == "__main__":
    sys.exit(main())
