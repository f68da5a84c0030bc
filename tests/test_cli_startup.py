"""The command line starts fast: --help never pays for importing torch, scikit-learn, Gradio or onnxruntime."""

from __future__ import annotations

import subprocess
import sys


def test_the_command_line_answers_help_without_importing_the_heavy_libraries():
    script = (
        "import sys, contextlib, io\n"
        "from gemlang.cli import main\n"
        "for argv in (['--help'], ['predict', '--help'], ['train', '--help'], ['app', '--help']):\n"
        "    with contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()):\n"
        "        main(argv)\n"
        "print(sorted(m for m in ('torch', 'sklearn', 'gradio', 'onnxruntime') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
