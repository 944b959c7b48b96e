"""The logistic regression the training scripts fit: one fitter for every learned score that
ships as plain weights (`train_standalone.py`, `train_news.py`).

Needs numpy (installed with torch, or `pip install numpy`); the package reading the weights
does not.
"""

from __future__ import annotations

import numpy as np


def newton(x: np.ndarray, y: np.ndarray, l2: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Standardise `x`, then Newton's method on the log-loss with an L2 penalty `l2` on the
    standardised weights (the bias unpenalised); deterministic. Returns the weights (bias
    first) on the standardised features, and each feature's mean and scale."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    z = np.hstack([np.ones((len(x), 1)), (x - mean) / scale])
    w = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-z @ w))
        grad = z.T @ (p - y) + penalty * w
        hess = (z * (p * (1 - p))[:, None]).T @ z + np.diag(penalty) + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-10:
            break
    return w, mean, scale
