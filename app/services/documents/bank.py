"""The 志愿者积分银行 statement (app.services.volunteers.bank.statement) as PDF bytes."""

from __future__ import annotations

from datetime import date

from app.db import Database
from app.i18n import hours_text
from app.services.volunteers import bank


def statement_pdf(
    db: Database, volunteer_id: str, start: date | None = None, end: date | None = None
) -> bytes:
    from app.printing.bank_statement import StatementDoc, StatementRow, render_statement
    from app.services.station import get_station

    with db.read() as session:
        st = bank.statement(session, volunteer_id, start, end)
    if st.own:
        account = f"积分账户：志愿者个人积分账户 {st.account_number}"
    else:
        account = f"积分账户：记入家庭户 {st.account_number}（户主 {st.account_holder}）"
    if start or end:
        period = f"{start.isoformat() if start else '…'} 至 {end.isoformat() if end else '…'}"
    else:
        period = "全部"
    rows = [
        StatementRow(
            line.on,
            "志愿服务" if line.kind == "service" else "兑换",
            line.text,
            hours_text(line.minutes) if line.kind == "service" else "",
            line.points,
        )
        for line in st.lines
    ]
    return render_statement(
        StatementDoc(
            station_name=get_station(db).name,
            volunteer_name=st.volunteer_name,
            volunteer_number=st.volunteer_number,
            id_masked=st.id_masked,
            account_line=account,
            period_label=period,
            rows=rows,
            hours=hours_text(st.minutes),
            earned=st.earned,
            redeemed=st.redeemed,
            balance=st.balance,
            generated_at=date.today(),
        )
    )
