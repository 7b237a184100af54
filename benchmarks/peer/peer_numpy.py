#!/usr/bin/env python3
"""The peer: a loan-level Monte Carlo of the revolving order-loan pool written as a good numpy
user would, vectorised over the loans. Per month (24 of 30 days): a fresh Vasicek factor Z gives
the month's conditional default probability Phi((Phi^-1(0.2%) + sqrt(0.1) Z) / sqrt(0.9)); each
live loan defaults with it, else prepays with 2%, else matures when its age passes 57 days;
defaults lose their balance (no recovery); while revolving (12 months) a repaid loan is replaced
one for one by a new loan of the same balance; the senior (90%) and subordinated (10%) classes
take the losses bottom up. Prints milliseconds per path of one core.
Usage: peer_numpy.py [PATHS] (default 50)."""
import math
import os
import sys
import time

import numpy as np

from make_tape import TERM_DAYS, TOTAL, tape

MONTHS, DAYS, REVOLVING = 24, 30, 12
PD, PREPAY, RHO = 0.002, 0.02, 0.10


def phi(x):
    return 0.5 * math.erfc(-x / math.sqrt(2))


def phi_inv(p):
    lo, hi = -10.0, 10.0
    for _ in range(200):
        mid = 0.5 * (lo + hi)
        lo, hi = (mid, hi) if phi(mid) < p else (lo, mid)
    return 0.5 * (lo + hi)


def path(rng, balance0, age0, q):
    balance = balance0
    age = age0
    loss = 0.0
    for month in range(1, MONTHS + 1):
        if balance.size == 0:
            break
        z = rng.standard_normal()
        p = phi((q + math.sqrt(RHO) * z) / math.sqrt(1 - RHO))
        u = rng.random(balance.size)
        default = u < p
        age = age + DAYS
        repaid = ~default & ((u < p + (1 - p) * PREPAY) | (age >= TERM_DAYS))
        loss += balance[default].sum()
        if month <= REVOLVING:
            # a repaid loan is replaced by a new one of the same balance; defaults leave
            age[repaid] = 0
            keep = ~default
        else:
            keep = ~(default | repaid)
        balance = balance[keep]
        age = age[keep]
    sub = min(loss, 0.1 * TOTAL)
    return loss - sub, sub


def main():
    paths = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    cents, age = tape()
    balance0 = cents / 100.0
    q = phi_inv(PD)
    rng = np.random.default_rng(1)
    path(rng, balance0, age, q)  # warm-up
    t0 = time.perf_counter()
    senior = 0.0
    for _ in range(paths):
        senior += path(rng, balance0, age, q)[0]
    ms = (time.perf_counter() - t0) * 1000 / paths
    print(f"numpy {np.__version__}, {paths} paths: {ms:.2f} ms a path"
          f" (threads: OPENBLAS {os.environ.get('OPENBLAS_NUM_THREADS', '-')})")


if __name__ == "__main__":
    main()
