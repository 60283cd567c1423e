"""Views of 居民与积分: the households list, a household's dialogs, the points tabs and the points settings."""
