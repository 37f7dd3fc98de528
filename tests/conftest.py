"""Test configuration: make the test helpers importable and locate the data."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).parent
DATA = HERE / "data"
sys.path.insert(0, str(HERE))
