"""`python -m congxa.editorial.manuals`: what `make manuals` runs."""

from congxa.editorial.manuals import main

raise SystemExit(main())
