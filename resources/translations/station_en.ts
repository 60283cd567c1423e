<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ActivitiesPage</name>
    <message numerus="yes">
        <location filename="../../app/views/activities/page.py" line="655"/>
        <source>%n activities</source>
        <translation>
            <numerusform>%n activity</numerusform>
            <numerusform>%n activities</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ActivityDetail</name>
    <message numerus="yes">
        <location filename="../../app/views/activities/page.py" line="366"/>
        <source>Closed; %n still present were signed out.</source>
        <translation>
            <numerusform>Closed; %n still present was signed out.</numerusform>
            <numerusform>Closed; %n still present were signed out.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/activities/page.py" line="440"/>
        <source>%n photos added.</source>
        <translation>
            <numerusform>%n photo added.</numerusform>
            <numerusform>%n photos added.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuditTab</name>
    <message numerus="yes">
        <location filename="../../app/views/settings_page.py" line="213"/>
        <source>The audit log is intact: %n entries checked.</source>
        <translation>
            <numerusform>The audit log is intact: %n entry checked.</numerusform>
            <numerusform>The audit log is intact: %n entries checked.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BatchAwardDialog</name>
    <message numerus="yes">
        <location filename="../../app/views/points/household_dialogs.py" line="373"/>
        <source>Batch award for %n households</source>
        <translation>
            <numerusform>Batch award for %n household</numerusform>
            <numerusform>Batch award for %n households</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/points/household_dialogs.py" line="391"/>
        <source>Give “{rule}” ({points}) to %n households in one batch?</source>
        <translation>
            <numerusform>Give “{rule}” ({points}) to %n household in one batch?</numerusform>
            <numerusform>Give “{rule}” ({points}) to %n households in one batch?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CertificatesTab</name>
    <message numerus="yes">
        <location filename="../../app/views/volunteers/certificates_page.py" line="263"/>
        <source>%n certificates</source>
        <translation>
            <numerusform>%n certificate</numerusform>
            <numerusform>%n certificates</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/volunteers/certificates_page.py" line="507"/>
        <source>%n star certificates issued.</source>
        <translation>
            <numerusform>%n star certificate issued.</numerusform>
            <numerusform>%n star certificates issued.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CompleteDialog</name>
    <message numerus="yes">
        <location filename="../../app/views/orders/page.py" line="489"/>
        <source>%n photos: {names}</source>
        <translation>
            <numerusform>%n photo: {names}</numerusform>
            <numerusform>%n photos: {names}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CounterWidget</name>
    <message numerus="yes">
        <location filename="../../app/views/supermarket/counter.py" line="727"/>
        <source>Balance: %n points</source>
        <translation>
            <numerusform>Balance: %n point</numerusform>
            <numerusform>Balance: %n points</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/supermarket/counter.py" line="836"/>
        <source>Total: %n points</source>
        <translation>
            <numerusform>Total: %n point</numerusform>
            <numerusform>Total: %n points</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/supermarket/counter.py" line="842"/>
        <source>Balance after: %n points</source>
        <translation>
            <numerusform>Balance after: %n point</numerusform>
            <numerusform>Balance after: %n points</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/supermarket/counter.py" line="1167"/>
        <source>%n slips were never printed; choose one and click Reprint.</source>
        <translation>
            <numerusform>%n slip was never printed; choose it and click Reprint.</numerusform>
            <numerusform>%n slips were never printed; choose one and click Reprint.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GoodsTab</name>
    <message numerus="yes">
        <location filename="../../app/views/supermarket/page.py" line="443"/>
        <source>%n goods are low on stock: {names}</source>
        <translation>
            <numerusform>%n item is low on stock: {names}</numerusform>
            <numerusform>%n items are low on stock: {names}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message numerus="yes">
        <location filename="../../app/views/home.py" line="423"/>
        <source>%n day(s) since the last acknowledgement</source>
        <translation>
            <numerusform>%n day since the last acknowledgement</numerusform>
            <numerusform>%n days since the last acknowledgement</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HoursTab</name>
    <message numerus="yes">
        <location filename="../../app/views/volunteers/hours_page.py" line="420"/>
        <source>%n records</source>
        <translation>
            <numerusform>%n record</numerusform>
            <numerusform>%n records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/volunteers/hours_page.py" line="490"/>
        <source>%n records approved.</source>
        <translation>
            <numerusform>%n record approved.</numerusform>
            <numerusform>%n records approved.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/volunteers/hours_page.py" line="501"/>
        <source>Reject %n record(s)? They stay listed as rejected. Give the reason:</source>
        <translation>
            <numerusform>Reject %n record? It stays listed as rejected. Give the reason:</numerusform>
            <numerusform>Reject %n records? They stay listed as rejected. Give the reason:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/volunteers/hours_page.py" line="514"/>
        <source>%n records rejected.</source>
        <translation>
            <numerusform>%n record rejected.</numerusform>
            <numerusform>%n records rejected.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/volunteers/hours_page.py" line="570"/>
        <source>%n star levels granted.</source>
        <translation>
            <numerusform>%n star level granted.</numerusform>
            <numerusform>%n star levels granted.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HouseholdDetail</name>
    <message numerus="yes">
        <location filename="../../app/views/points/households_page.py" line="302"/>
        <source>Balance: %n points</source>
        <translation>
            <numerusform>Balance: %n point</numerusform>
            <numerusform>Balance: %n points</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HouseholdsTab</name>
    <message numerus="yes">
        <location filename="../../app/views/points/households_page.py" line="631"/>
        <source>%n households</source>
        <translation>
            <numerusform>%n household</numerusform>
            <numerusform>%n households</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/points/households_page.py" line="712"/>
        <source>Batch done: %n households, {total} points in all.</source>
        <translation>
            <numerusform>Batch done: %n household, {total} points in all.</numerusform>
            <numerusform>Batch done: %n households, {total} points in all.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/points/households_page.py" line="733"/>
        <source>Undo the batch of %n entries ({total} points)? Give the reason:</source>
        <translation>
            <numerusform>Undo the batch of %n entry ({total} points)? Give the reason:</numerusform>
            <numerusform>Undo the batch of %n entries ({total} points)? Give the reason:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/points/households_page.py" line="745"/>
        <source>The batch was undone: %n entries reversed.</source>
        <translation>
            <numerusform>The batch was undone: %n entry reversed.</numerusform>
            <numerusform>The batch was undone: %n entries reversed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ListActions</name>
    <message numerus="yes">
        <location filename="../../app/views/list_actions.py" line="100"/>
        <source>%n row(s) exported to {path}.</source>
        <translation>
            <numerusform>%n row exported to {path}.</numerusform>
            <numerusform>%n rows exported to {path}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../app/views/main_window.py" line="411"/>
        <source>%n changes waiting to upload · last acknowledged {when}</source>
        <translation>
            <numerusform>%n change waiting to upload · last acknowledged {when}</numerusform>
            <numerusform>%n changes waiting to upload · last acknowledged {when}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NationalExportDialog</name>
    <message numerus="yes">
        <location filename="../../app/views/volunteers/national_dialog.py" line="135"/>
        <source>%n volunteer(s) have no ID number; the national system will ask for it.</source>
        <translation>
            <numerusform>%n volunteer has no ID number; the national system will ask for it.</numerusform>
            <numerusform>%n volunteers have no ID number; the national system will ask for it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message numerus="yes">
        <location filename="../../app/views/orders/page.py" line="851"/>
        <source>%n orders</source>
        <translation>
            <numerusform>%n order</numerusform>
            <numerusform>%n orders</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message numerus="yes">
        <location filename="../../app/views/pdf_preview.py" line="311"/>
        <source>Sent %n page(s) to the printer.</source>
        <translation>
            <numerusform>Sent %n page to the printer.</numerusform>
            <numerusform>Sent %n pages to the printer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/pdf_preview.py" line="315"/>
        <source>Printing cancelled after %n page(s) of {total}.</source>
        <translation>
            <numerusform>Printing cancelled after %n page of {total}.</numerusform>
            <numerusform>Printing cancelled after %n pages of {total}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PeriodsTab</name>
    <message numerus="yes">
        <location filename="../../app/views/points/tabs.py" line="709"/>
        <source>Every household gets the base score of %n points.</source>
        <translation>
            <numerusform>Every household gets the base score of %n point.</numerusform>
            <numerusform>Every household gets the base score of %n points.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuotaPanel</name>
    <message numerus="yes">
        <location filename="../../app/views/activities/page.py" line="538"/>
        <source>%n more activities</source>
        <translation>
            <numerusform>%n more activity</numerusform>
            <numerusform>%n more activities</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecentImportsModel</name>
    <message numerus="yes">
        <location filename="../../app/views/township/home_page.py" line="110"/>
        <source>Imported: %n rows, changes {a}–{b}</source>
        <translation>
            <numerusform>Imported: %n row, changes {a}–{b}</numerusform>
            <numerusform>Imported: %n rows, changes {a}–{b}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RosterImportDialog</name>
    <message numerus="yes">
        <location filename="../../app/views/roster_import_dialog.py" line="347"/>
        <source>%n rows below the header on row {header}.</source>
        <translation>
            <numerusform>%n row below the header on row {header}.</numerusform>
            <numerusform>%n rows below the header on row {header}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/roster_import_dialog.py" line="406"/>
        <source>&amp;Import %n rows</source>
        <translation>
            <numerusform>&amp;Import %n row</numerusform>
            <numerusform>&amp;Import %n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/roster_import_dialog.py" line="416"/>
        <source>Import %n rows now?</source>
        <translation>
            <numerusform>Import %n row now?</numerusform>
            <numerusform>Import %n rows now?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/roster_import_dialog.py" line="418"/>
        <source>%n rows with problems will be left out.</source>
        <translation>
            <numerusform>%n row with a problem will be left out.</numerusform>
            <numerusform>%n rows with problems will be left out.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/roster_import_dialog.py" line="462"/>
        <source>Imported: %n volunteers, numbers {first} to {last}.</source>
        <translation>
            <numerusform>Imported: %n volunteer, numbers {first} to {last}.</numerusform>
            <numerusform>Imported: %n volunteers, numbers {first} to {last}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StationsPage</name>
    <message numerus="yes">
        <location filename="../../app/views/township/stations_page.py" line="325"/>
        <source>%n stations enrolled.</source>
        <translation>
            <numerusform>%n station enrolled.</numerusform>
            <numerusform>%n stations enrolled.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/township/stations_page.py" line="327"/>
        <source>Days since sync turn red after {days} days (%n stations now).</source>
        <translation>
            <numerusform>Days since sync turn red after {days} days (%n station now).</numerusform>
            <numerusform>Days since sync turn red after {days} days (%n stations now).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message numerus="yes">
        <location filename="../../app/views/sync/page.py" line="378"/>
        <source>%n changes</source>
        <translation>
            <numerusform>%n change</numerusform>
            <numerusform>%n changes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeamsDialog</name>
    <message numerus="yes">
        <location filename="../../app/views/volunteers/dialogs.py" line="506"/>
        <source>%n teams added.</source>
        <translation>
            <numerusform>%n team added.</numerusform>
            <numerusform>%n teams added.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TownshipHomePage</name>
    <message numerus="yes">
        <location filename="../../app/views/township/home_page.py" line="259"/>
        <source>%n stations</source>
        <translation>
            <numerusform>%n station</numerusform>
            <numerusform>%n stations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/township/home_page.py" line="264"/>
        <source>Silent for more than %n days:</source>
        <translation>
            <numerusform>Silent for more than %n day:</numerusform>
            <numerusform>Silent for more than %n days:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/township/home_page.py" line="275"/>
        <source>%n rows, from {names}</source>
        <translation>
            <numerusform>%n row, from {names}</numerusform>
            <numerusform>%n rows, from {names}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VolunteersTab</name>
    <message numerus="yes">
        <location filename="../../app/views/volunteers/page.py" line="771"/>
        <source>%n volunteers</source>
        <translation>
            <numerusform>%n volunteer</numerusform>
            <numerusform>%n volunteers</numerusform>
        </translation>
    </message>
</context>
</TS>
