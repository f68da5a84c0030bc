"""The encoder registry: one name per encoder, one place that builds it.

Names combine with `+` into a feature spec ("mobilenet_v2_multi+colour_hist"); the features of the
parts are concatenated. `open_clip:<arch>` builds a user's CLIP image tower from a local weights file.
An encoder that reads a weights file of your own takes its path after `@`: `resnet50@/data/resnet50.pth`,
`open_clip:ViT-B-32@/data/clip.pt`; the spec, path included, is what a saved model records.
"""

from __future__ import annotations

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
    _load_builtin()
    name, _, weights = name.partition("@")  # "resnet50@/data/resnet50.pth": a weights file of your own
    if weights:
        kwargs["weights"] = weights
    prefix, _, variant = name.partition(":")
    factory = _PREFIX_FACTORIES.get(prefix) if variant else None
    if factory is None and name not in _FACTORIES:
        known = ", ".join(sorted(_DESCRIPTIONS))
        raise EncoderError(f"unknown encoder {name!r}. Known encoders: {known}.")
    try:
        return factory(variant, **kwargs) if factory is not None else _FACTORIES[name](**kwargs)
    except TypeError as e:
        if weights and "weights" in str(e):
            raise EncoderError(f"{name} reads no weights file of yours: drop the @{weights}.") from e
        raise


def split_spec(spec: str) -> list[str]:
    parts = [p.strip() for p in spec.split("+") if p.strip()]
    if not parts:
        raise EncoderError("empty encoder spec; name one, e.g. --encoder mobilenet_v2")
    return parts


def _load_builtin() -> None:
    # Importing the modules runs their @register_encoder decorators.
    from gemlang.encoders import builtin, colour, openclip, seeds  # noqa: F401
