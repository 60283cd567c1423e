"""Station Workbench (文明实践站工作台) — start here.

``python main.py`` starts the desktop app; ``python main.py --help`` lists the
commands.  Everything else lives in the ``app`` package.
"""

import sys

from app.cli import main

if __name__ == "__main__":
    sys.exit(main())
