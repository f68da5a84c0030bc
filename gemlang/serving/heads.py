"""Classifier heads in numpy: the same arithmetic as gemlang.heads, from the same safetensors state.

A head is a few matrix products; numpy runs them in well under a millisecond, and the serving path then
never needs torch. Unknown head types raise `NotServable`, so the eager head is used for them.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from gemlang.serving import NotServable

Head = Callable[[np.ndarray], np.ndarray]  # features (N, D) -> logits (N, C)
# An MLP head reads standardised features clipped to this many standard deviations (here and in
# gemlang.heads.MLPHead): a feature that barely varied among the training photos (a colour-histogram bin a small
# collection never fills) would otherwise reach a new photo's hidden layer at thousands of deviations, through
# weights no training photo ever tested.
MLP_INPUT_CLIP = 10.0


def _erf(x: np.ndarray) -> np.ndarray:
    """erf to ~1e-7 absolute (Abramowitz & Stegun 7.1.26), so GELU needs neither scipy nor torch."""
    sign = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    return sign * (1.0 - poly * np.exp(-a * a))


def _gelu(x: np.ndarray) -> np.ndarray:
    return 0.5 * x * (1.0 + _erf(x / np.sqrt(2.0)))


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def _standardize(state: dict[str, np.ndarray], prefix: str) -> Head:
    mean, scale = state[f"{prefix}standardize.mean"], state[f"{prefix}standardize.scale"]
    return lambda x: (x - mean) / scale


def _linear(state: dict[str, np.ndarray], prefix: str = "") -> Head:
    standardize = _standardize(state, prefix)
    w, b = state[f"{prefix}linear.weight"].T.copy(), state[f"{prefix}linear.bias"]
    return lambda x: standardize(x) @ w + b


def _mlp(state: dict[str, np.ndarray], prefix: str = "") -> Head:
    # MLPHead.net = Dropout, Linear, GELU, Dropout, Linear; dropout is the identity at inference.
    standardize = _standardize(state, prefix)
    w1, b1 = state[f"{prefix}net.1.weight"].T.copy(), state[f"{prefix}net.1.bias"]
    w2, b2 = state[f"{prefix}net.4.weight"].T.copy(), state[f"{prefix}net.4.bias"]
    return lambda x: _gelu(np.clip(standardize(x), -MLP_INPUT_CLIP, MLP_INPUT_CLIP) @ w1 + b1) @ w2 + b2


def _linear_mlp(state: dict[str, np.ndarray]) -> Head:
    linear, mlp = _linear(state, "linear."), _mlp(state, "mlp.")
    return lambda x: np.log(np.maximum((softmax(linear(x)) + softmax(mlp(x))) / 2, 1e-12))


_BUILDERS = {"linear": _linear, "mlp": _mlp, "linear+mlp": _linear_mlp}


def numpy_head(config: dict, state: dict[str, np.ndarray]) -> Head:
    """The logits function of a head saved as `config` (head.config) and `state` (its state dict)."""
    kind = config.get("type")
    if kind not in _BUILDERS:
        raise NotServable(f"no numpy version of the {kind!r} head")
    state = {k: np.asarray(v, dtype=np.float32) for k, v in state.items()}
    try:
        return _BUILDERS[kind](state)
    except KeyError as e:
        raise NotServable(f"the {kind!r} head's weights lack {e}") from e
