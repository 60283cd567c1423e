"""Views of 活动: the month's activities, an activity's dialogs, quotas and the calendar."""
