"""`python -m pippi_desktop` does exactly what the `pippi-desktop` command does."""

import sys

from pippi_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
