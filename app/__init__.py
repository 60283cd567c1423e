"""Station Workbench (文明实践站工作台).

The single version source of the application: ``pyproject.toml`` reads
``__version__`` from here, and so do the About box, sync manifests and logs.
"""

__version__ = "0.1.0"
APP_NAME = "StationWorkbench"
APP_ORG = "StationWorkbench"
