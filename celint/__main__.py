import sys

from celint.cli import main

sys.exit(main())
