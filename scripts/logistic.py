"""The logistic regression the training scripts fit: one fitter for every learned score that
ships as plain weights (`train_standalone.py`, `train_news.py`), and one for scores over more
terms than examples (`train_standalone.py`'s lexical hook score).

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


def newton_wide(z: np.ndarray, y: np.ndarray, weigh: np.ndarray, l2: float) -> np.ndarray:
    """Newton's method on the log-loss of `z` (its first column the bias, all but unpenalised),
    each example weighed by `weigh`, with an L2 penalty `l2` on the other weights, for more
    features than examples: each step (Z'DZ + P)^-1 grad is solved through the examples
    (Woodbury), an n-by-n system; deterministic. Returns the weights, bias first."""
    inverse = np.full(z.shape[1], 1 / l2)
    inverse[0] = 1e4  # the bias all but unpenalised
    w = np.zeros(z.shape[1])
    kernel = (z * inverse) @ z.T  # Z P^-1 Z', the same at every step
    for _ in range(50):
        p = 1 / (1 + np.exp(-z @ w))
        grad = z.T @ (weigh * (p - y)) + w / inverse
        root = np.sqrt(weigh * p * (1 - p))
        pg = inverse * grad
        inner = np.eye(len(y)) + root[:, None] * kernel * root[None, :]
        step = pg - inverse * (z.T @ (root * np.linalg.solve(inner, root * (z @ pg))))
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w
