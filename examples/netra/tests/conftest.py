"""Integration tests run against the broken application tree next to this folder."""

import sys
from pathlib import Path

BACKEND = str(Path(__file__).resolve().parents[1] / "broken")
if BACKEND not in sys.path:
    sys.path.append(BACKEND)
