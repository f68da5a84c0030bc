"""The command line starts fast: --help never pays for importing torch, scikit-learn, Gradio or onnxruntime."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest


def test_the_command_line_answers_help_without_importing_the_heavy_libraries():
    script = (
        "import sys, contextlib, io\n"
        "from gemlang.cli import main\n"
        "for argv in (['--help'], ['--version'], ['predict', '--help'], ['train', '--help'], ['app', '--help']):\n"
        "    with contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()):\n"
        "        main(argv)\n"
        "print(sorted(m for m in ('torch', 'sklearn', 'gradio', 'onnxruntime') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


REPO = Path(__file__).resolve().parents[1]


@pytest.mark.skipif(not (REPO / ".venv" / ".gemlang-installed").exists(), reason="./run has not set up .venv here yet")
def test_the_run_script_reads_paths_relative_to_where_it_is_called(tmp_path):
    (tmp_path / "c.csv").write_text("id,text\na,a red corundum\n")
    (tmp_path / "r.csv").write_text("id,text\na,ruby is red corundum\n")
    args = ["bash", str(REPO / "run"), "score", "--candidates", "c.csv", "--references", "r.csv"]
    out = subprocess.run([*args, "--out", "s.json", "--no-semantic"], cwd=tmp_path, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "s.json").exists()
