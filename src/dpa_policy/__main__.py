"""`python -m dpa_policy` is the same as the `dpa-policy` command."""

from .cli import main

raise SystemExit(main())
