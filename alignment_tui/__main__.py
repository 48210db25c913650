"""``python -m alignment_tui`` and the ``alignment-tui`` command."""

from __future__ import annotations

import sys

from alignment_tui.cli import main

if __name__ == "__main__":
    sys.exit(main())
