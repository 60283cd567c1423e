"""Documents: reportlab builds PDFs from plain data (dataclasses); no Qt.

Every document uses the bundled CJK font (app.printing.fonts) so a PC without
Chinese fonts prints the same pages.  reportlab is imported only inside this
package, and this package only when a document is first made, so start-up
stays fast.
"""
