"""乡镇实践所 — what a township reads about its stations, Qt-free.

A township database holds many stations' rows (each carries ``station_id``);
every read here filters by ``station_id`` explicitly and none relies on the
ORM's automatic scope to the township's own station.

* :mod:`.stations` — the township's settings for the 站点 list (days without a
  sync before a station shows red) and the quarantined rows of a station;
* :mod:`.summary` — 汇总: the month's figures per station and the township total;
* :mod:`.details` — its further sections (stock, rankings, participation, star levels);
* :mod:`.report` — the same as an xlsx workbook and a township report PDF;
* :mod:`.home` — what the township's 首页 shows besides (the last imports).
"""
