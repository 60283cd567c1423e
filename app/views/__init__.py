"""The GUI layer: Qt widgets, dialogs and item models (DESIGN §2).

Views call services only (never SQL), and run every database, scrypt or file
operation off the GUI thread through :mod:`app.views.tasks`.  The entry point
is :func:`app.views.application.run_gui`; new areas of the main window are
added through :mod:`app.views.pages` without editing the window itself.

Start-up stays light: nothing here imports reportlab, openpyxl, QtPdf or
QtMultimedia at module level; the pages that need them import them lazily.
"""
