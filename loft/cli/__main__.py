"""`python -m loft.cli`: the `loft` command without its script."""

import sys

from loft.cli.main import main

sys.exit(main())
