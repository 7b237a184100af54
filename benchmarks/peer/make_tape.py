#!/usr/bin/env python3
"""Writes the peer benchmark's loan tape: 100,000 order loans of 57 days, lognormal balances
scaled to 300,000,000.00 RMB in all, ages uniform over the term; fixed seed, so every run of the
script writes the same file. Usage: make_tape.py [OUT.csv] (default: peer-tape.csv here)."""
import os
import sys

import numpy as np

LOANS = 100_000
TERM_DAYS = 57
TOTAL = 300_000_000.00


def tape(seed=20261205):
    rng = np.random.default_rng(seed)
    balance = rng.lognormal(mean=np.log(3000.0) - 0.32, sigma=0.8, size=LOANS)
    cents = np.round(balance / balance.sum() * TOTAL * 100).astype(np.int64)
    cents[-1] += int(round(TOTAL * 100)) - int(cents.sum())
    age = rng.integers(0, TERM_DAYS, size=LOANS)
    return cents, age


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__),
                                                             "peer-tape.csv")
    cents, age = tape()
    with open(out, "w", encoding="utf-8") as f:
        f.write("loan_id,segment,balance,annual_rate,term_days,term_months,age_days\n")
        for i in range(LOANS):
            f.write(f"P{i + 1:06d},order_loan,{cents[i] // 100}.{cents[i] % 100:02d},0%,"
                    f"{TERM_DAYS},,{age[i]}\n")
    print(f"{out}: {LOANS:,} loans, {cents.sum() / 100:,.2f} RMB")


if __name__ == "__main__":
    main()
