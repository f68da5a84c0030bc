"""The encoder registry: one name per encoder, one place that builds it.

Names combine with `+` into a feature spec ("mobilenet_v2_multi+colour_hist"); the features of the
parts are concatenated. `open_clip:<arch>` builds a user's CLIP image tower from a local weights file.
An encoder that reads a weights file of your own takes its path after `@`: `resnet50@/data/resnet50.pth`,
`open_clip:ViT-B-32@/data/clip.pt`; the spec, path included, is what a saved model records.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from gemlang.encoders.base import Encoder, EncoderError

_FACTORIES: dict[str, Callable[..., Encoder]] = {}
_DESCRIPTIONS: dict[str, str] = {}
_PREFIX_FACTORIES: dict[str, Callable[..., Encoder]] = {}


def register_encoder(name: str, description: str):
    def wrap(factory: Callable[..., Encoder]):
        _FACTORIES[name] = factory
        _DESCRIPTIONS[name] = description
        return factory

    return wrap


def register_encoder_prefix(prefix: str, description: str):
    """For families named `prefix:<variant>`, e.g. `open_clip:ViT-B-32`."""

    def wrap(factory: Callable[..., Encoder]):
        _PREFIX_FACTORIES[prefix] = factory
        _DESCRIPTIONS[f"{prefix}:<arch>"] = description
        return factory

    return wrap


def list_encoders() -> dict[str, str]:
    """Encoder names with a one-line description each."""
    _load_builtin()
    return dict(_DESCRIPTIONS)


def create_encoder(name: str, **kwargs) -> Encoder:
    factory = _factory(name)
    name, _, weights = name.partition("@")  # "resnet50@/data/resnet50.pth": a weights file of your own
    if weights:
        kwargs["weights"] = weights
    try:
        return factory(**kwargs)
    except TypeError as e:
        if weights and "weights" in str(e):
            raise EncoderError(f"{name} reads no weights file of yours: drop the @{weights}.") from e
        raise


def _factory(name: str) -> Callable[..., Encoder]:
    """What builds encoder `name` (its `@weights` aside); an unknown name is an error that lists the known ones."""
    _load_builtin()
    name = name.partition("@")[0]
    prefix, _, variant = name.partition(":")
    if variant and prefix in _PREFIX_FACTORIES:
        return functools.partial(_PREFIX_FACTORIES[prefix], variant)
    if name not in _FACTORIES:
        raise EncoderError(f"unknown encoder {name!r}. Known encoders: {', '.join(sorted(_DESCRIPTIONS))}.")
    return _FACTORIES[name]


def split_spec(spec: str) -> list[str]:
    """The encoder names of a `+`-joined spec; an empty part (a stray '+') or a name given twice is refused."""
    parts = [p.strip() for p in spec.split("+")]
    if not any(parts):
        raise EncoderError("empty encoder spec; name one, e.g. --encoder mobilenet_v2")
    if "" in parts:
        raise EncoderError(f"encoder spec {spec!r} has an empty part (a '+' with no name on one side); remove it")
    if twice := sorted({p for p in parts if parts.count(p) > 1}):
        raise EncoderError(f"encoder spec {spec!r} names {', '.join(twice)} twice: the same features twice add "
                           "nothing but work and size; name each encoder once")  # fmt: skip
    return parts


def check_spec(spec: str) -> None:
    """Refuse a spec that cannot be built (a typo, a stray '+') before any photo is scanned or encoded."""
    for name in split_spec(spec):
        _factory(name)


def _load_builtin() -> None:
    # Importing the modules runs their @register_encoder decorators.
    from gemlang.encoders import builtin, colour, openclip, seeds  # noqa: F401
