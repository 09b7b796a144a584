#!/usr/bin/env python
"""Django's manage.py; the same as the `layani` console command."""

from layani.cli import main

if __name__ == "__main__":
    main()
