"""``python -m gov_disclosure``: the command line."""

from __future__ import annotations

import sys

from gov_disclosure.cli import main

if __name__ == "__main__":
    sys.exit(main())
