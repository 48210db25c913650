"""The core (model, analysis, store, report, commands) works without Textual."""

from __future__ import annotations

import subprocess
import sys

CHECK = """
import importlib, pkgutil, sys
import alignment_tui
ui = {"app", "tui", "__main__", "cli", "plain"}
names = []
for m in pkgutil.walk_packages(alignment_tui.__path__, "alignment_tui."):
    if m.name.split(".")[1] not in ui:
        importlib.import_module(m.name)
        names.append(m.name)
bad = sorted(k for k in sys.modules if k == "textual" or k.startswith("textual."))
print(len(names), bad[:3])
sys.exit(1 if bad else 0)
"""


def test_core_never_imports_textual() -> None:
    done = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    count = int(done.stdout.split()[0])
    assert count >= 10  # model, store, analysis, report, commands and their modules


def test_profile_io_alone_is_light() -> None:
    code = (
        "import sys; import alignment_tui.store, alignment_tui.model;"
        "print('textual' in sys.modules, 'alignment_tui.analysis' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.split() == ["False", "False"], done.stderr
