"""``python -m horizont.forensics analyze PATH ...``"""

from horizont.forensics.cli import main

raise SystemExit(main())
