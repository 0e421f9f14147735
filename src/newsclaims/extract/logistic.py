"""Logistic regression over sparse named features, fitted by L-BFGS.

The learned cue model, the boundary chooser and the pronoun ranker are this one model over
different features. The objective is the mean log-loss plus ``l2 / 2n`` times the squared weights,
the intercept (``"bias"``) unpenalised. It is convex and minimised to convergence, so a fit depends
only on its examples and ``l2``: not on their order, a seed, a learning rate or a number of epochs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

#: the name of the intercept in a weight table
BIAS = "bias"


def fit(rows: Sequence[Mapping[str, float]], labels: Sequence[bool], *, l2: float) -> dict[str, float]:
    """Feature → weight of the L2-penalised logistic regression of ``labels`` on ``rows`` (each a
    mapping of feature name to value; the intercept is added as :data:`BIAS`). Weights below 1e-4
    in size are left out."""
    import numpy as np
    from scipy.optimize import minimize
    from scipy.sparse import csr_matrix

    names = sorted({k for r in rows for k in r} - {BIAS})
    index = {k: i for i, k in enumerate(names)}
    cols: list[int] = []
    vals: list[float] = []
    ptr = [0]
    for r in rows:
        for k, v in r.items():
            if k != BIAS:
                cols.append(index[k])
                vals.append(v)
        cols.append(len(names))
        vals.append(1.0)
        ptr.append(len(cols))
    x = csr_matrix((vals, cols, ptr), shape=(len(rows), len(names) + 1))
    y = np.array([1.0 if lab else 0.0 for lab in labels])
    n = max(len(rows), 1)
    penalty = np.full(x.shape[1], l2 / n)
    penalty[-1] = 0.0

    def loss(w):
        z = x @ w
        # log(1 + e^z) - y z, computed stably
        value = np.sum(np.logaddexp(0.0, z) - y * z) / n + 0.5 * np.sum(penalty * w * w)
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        return value, x.T @ (p - y) / n + penalty * w

    # tolerances far below scipy's defaults, which stop while weights still move by 0.1 and more
    w = minimize(loss, np.zeros(x.shape[1]), jac=True, method="L-BFGS-B",
                 options={"maxiter": 10000, "gtol": 1e-9, "ftol": 1e-14}).x
    weights = {k: float(w[i]) for k, i in index.items() if abs(w[i]) >= 1e-4}
    weights[BIAS] = float(w[-1])
    return weights
