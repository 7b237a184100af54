"""Reference values for ImportanceSamplingTest's weekly revolving pool, by a computation that
shares nothing with absmc but the model's definition (docs/model.md).

The deal (ImportanceSamplingTest.weeklyRevolving): 100m of 7-day bullet loans, no interest, no
recovery, annual default rate 5%, asset correlation 5%, annual factor autocorrelation 0.3; 52 weekly
periods, revolving for 51 (every maturing loan's principal buys a new 7-day loan on the payment
date), a senior class of 67m and a junior class of 33m paid at the end. In the large-pool limit
vintage j (started on day 7j) loses D_j = Phi((Phi^-1(1 - 0.95^(7/365)) + sqrt(0.05) X_j) /
sqrt(0.95)) of its principal, X_j a Gaussian AR(1) with coefficient 0.3^(7/365). Vintage j holds
A_j = prod_(i<j) (1 - D_i) of the pool; the pool loss rate is sum A_j D_j / sum A_j; the senior
receives min(67m, 100m A_52) at the end.

Plain Monte Carlo with 2e8 paths, seed 20261129, in chunks. Prints the estimates with their
standard errors. Run: python3 weekly_revolving_reference.py (numpy, scipy; about 10 minutes).
"""
import numpy as np
from scipy.special import ndtr, ndtri

R, RHO, PHI, K, SENIOR = 0.05, 0.05, 0.3, 52, 0.67
N, CHUNK = 200_000_000, 2_000_000

rng = np.random.default_rng(20261129)
q = ndtri(1 - (1 - R) ** (7 / 365))
c = PHI ** (7 / 365)
s = np.sqrt(1 - c * c)
a, b = np.sqrt(RHO), np.sqrt(1 - RHO)

loss_sum = loss_sq = pd_sum = 0.0
rates = np.empty(N, dtype=np.float64)
for k in range(N // CHUNK):
    x = rng.standard_normal(CHUNK)
    amount = np.ones(CHUNK)
    exposure = np.zeros(CHUNK)
    lost = np.zeros(CHUNK)
    for j in range(K):
        if j > 0:
            x = c * x + s * rng.standard_normal(CHUNK)
        d = ndtr((q + a * x) / b)
        exposure += amount
        lost += amount * d
        amount = amount * (1 - d)
    senior = np.maximum(0.0, SENIOR - amount) / SENIOR
    loss_sum += senior.sum()
    loss_sq += (senior * senior).sum()
    pd_sum += (senior > 1e-10).sum()
    rates[k * CHUNK:(k + 1) * CHUNK] = lost / exposure

el = loss_sum / N
el_var = loss_sq / N - el * el
pd = pd_sum / N
print(f"senior PD {pd:.6e} se {np.sqrt(pd * (1 - pd) / N):.2e}")
print(f"senior EL {el:.6e} se {np.sqrt(el_var / N):.2e}")
print(f"senior E[L^2] {loss_sq / N:.6e} (plain Monte Carlo variance {el_var:.6e})")
for alpha in (0.99, 0.999):
    idx = int(np.ceil(alpha * N)) - 1
    v = np.partition(rates, idx)[idx]
    print(f"pool loss rate q{alpha} {v:.6e}")
print(f"pool loss rate mean {rates.mean():.6e}")
