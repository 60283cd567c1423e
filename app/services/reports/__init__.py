"""报表 — a station's monthly, quarterly and annual report, and 报送, Qt-free.

* :mod:`.figures` — :func:`station_report`: the numbers of a period, counted
  with the township 汇总's own queries (:func:`app.services.township.summary.
  period_summary` for the station alone) plus what only a station report shows
  (by platform, points by rule category, goods given);
* :mod:`.submit` — 报送: a report frozen as a numbered snapshot (a syncable
  row that travels in the next sync file), the township's list of each
  station's submitted reports and its review (已审核 / 退回).

The documents (PDF and xlsx, the same numbers) are made in
:mod:`app.services.documents.reports`.
"""

from app.services.reports.figures import (
    Period,
    StationReport,
    parse_period,
    report_from_json,
    report_periods,
    report_to_json,
    station_report,
)

__all__ = [
    "Period",
    "StationReport",
    "parse_period",
    "report_from_json",
    "report_periods",
    "report_to_json",
    "station_report",
]
