"""Views of 志愿者: the volunteers list and dialogs, service hours and stars, certificates, the volunteer rules editor."""
