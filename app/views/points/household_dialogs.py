"""Dialogs of the households page: household and member forms, awards and
deductions by rule (one household or a batch), and an administrator's adjustment.

Every dialog collects plain values, calls one service through ``run_task`` and
stays open with the service's sentence shown inline when it refuses (bad ID
check digit, number in use, cap exceeded...) — bad input changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.db import Database
from app.services import households, points
from app.services.households import HouseholdData, HouseholdView, MemberData, MemberView
from app.services.points import BatchResult, EntryView, RuleView
from app.views.dialogs import ServiceDialog
from app.views.pages import PageContext
from app.views.points.entries import confirm, signed
from app.views.points.options import points_settings
from app.views.screen import fit_window
from app.views.tasks import run_task

RELATIONS = (
    "配偶",
    "子",
    "女",
    "儿媳",
    "女婿",
    "孙子",
    "孙女",
    "父亲",
    "母亲",
    "兄弟",
    "姐妹",
    "其他",
)


class MemberForm(QWidget):
    """Name, relation, sex, birth date, ID number and phone of one person."""

    def __init__(self, *, head: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = QLineEdit()
        self.name.setObjectName("member_name")
        self.name.setMaxLength(50)
        self.relation = QComboBox()
        self.relation.setObjectName("member_relation")
        self.relation.setEditable(True)
        self.relation.addItems(("", *RELATIONS))
        self.sex = QComboBox()
        self.sex.setObjectName("member_sex")
        self.sex.addItem(self.tr("(not given)"), "")
        self.sex.addItem(self.tr("Male"), "M")
        self.sex.addItem(self.tr("Female"), "F")
        self.birth = QLineEdit()
        self.birth.setObjectName("member_birth")
        self.birth.setPlaceholderText(self.tr("YYYY-MM-DD, optional"))
        self.id_number = QLineEdit()
        self.id_number.setObjectName("member_id_number")
        self.id_number.setMaxLength(20)
        self.id_number.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.id_number.setPlaceholderText(self.tr("Optional; 18 characters"))
        self.phone = QLineEdit()
        self.phone.setObjectName("member_phone")
        self.phone.setMaxLength(20)
        self.phone.setPlaceholderText(self.tr("Optional; 11-digit mobile"))
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("&Name:"), self.name)
        if not head:
            form.addRow(self.tr("&Relation to the head:"), self.relation)
        form.addRow(self.tr("&Sex:"), self.sex)
        form.addRow(self.tr("&Birth date:"), self.birth)
        form.addRow(self.tr("&ID number (身份证号):"), self.id_number)
        form.addRow(self.tr("&Phone:"), self.phone)

    def set_member(self, m: MemberView) -> None:
        self.name.setText(m.name)
        self.relation.setCurrentText(m.relation)
        self.sex.setCurrentIndex(max(0, self.sex.findData(m.sex)))
        self.birth.setText(m.birth_date.isoformat() if m.birth_date else "")

    def birth_date(self) -> date | None:
        text = self.birth.text().strip()
        if not text:
            return None
        try:
            return date.fromisoformat(text.replace("/", "-").replace(".", "-"))
        except ValueError:
            raise ValueError(text) from None

    def data(self) -> MemberData:
        return MemberData(
            name=self.name.text(),
            relation=self.relation.currentText(),
            sex=str(self.sex.currentData() or ""),
            birth_date=self.birth_date(),
            id_number=self.id_number.text(),
            phone=self.phone.text(),
        )


class HouseholdDialog(ServiceDialog):
    """Register a household with its head, or edit a household's own details."""

    def __init__(
        self,
        ctx: PageContext,
        household: HouseholdView | None = None,
        groups: list[str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("household_dialog")
        self.household = household
        self.setWindowTitle(self.tr("Edit household") if household else self.tr("New household"))
        self.number = QLineEdit(household.number if household else "")
        self.number.setObjectName("household_number")
        self.number.setMaxLength(20)
        self.group = QComboBox()
        self.group.setObjectName("household_group")
        self.group.setEditable(True)
        self.group.addItems(["", *(groups or [])])
        self.group.setCurrentText(household.group_name if household else "")
        self.address = QLineEdit(household.address if household else "")
        self.address.setObjectName("household_address")
        self.phone = QLineEdit()
        self.phone.setObjectName("household_phone")
        self.phone.setPlaceholderText(
            household.phone_masked if household and household.phone_masked else self.tr("Optional")
        )
        self.note = QLineEdit(household.note if household else "")
        form = QFormLayout()
        form.addRow(self.tr("Household n&umber (户号):"), self.number)
        form.addRow(self.tr("Village &group (村民小组):"), self.group)
        form.addRow(self.tr("&Address:"), self.address)
        form.addRow(self.tr("Household p&hone:"), self.phone)
        form.addRow(self.tr("N&ote:"), self.note)
        self.head_form: MemberForm | None = None
        parts: list[Any] = [form]
        if household is None:
            box = QGroupBox(self.tr("Head of household (户主)"))
            self.head_form = MemberForm(head=True)
            QVBoxLayout(box).addWidget(self.head_form)
            parts.append(box)
        else:
            hint = QLabel(
                self.tr("Leave the phone empty to keep {masked}.").format(
                    masked=household.phone_masked
                )
                if household.phone_masked
                else ""
            )
            hint.setObjectName("hint")
            parts.append(hint)
        self.finish_layout(*parts)
        fit_window(self, 480, 0)

    def data(self) -> HouseholdData:
        return HouseholdData(
            number=self.number.text(),
            group_name=self.group.currentText(),
            address=self.address.text(),
            phone=self.phone.text(),
            note=self.note.text(),
        )

    def submit(self) -> None:
        if self.household is None:
            assert self.head_form is not None
            try:
                head = self.head_form.data()
            except ValueError:
                self.message.show_error(self.tr("The birth date must look like 1990-01-31."))
                return
            self.run(households.create_household, self.ctx.db, self.ctx.actor, self.data(), head)
        else:
            self.run(
                households.update_household,
                self.ctx.db,
                self.ctx.actor,
                self.household.id,
                self.data(),
                blank_phone_keeps=True,
            )


class MemberDialog(ServiceDialog):
    """Add a member, or edit one (the full ID number and phone are fetched — and the
    look audited — only when the form opens for editing)."""

    def __init__(
        self,
        ctx: PageContext,
        household: HouseholdView,
        member: MemberView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("member_dialog")
        self.household = household
        self.member = member
        self.setWindowTitle(
            self.tr("Edit resident")
            if member
            else self.tr("New member of household {number}").format(number=household.number)
        )
        self.form = MemberForm(head=bool(member and member.is_head))
        self.finish_layout(self.form)
        if member is not None:
            self.form.set_member(member)
            self.ok_button().setEnabled(False)
            run_task(
                households.member_personal,
                ctx.db,
                ctx.actor,
                member.id,
                on_done=self._personal,
                on_error=self._failed,
                receiver=self,
            )

    def _personal(self, values: tuple[str, str]) -> None:
        self.form.id_number.setText(values[0])
        self.form.phone.setText(values[1])
        self.ok_button().setEnabled(True)

    def submit(self) -> None:
        try:
            data = self.form.data()
        except ValueError:
            self.message.show_error(self.tr("The birth date must look like 1990-01-31."))
            return
        if self.member is None:
            self.run(households.add_member, self.ctx.db, self.ctx.actor, self.household.id, data)
        else:
            self.run(households.update_member, self.ctx.db, self.ctx.actor, self.member.id, data)


def rule_label(rule: RuleView) -> str:
    cap = f" ≤{rule.cap_per_period}" if rule.cap_per_period else ""
    return f"{rule.code} {rule.name} ({signed(rule.points)}/{rule.unit}{cap})"


def with_points_settings(fn: Callable[..., Any], db: Database, *args: Any, **kwargs: Any) -> Any:
    """``fn(db, *args, settings=<the points policy>, **kwargs)``, the policy read on the
    worker thread that runs *fn* (not on the GUI thread when the dialog submits)."""
    return fn(db, *args, settings=points_settings(db), **kwargs)


class _RuleDialog(ServiceDialog):
    """Base of the award dialogs: a rule picker filled off the GUI thread."""

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.rules: list[RuleView] = []
        self.rule = QComboBox()
        self.rule.setObjectName("award_rule")
        self.rule.setMinimumContentsLength(28)
        self.quantity = QSpinBox()
        self.quantity.setObjectName("award_quantity")
        self.quantity.setRange(1, points.MAX_QUANTITY)
        self.reason = QLineEdit()
        self.reason.setObjectName("award_reason")
        self.reason.setPlaceholderText(self.tr("e.g. the activity or the place"))
        self.preview = QLabel()
        self.preview.setObjectName("award_preview")
        self.rule.currentIndexChanged.connect(self._update_preview)
        self.quantity.valueChanged.connect(self._update_preview)
        self.ok_button().setEnabled(False)
        run_task(
            points.list_rules, ctx.db, on_done=self._rules, on_error=self._failed, receiver=self
        )

    def _rules(self, rules: list[RuleView]) -> None:
        self.rules = rules
        self.rule.clear()
        for rule in rules:
            self.rule.addItem(rule_label(rule), rule.code)
        self.ok_button().setEnabled(bool(rules))
        if not rules:
            self.message.show_error(self.tr("The rule catalogue is empty; add rules first."))
        self._update_preview()

    def select_rule(self, code: str) -> None:
        self.rule.setCurrentIndex(max(0, self.rule.findData(code)))

    def current_rule(self) -> RuleView | None:
        i = self.rule.currentIndex()
        return self.rules[i] if 0 <= i < len(self.rules) else None

    def _update_preview(self) -> None:
        rule = self.current_rule()
        if rule is None:
            self.preview.setText("")
            return
        self.preview.setText(
            self.tr("{points} points").format(points=signed(rule.points * self.quantity.value()))
        )


class AwardDialog(_RuleDialog):
    """加分/扣分 for one household by a catalogue rule, optionally naming a member."""

    def __init__(self, ctx: PageContext, household: HouseholdView, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.setObjectName("award_dialog")
        self.household = household
        self.setWindowTitle(
            self.tr("Award or deduct: household {number} {head}").format(
                number=household.number, head=household.head_name
            )
        )
        self.member = QComboBox()
        self.member.setObjectName("award_member")
        self.member.addItem(self.tr("(the household)"), "")
        for m in household.members:
            if m.active:
                self.member.addItem(m.name, m.id)
        form = QFormLayout()
        form.addRow(self.tr("&Rule:"), self.rule)
        form.addRow(self.tr("&Quantity:"), self.quantity)
        form.addRow(self.tr("&Member:"), self.member)
        form.addRow(self.tr("R&eason / note:"), self.reason)
        form.addRow(self.tr("Points:"), self.preview)
        self.finish_layout(form)

    def submit(self) -> None:
        rule = self.current_rule()
        if rule is None:
            return
        self.run(
            with_points_settings,
            points.award,
            self.ctx.db,
            self.ctx.actor,
            self.household.id,
            rule.code,
            self.quantity.value(),
            self.member.currentData() or None,
            self.reason.text(),
        )

    @property
    def entry(self) -> EntryView | None:
        return self.result_value


class BatchAwardDialog(_RuleDialog):
    """One rule for many households, one transaction; the count is confirmed first."""

    def __init__(self, ctx: PageContext, household_ids: list[str], parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.setObjectName("batch_award_dialog")
        self.household_ids = household_ids
        self.setWindowTitle(self.tr("Batch award for %n households", "", len(household_ids)))
        self.skip_capped = QCheckBox(self.tr("Leave out households that would pass the cap"))
        self.skip_capped.setObjectName("batch_skip_capped")
        form = QFormLayout()
        form.addRow(self.tr("&Rule:"), self.rule)
        form.addRow(self.tr("&Quantity:"), self.quantity)
        form.addRow(self.tr("R&eason / note:"), self.reason)
        form.addRow(self.tr("Points each:"), self.preview)
        self.finish_layout(form, self.skip_capped)

    def submit(self) -> None:
        rule = self.current_rule()
        if rule is None:
            return
        n = len(self.household_ids)
        if not confirm(
            self,
            self.windowTitle(),
            self.tr("Give “{rule}” ({points}) to %n households in one batch?", "", n).format(
                rule=rule.name, points=signed(rule.points * self.quantity.value())
            ),
        ):
            return
        self.run(
            with_points_settings,
            points.batch_award,
            self.ctx.db,
            self.ctx.actor,
            self.household_ids,
            rule.code,
            self.reason.text(),
            quantity=self.quantity.value(),
            skip_capped=self.skip_capped.isChecked(),
        )

    @property
    def batch(self) -> BatchResult | None:
        return self.result_value


class AdjustDialog(ServiceDialog):
    """An administrator's correction outside the catalogue (an objection upheld...)."""

    def __init__(self, ctx: PageContext, household: HouseholdView, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.setObjectName("adjust_dialog")
        self.household = household
        self.setWindowTitle(
            self.tr("Adjust points: household {number}").format(number=household.number)
        )
        self.points = QSpinBox()
        self.points.setObjectName("adjust_points")
        self.points.setRange(-points.MAX_RULE_POINTS, points.MAX_RULE_POINTS)
        self.reason = QLineEdit()
        self.reason.setObjectName("adjust_reason")
        form = QFormLayout()
        form.addRow(self.tr("Current balance:"), QLabel(str(household.balance)))
        form.addRow(self.tr("&Points (+ or −):"), self.points)
        form.addRow(self.tr("&Reason (required):"), self.reason)
        self.finish_layout(form)

    def submit(self) -> None:
        self.run(
            with_points_settings,
            points.adjust,
            self.ctx.db,
            self.ctx.actor,
            self.household.id,
            self.points.value(),
            self.reason.text(),
        )
