"""`python -m ssot_registry`: the command line."""

from ssot_registry.cli import main

raise SystemExit(main())
