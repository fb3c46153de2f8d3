"""``python -m horizont.screening screen …`` / ``… lists …``."""

from horizont.screening.cli import main

raise SystemExit(main())
