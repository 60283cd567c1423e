"""积分制 — the rule catalogue, awards and deductions, batches, periods, rankings.

The points services, one module per part of the system:

* :mod:`.settings` — :class:`PointsSettings` and the period keys (``2026``,
  ``2026-Q4``, ``2026-11``);
* :mod:`.rules` — the rule catalogue (加分项/扣分项, caps) and its seed;
* :mod:`.ledger` — the append-only ledger: the one writer of entries and
  cached balances, reversals, reading entries and scores, the balance check;
* :mod:`.awards` — awards and deductions for one household or a batch, a
  batch's undo, reversing one entry, an administrator's adjustment;
* :mod:`.periods` — opening a period with its base score, 公示, finalizing
  with carry-over or clearance;
* :mod:`.standings` — 积分榜 and 红黑榜, the annual 星级文明户 ratings;
* :mod:`.redemption` — whether a household may redeem now (pass line,
  minimum balance, balance).

The public names of all of them are re-exported here, so callers write
``points.award(...)`` or ``from app.services.points import PointsSettings``.
"""

from __future__ import annotations

from app.services.points.awards import (
    MAX_QUANTITY,
    BatchAlreadyUndone,
    BatchResult,
    CapExceeded,
    adjust,
    award,
    award_rule,
    batch_award,
    reverse_entry,
    undo_batch,
)
from app.services.points.ledger import (
    BalanceMismatch,
    BalanceReport,
    EntryView,
    balance,
    batch_entries,
    period_score,
    post_entry,
    post_reversal,
    recent_entries,
    verify_balances,
)
from app.services.points.periods import (
    PeriodFinalized,
    PeriodView,
    finalize_period,
    list_periods,
    open_period,
    publicize_period,
)
from app.services.points.redemption import (
    BelowMinimumBalance,
    BelowPassLine,
    InsufficientBalance,
    RedemptionRefused,
    below_minimum_balance,
    check_can_redeem,
)
from app.services.points.rules import (
    DEFAULT_RULES,
    MAX_RULE_POINTS,
    PointsRefused,
    RuleData,
    RuleView,
    create_rule,
    list_rules,
    seed_default_rules,
    set_rule_active,
    update_rule,
)
from app.services.points.settings import (
    END_ACTIONS,
    PERIOD_KINDS,
    PointsSettings,
    period_key,
)
from app.services.points.standings import (
    DEFAULT_TIERS,
    RankRow,
    RatingRow,
    RatingTier,
    annual_ratings,
    apply_ratings,
    rankings,
)

__all__ = [
    "DEFAULT_RULES",
    "DEFAULT_TIERS",
    "END_ACTIONS",
    "MAX_QUANTITY",
    "MAX_RULE_POINTS",
    "PERIOD_KINDS",
    "BalanceMismatch",
    "BalanceReport",
    "BatchAlreadyUndone",
    "BatchResult",
    "BelowMinimumBalance",
    "BelowPassLine",
    "CapExceeded",
    "EntryView",
    "InsufficientBalance",
    "PeriodFinalized",
    "PeriodView",
    "PointsRefused",
    "PointsSettings",
    "RankRow",
    "RatingRow",
    "RatingTier",
    "RedemptionRefused",
    "RuleData",
    "RuleView",
    "adjust",
    "annual_ratings",
    "apply_ratings",
    "award",
    "award_rule",
    "balance",
    "batch_award",
    "batch_entries",
    "below_minimum_balance",
    "check_can_redeem",
    "create_rule",
    "finalize_period",
    "list_periods",
    "list_rules",
    "open_period",
    "period_key",
    "period_score",
    "post_entry",
    "post_reversal",
    "publicize_period",
    "rankings",
    "recent_entries",
    "reverse_entry",
    "seed_default_rules",
    "set_rule_active",
    "undo_batch",
    "update_rule",
    "verify_balances",
]
