"""志愿者与志愿服务 — volunteers, their teams, records, service hours, certificates and
the sign-in kiosk (DOMAIN "Volunteers and service hours").

The modules, each with its own docstring:

* :mod:`.people` — registration, 志愿者编号, search and the lazy list, photos,
  cards, and the volunteer policy's names;
* :mod:`.teams` — the teams ("8+N") and memberships, the forms' catalogue;
* :mod:`.records` — training, awards and evaluations, and a volunteer's file;
* :mod:`.roster` — the Excel roster import and the masked list export;
* :mod:`.hours` — service records pending → approved/rejected, corrections, stars;
* :mod:`.certificates` — 志愿服务记录证明, star and participation certificates;
* :mod:`.kiosk` — the sign-in kiosk: one scan in, one result out.

This package re-exports the names of people, teams and records, so
``from app.services.volunteers import VolunteerData`` and
``volunteers.create_volunteer(...)`` work as they did; hours, certificates,
kiosk and roster are imported by their own paths.
"""

from __future__ import annotations

from app.services.policy import VolunteerPolicy
from app.services.volunteers.people import (
    ID_CARD,
    ID_TYPE_NAMES_ZH,
    ID_TYPES,
    MAX_FETCH,
    MAX_SEARCH_LIMIT,
    VOLUNTEER_PHOTO_FOLDER,
    AwardView,
    EvaluationView,
    TeamData,
    TeamRef,
    TeamView,
    TrainingView,
    VolunteerData,
    VolunteerFilter,
    VolunteerHit,
    VolunteerRecords,
    VolunteerView,
    add_volunteer,
    check_card_subject,
    check_volunteer_data,
    count_volunteers,
    create_volunteer,
    fetch_volunteer_views,
    fetch_volunteers,
    find_by_number,
    get_policy,
    get_volunteer,
    get_volunteer_row,
    issue_volunteer_card,
    issue_volunteer_cards,
    load_policy,
    reissue_volunteer_card,
    save_policy,
    search_volunteers,
    set_volunteer_active,
    set_volunteer_photo,
    update_volunteer,
    volunteer_personal,
    volunteer_view,
)
from app.services.volunteers.records import (
    SubRecord,
    VolunteerFile,
    add_award,
    add_evaluation,
    add_training,
    list_sub_records,
    remove_sub_record,
    volunteer_file,
)
from app.services.volunteers.teams import (
    Catalog,
    RuleChoice,
    add_default_teams,
    add_to_team,
    change_teams,
    create_team,
    form_catalog,
    list_teams,
    remove_from_team,
    seed_default_teams,
    set_team_active,
    teams_in,
    update_team,
)

__all__ = [
    "ID_CARD",
    "ID_TYPES",
    "ID_TYPE_NAMES_ZH",
    "MAX_FETCH",
    "MAX_SEARCH_LIMIT",
    "VOLUNTEER_PHOTO_FOLDER",
    "AwardView",
    "Catalog",
    "EvaluationView",
    "RuleChoice",
    "SubRecord",
    "TeamData",
    "TeamRef",
    "TeamView",
    "TrainingView",
    "VolunteerData",
    "VolunteerFile",
    "VolunteerFilter",
    "VolunteerHit",
    "VolunteerPolicy",
    "VolunteerRecords",
    "VolunteerView",
    "add_award",
    "add_default_teams",
    "add_evaluation",
    "add_to_team",
    "add_training",
    "add_volunteer",
    "change_teams",
    "check_card_subject",
    "check_volunteer_data",
    "count_volunteers",
    "create_team",
    "create_volunteer",
    "fetch_volunteer_views",
    "fetch_volunteers",
    "find_by_number",
    "form_catalog",
    "get_policy",
    "get_volunteer",
    "get_volunteer_row",
    "issue_volunteer_card",
    "issue_volunteer_cards",
    "list_sub_records",
    "list_teams",
    "load_policy",
    "reissue_volunteer_card",
    "remove_from_team",
    "remove_sub_record",
    "save_policy",
    "search_volunteers",
    "seed_default_teams",
    "set_team_active",
    "set_volunteer_active",
    "set_volunteer_photo",
    "teams_in",
    "update_team",
    "update_volunteer",
    "volunteer_file",
    "volunteer_personal",
    "volunteer_view",
]
