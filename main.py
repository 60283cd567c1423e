"""Station Workbench (文明实践站工作台) — start here.

``python main.py`` starts the desktop app; ``python main.py --help`` lists the
commands.  Everything else lives in the ``app`` package.  The PyInstaller
bundle (installers/station-workbench.spec) starts here too.
"""

import multiprocessing
import sys

from app.cli import main

if __name__ == "__main__":
    # The hub's uvicorn workers are spawned processes: in the bundle they start
    # this program again, and freeze_support() runs them instead of the CLI.
    multiprocessing.freeze_support()
    sys.exit(main())
