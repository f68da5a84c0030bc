"""Every registered encoder builds offline, preprocesses a photo and returns features of its stated size."""

from __future__ import annotations

import json

import pytest
import torch
from PIL import Image

from gemlang.encoders import EncoderError, create_encoder, list_encoders

BUILTIN = [name for name in list_encoders() if ":" not in name]


@pytest.mark.parametrize("name", BUILTIN)
def test_encoder_features_have_the_stated_size(name):
    encoder = create_encoder(name).eval()
    x = torch.stack([encoder.preprocess(Image.new("RGB", (90, 70), c)) for c in [(200, 0, 0), (0, 0, 200)]])
    with torch.no_grad():
        features = encoder(x)
    assert features.shape == (2, encoder.feature_dim)
    assert torch.isfinite(features).all()
    assert encoder.signature and encoder.name == name


@pytest.mark.parametrize("final_name", ["mobilenet_v2", "efficientnet_lite0", "efficientnet_lite2"])
def test_multi_resolution_encoder_extends_the_final_one(final_name):
    final, multi = create_encoder(final_name).eval(), create_encoder(f"{final_name}_multi").eval()
    x = final.preprocess(Image.new("RGB", (64, 64), (10, 120, 30)))[None]
    with torch.no_grad():
        assert torch.allclose(multi(x)[:, -final.feature_dim :], final(x), atol=1e-5)


def test_efficientnet_lite_variants_run_at_their_own_resolution():
    sizes = {
        name: create_encoder(name).preprocess(Image.new("RGB", (50, 40))).shape[-1]
        for name in ["efficientnet_lite0", "efficientnet_lite1", "efficientnet_lite2"]
    }
    assert sizes == {"efficientnet_lite0": 224, "efficientnet_lite1": 240, "efficientnet_lite2": 260}


def test_unknown_encoder_lists_the_known_ones():
    with pytest.raises(EncoderError, match="mobilenet_v2"):
        create_encoder("inception_v9")


@pytest.mark.parametrize(
    ("spec", "said"),
    [("mobilenet_v2+mobilenet_v2", "names mobilenet_v2 twice"), ("mobilenet_v2+", "empty part"),
     ("colour_hist++mobilenet_v2", "empty part"), ("colour_hist+inception_v9", "unknown encoder 'inception_v9'")],
)  # fmt: skip
def test_an_encoder_spec_with_a_repeated_empty_or_unknown_part_is_refused(spec, said):
    from gemlang.encoders import check_spec

    with pytest.raises(EncoderError, match=said):
        check_spec(spec)
    check_spec("mobilenet_v2+colour_hist")  # a spec that builds passes


def test_train_refuses_an_unknown_encoder_before_it_looks_at_the_photos(tmp_path, capsys):
    from gemlang.cli import main

    argv = ["train", "--data", str(tmp_path / "no-such-folder"), "--out", str(tmp_path / "m"), "--encoder", "foo"]
    assert main(argv) == 2
    assert "unknown encoder 'foo'" in capsys.readouterr().err


def test_a_file_that_is_no_weights_file_is_said_to_be_so(tmp_path):
    from gemlang.encoders.base import load_state_dict

    (tmp_path / "text.jpg").write_text("hello, not weights")
    with pytest.raises(EncoderError, match=r"text.jpg is not a PyTorch weights file \(a state dict") as caught:
        load_state_dict(str(tmp_path / "text.jpg"), "resnet50")
    assert "101" not in str(caught.value)
    with pytest.raises(EncoderError, match="cannot read the weights file .*No such file"):
        load_state_dict(str(tmp_path / "gone.pth"), "resnet50")


def test_resnet50_accepts_a_local_weights_file_and_rejects_a_wrong_one(tmp_path):
    import torchvision
    from safetensors.torch import save_file

    state = torchvision.models.resnet50().state_dict()
    save_file({k: v.contiguous() for k, v in state.items()}, tmp_path / "r50.safetensors")
    encoder = create_encoder(f"resnet50@{tmp_path / 'r50.safetensors'}")  # as --encoder takes it
    assert encoder.feature_dim == 2048 and "r50.safetensors" in encoder.signature
    save_file({"x": torch.zeros(2)}, tmp_path / "wrong.safetensors")
    with pytest.raises(EncoderError, match="not a ResNet-50"):
        create_encoder("resnet50", weights=str(tmp_path / "wrong.safetensors"))


def test_open_clip_loads_a_users_local_weights(tmp_path):
    import open_clip
    from safetensors.torch import save_file

    config = {
        "embed_dim": 16,
        "vision_cfg": {"image_size": 32, "layers": 1, "width": 32, "patch_size": 16, "head_width": 16},
        "text_cfg": {"context_length": 8, "vocab_size": 64, "width": 16, "heads": 2, "layers": 1},
    }
    (tmp_path / "gemlang-tiny-clip.json").write_text(json.dumps(config))
    open_clip.add_model_config(tmp_path / "gemlang-tiny-clip.json")
    torch.manual_seed(0)
    model = open_clip.create_model("gemlang-tiny-clip", pretrained=None)
    save_file({k: v.contiguous() for k, v in model.state_dict().items()}, tmp_path / "tiny.safetensors")

    encoder = create_encoder(f"open_clip:gemlang-tiny-clip@{tmp_path / 'tiny.safetensors'}").eval()
    x = encoder.preprocess(Image.new("RGB", (50, 40), (200, 10, 10)))[None]
    with torch.no_grad():
        features = encoder(x)
    assert features.shape == (1, 16) == (1, encoder.feature_dim)
    with torch.no_grad():
        expected = model.encode_image(x, normalize=True)
    assert torch.allclose(features, expected, atol=1e-5)
    with pytest.raises(EncoderError, match="local weights file"):
        create_encoder("open_clip:gemlang-tiny-clip")
    with pytest.raises(EncoderError, match="reads no weights file of yours"):
        create_encoder("colour_hist@/some/file.pt")


def _has_avx2() -> bool:
    try:
        return " avx2" in open("/proc/cpuinfo").read()
    except OSError:
        return False


@pytest.mark.skipif(not _has_avx2(), reason="torchvision's uint8 resize takes a float path without AVX2")
def test_the_numpy_resize_gives_torchvisions_pixels():
    """Both inference paths resize with gemlang.encoders.pixels; it must equal what the encoders were built on."""
    import numpy as np
    from torchvision.transforms import v2 as T

    from gemlang.encoders.pixels import resize_square

    reference = T.Compose([T.PILToTensor(), T.Resize((96, 96), antialias=True)])
    rng = np.random.default_rng(0)
    for h, w in [(96, 131), (40, 96), (23, 517), (301, 301), (700, 64), (96, 96)]:
        smooth = Image.fromarray(rng.integers(0, 256, (h // 4 + 1, w // 4 + 1, 3), dtype=np.uint8)).resize((w, h))
        expected = reference(smooth).numpy().transpose(1, 2, 0)
        np.testing.assert_array_equal(resize_square(smooth, 96), expected)
