<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActivitiesModel</name>
    <message>
        <location filename="../../app/views/activities/page.py" line="101"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/page.py" line="102"/>
        <source>Title</source>
        <translation>活动名称</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/page.py" line="103"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/page.py" line="104"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/page.py" line="105"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/page.py" line="106"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>ActivitiesPage</name>
    <message>
        <location filename="../../app/views/activities/page.py" line="583"/>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/page.py" line="584"/>
        <source>&amp;Plan an activity…</source>
        <translation>安排活动(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/page.py" line="614"/>
        <source>No activity on the chosen day.</source>
        <translation>所选日期没有活动。</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/page.py" line="618"/>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/page.py" line="619"/>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/page.py" line="644"/>
        <source>Activities</source>
        <translation>活动</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/activities/page.py" line="655"/>
        <source>%n activities</source>
        <translation>
            <numerusform>共 %n 场活动</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/activities/page.py" line="738"/>
        <source>Still loading; try again in a moment.</source>
        <translation>还在加载，请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/page.py" line="749"/>
        <source>“{title}” planned.</source>
        <translation>已安排“{title}”。</translation>
    </message>
</context>
<context>
    <name>ActivityDetail</name>
    <message>
        <location filename="../../app/views/activities/page.py" line="199"/>
        <location filename="../../app/views/activities/page.py" line="271"/>
        <source>Choose an activity.</source>
        <translation>请选择一场活动。</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/page.py" line="217"/>
        <source>Open &amp;kiosk</source>
        <translation>打开签到机(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/page.py" line="218"/>
        <source>Open for sign-in</source>
        <translation>开始签到</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/page.py" line="219"/>
        <source>Close activity…</source>
        <translation>结束活动…</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/page.py" line="220"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/page.py" line="221"/>
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/page.py" line="222"/>
        <source>Remove photo…</source>
        <translation>删除照片…</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/page.py" line="223"/>
        <source>Reopen…</source>
        <translation>重新开启…</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/page.py" line="224"/>
        <source>Cancel activity…</source>
        <translation>取消活动…</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/page.py" line="235"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/page.py" line="239"/>
        <source>No photos yet. Add the activity&apos;s photos with “Add photos…”.</source>
        <translation>还没有照片。请点击“添加照片…”添加活动照片。</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/page.py" line="287"/>
        <source>capacity {n}</source>
        <translation>限 {n} 人</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/page.py" line="289"/>
        <source>at most {h} h each</source>
        <translation>每人最多 {h} 小时</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/page.py" line="292"/>
        <source>households: {rule}</source>
        <translation>居民户：{rule}</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/page.py" line="295"/>
        <source>volunteers only</source>
        <translation>仅限志愿者</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/page.py" line="296"/>
        <source>recorded by {name}</source>
        <translation>记录人：{name}</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/page.py" line="305"/>
        <source>{volunteers} volunteers ({present} present now) · {households} households · {hours} h counted</source>
        <translation>志愿者 {volunteers} 人（现在场 {present} 人）· 居民 {households} 户 · 已计 {hours} 小时</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/page.py" line="335"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/page.py" line="345"/>
        <source>The activity is open; the kiosk takes scans.</source>
        <translation>活动已开始签到，签到机可以扫码了。</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/page.py" line="352"/>
        <source>Close activity</source>
        <translation>结束活动</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/page.py" line="354"/>
        <source>Close “{title}”? Everyone still signed in is signed out now and their hours are flagged for checking. Scans are no longer taken.</source>
        <translation>要结束“{title}”吗？仍在签到状态的人将被立即签退，其服务时长会标记为待核实。结束后不再接受扫码。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/activities/page.py" line="366"/>
        <source>Closed; %n still present were signed out.</source>
        <translation>
            <numerusform>活动已结束；已为仍在场的 %n 人签退。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/activities/page.py" line="440"/>
        <source>%n photos added.</source>
        <translation>
            <numerusform>已添加 %n 张照片。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/activities/page.py" line="376"/>
        <source>Reopen activity</source>
        <translation>重新开启活动</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/page.py" line="377"/>
        <source>Why is “{title}” reopened?</source>
        <translation>为什么要重新开启“{title}”？</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/page.py" line="386"/>
        <source>Reopened.</source>
        <translation>已重新开启。</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/page.py" line="395"/>
        <source>Cancel activity</source>
        <translation>取消活动</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/page.py" line="396"/>
        <source>Why is “{title}” cancelled?</source>
        <translation>为什么要取消“{title}”？</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/page.py" line="402"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/page.py" line="423"/>
        <source>Add photos</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/page.py" line="424"/>
        <source>Pictures (*.jpg *.jpeg *.png *.webp *.bmp *.gif)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.webp *.bmp *.gif)</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/page.py" line="432"/>
        <source>Copying the photos…</source>
        <translation>正在复制照片…</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/page.py" line="446"/>
        <source>Choose a photo first.</source>
        <translation>请先选择一张照片。</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/page.py" line="449"/>
        <source>Remove photo</source>
        <translation>删除照片</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/page.py" line="449"/>
        <source>Remove this photo from the activity?</source>
        <translation>要从本活动中删除这张照片吗？</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/page.py" line="455"/>
        <source>Removed.</source>
        <translation>已删除。</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/page.py" line="463"/>
        <source>The activity is closed.</source>
        <translation>活动已结束。</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/page.py" line="467"/>
        <source>Open kiosk</source>
        <translation>打开签到机</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/page.py" line="468"/>
        <source>Open “{title}” for sign-in now and start the kiosk?</source>
        <translation>现在开始“{title}”的签到并打开签到机吗？</translation>
    </message>
</context>
<context>
    <name>ActivityDialog</name>
    <message>
        <location filename="../../app/views/activities/dialogs.py" line="63"/>
        <source>Edit activity</source>
        <translation>编辑活动</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/dialogs.py" line="63"/>
        <source>Plan an activity</source>
        <translation>安排活动</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/dialogs.py" line="73"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/dialogs.py" line="86"/>
        <source>e.g. 村文化礼堂</source>
        <translation>如 村文化礼堂</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/dialogs.py" line="106"/>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/dialogs.py" line="113"/>
        <source>the schedule</source>
        <translation>按活动时间</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/dialogs.py" line="114"/>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/dialogs.py" line="118"/>
        <source>(no points)</source>
        <translation>（不加分）</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/dialogs.py" line="123"/>
        <source>Villagers scan their household cards (户次, points)</source>
        <translation>村民刷户卡参加（计户次、积分）</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/dialogs.py" line="127"/>
        <source>&amp;Title:</source>
        <translation>活动名称(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/dialogs.py" line="128"/>
        <source>&amp;Category (five tasks):</source>
        <translation>类别（五项任务）(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/dialogs.py" line="129"/>
        <source>&amp;Platform:</source>
        <translation>平台(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/dialogs.py" line="130"/>
        <source>Organising te&amp;ams:</source>
        <translation>组织队伍(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/dialogs.py" line="135"/>
        <source>Capac&amp;ity:</source>
        <translation>人数上限(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/dialogs.py" line="137"/>
        <source>Poi&amp;nts per household:</source>
        <translation>每户加分(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/dialogs.py" line="131"/>
        <source>P&amp;lace:</source>
        <translation>地点(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/dialogs.py" line="132"/>
        <source>&amp;Starts:</source>
        <translation>开始(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/dialogs.py" line="133"/>
        <source>&amp;Ends:</source>
        <translation>结束(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/dialogs.py" line="134"/>
        <source>C&amp;ontent:</source>
        <translation>活动内容(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/dialogs.py" line="136"/>
        <source>&amp;Hours cap per volunteer:</source>
        <translation>每人时长上限(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/dialogs.py" line="150"/>
        <source>Please enter the activity&apos;s title.</source>
        <translation>请填写活动名称。</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/dialogs.py" line="152"/>
        <source>The activity must end after it starts.</source>
        <translation>活动结束时间必须晚于开始时间。</translation>
    </message>
</context>
<context>
    <name>AdjustDialog</name>
    <message>
        <location filename="../../app/views/points/household_dialogs.py" line="421"/>
        <source>Adjust points: household {number}</source>
        <translation>调整积分：户号 {number}</translation>
    </message>
    <message>
        <location filename="../../app/views/points/household_dialogs.py" line="429"/>
        <source>Current balance:</source>
        <translation>当前积分余额：</translation>
    </message>
    <message>
        <location filename="../../app/views/points/household_dialogs.py" line="430"/>
        <source>&amp;Points (+ or −):</source>
        <translation>积分（+ 或 −）(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../app/views/points/household_dialogs.py" line="431"/>
        <source>&amp;Reason (required):</source>
        <translation>原因（必填）(&amp;R)：</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../app/views/wizard.py" line="105"/>
        <source>The first administrator</source>
        <translation>第一位管理员</translation>
    </message>
    <message>
        <location filename="../../app/views/wizard.py" line="108"/>
        <source>This person (usually the station head) signs in to manage the station and can add the other operators later.</source>
        <translation>此人（通常是站长）登录后管理本站，以后可以再添加其他操作员。</translation>
    </message>
    <message>
        <location filename="../../app/views/wizard.py" line="126"/>
        <source>&amp;User name (for signing in):</source>
        <translation>用户名（用于登录）(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../app/views/wizard.py" line="127"/>
        <source>Full &amp;name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../app/views/wizard.py" line="128"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../app/views/wizard.py" line="129"/>
        <source>&amp;Repeat password:</source>
        <translation>确认密码(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../app/views/wizard.py" line="140"/>
        <source>A user name has no spaces.</source>
        <translation>用户名中不能有空格。</translation>
    </message>
    <message>
        <location filename="../../app/views/wizard.py" line="142"/>
        <source>A password needs at least {n} characters.</source>
        <translation>密码至少需要 {n} 个字符。</translation>
    </message>
    <message>
        <location filename="../../app/views/wizard.py" line="146"/>
        <source>The two passwords are not the same.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <location filename="../../app/views/application.py" line="106"/>
        <location filename="../../app/views/application.py" line="151"/>
        <source>Station Workbench</source>
        <translation>文明实践站工作台</translation>
    </message>
    <message>
        <location filename="../../app/views/application.py" line="133"/>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location filename="../../app/views/application.py" line="135"/>
        <source>The program keeps running. If this happens again, send the log file from {folder} to your township.</source>
        <translation>程序仍在运行。如果再次出现，请把 {folder} 中的日志文件发给乡镇。</translation>
    </message>
    <message>
        <location filename="../../app/views/application.py" line="290"/>
        <source>The station database is damaged</source>
        <translation>工作站数据库已损坏</translation>
    </message>
    <message>
        <location filename="../../app/views/application.py" line="292"/>
        <source>The station database failed its check and was not opened, so nothing more can go wrong with it.

Problem found: {problem}</source>
        <translation>工作站数据库未通过检查，程序没有打开它，以免造成更多损坏。

发现的问题：{problem}</translation>
    </message>
    <message>
        <location filename="../../app/views/application.py" line="301"/>
        <source>The latest good backup was taken on {when}, of {station} (code {code}). Restoring it replaces the damaged file, which is kept beside it. Work entered after the backup has to be entered again.</source>
        <translation>最近一份完好的备份是 {station}（代码 {code}）于 {when} 的备份。恢复后将替换已损坏的文件，损坏的文件会保留在原处。备份之后录入的内容需要重新录入。</translation>
    </message>
    <message>
        <location filename="../../app/views/application.py" line="313"/>
        <source>Restore this backup</source>
        <translation>恢复这份备份</translation>
    </message>
    <message>
        <location filename="../../app/views/application.py" line="318"/>
        <source>No good backup was found on this PC. If you have one on a USB stick, choose it; otherwise ask your township for help.</source>
        <translation>这台电脑上没有找到完好的备份。如果U盘里有备份，请选择它；如果没有，请向乡镇求助。</translation>
    </message>
    <message>
        <location filename="../../app/views/application.py" line="325"/>
        <source>Choose a backup file…</source>
        <translation>选择备份文件…</translation>
    </message>
    <message>
        <location filename="../../app/views/application.py" line="329"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../app/views/application.py" line="339"/>
        <source>Choose the backup to restore</source>
        <translation>选择要恢复的备份</translation>
    </message>
    <message>
        <location filename="../../app/views/application.py" line="341"/>
        <source>Station backups (*.wbak);;All files (*)</source>
        <translation>工作站备份 (*.wbak);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../app/views/application.py" line="405"/>
        <location filename="../../app/views/application.py" line="478"/>
        <source>Station Workbench cannot start</source>
        <translation>文明实践站工作台无法启动</translation>
    </message>
    <message>
        <location filename="../../app/views/application.py" line="440"/>
        <source>Opened on another computer</source>
        <translation>在另一台电脑上打开着</translation>
    </message>
    <message>
        <location filename="../../app/views/application.py" line="441"/>
        <source>This station&apos;s data folder is marked as open on another computer ({host}):
{folder}

If Station Workbench is still running there, choose No and close it there first: two computers writing one database would damage it. If that computer is switched off, or this folder was copied from it, take it over.</source>
        <translation>本站的数据文件夹被标记为正在另一台电脑（{host}）上打开：
{folder}

如果那台电脑上的工作台还开着，请选“否”，先在那边关闭：两台电脑同时写一个数据库会损坏数据。如果那台电脑已关机，或这个文件夹是从它复制过来的，可以接管。</translation>
    </message>
    <message>
        <location filename="../../app/views/application.py" line="456"/>
        <source>Station Workbench is already running</source>
        <translation>文明实践站工作台已在运行</translation>
    </message>
    <message>
        <location filename="../../app/views/application.py" line="457"/>
        <source>Station Workbench is already open for this station&apos;s data folder:
{folder}

Switch to the open window (look in the taskbar) instead of starting it again.</source>
        <translation>文明实践站工作台已经打开了本站的数据文件夹：
{folder}

请切换到已打开的窗口（在任务栏里找），不要重复启动。</translation>
    </message>
    <message>
        <location filename="../../app/views/application.py" line="479"/>
        <source>The database address given with --db cannot be used: {error}</source>
        <translation>用 --db 指定的数据库地址无法使用：{error}</translation>
    </message>
</context>
<context>
    <name>AuditBrowser</name>
    <message>
        <location filename="../../app/views/audit_browser.py" line="225"/>
        <source>Anyone</source>
        <translation>全部操作员</translation>
    </message>
    <message>
        <location filename="../../app/views/audit_browser.py" line="228"/>
        <source>Any action</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <location filename="../../app/views/audit_browser.py" line="235"/>
        <source>Any record</source>
        <translation>全部记录类型</translation>
    </message>
    <message>
        <location filename="../../app/views/audit_browser.py" line="240"/>
        <source>&amp;Dates from</source>
        <translation>日期从(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../app/views/audit_browser.py" line="247"/>
        <source>Name, number, reason…</source>
        <translation>姓名、编号、事由…</translation>
    </message>
    <message>
        <location filename="../../app/views/audit_browser.py" line="256"/>
        <source>Operator:</source>
        <translation>操作员：</translation>
    </message>
    <message>
        <location filename="../../app/views/audit_browser.py" line="258"/>
        <source>Action:</source>
        <translation>操作：</translation>
    </message>
    <message>
        <location filename="../../app/views/audit_browser.py" line="260"/>
        <source>Record kind:</source>
        <translation>记录类型：</translation>
    </message>
    <message>
        <location filename="../../app/views/audit_browser.py" line="265"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../app/views/audit_browser.py" line="269"/>
        <source>Search:</source>
        <translation>搜索：</translation>
    </message>
    <message>
        <location filename="../../app/views/audit_browser.py" line="285"/>
        <location filename="../../app/views/audit_browser.py" line="383"/>
        <source>Choose an entry to see what it changed.</source>
        <translation>请选择一条记录，查看它改动了什么。</translation>
    </message>
    <message>
        <location filename="../../app/views/audit_browser.py" line="296"/>
        <source>No audit log entries match these filters.</source>
        <translation>没有符合这些条件的操作日志。</translation>
    </message>
    <message>
        <location filename="../../app/views/audit_browser.py" line="387"/>
        <source>{when} · {operator} · {action} · {kind} {record}</source>
        <translation>{when} · {operator} · {action} · {kind} {record}</translation>
    </message>
</context>
<context>
    <name>AuditLogModel</name>
    <message>
        <location filename="../../app/views/audit_browser.py" line="122"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../app/views/audit_browser.py" line="123"/>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location filename="../../app/views/audit_browser.py" line="124"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../app/views/audit_browser.py" line="125"/>
        <source>Record kind</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <location filename="../../app/views/audit_browser.py" line="126"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
</context>
<context>
    <name>AuditTab</name>
    <message>
        <location filename="../../app/views/settings_page.py" line="126"/>
        <source>Every change is written to the audit log, and each entry is linked to the one before it. Checking the log finds any entry that was changed or removed later.</source>
        <translation>每一次更改都会写入操作日志，每条记录都与前一条相互链接。检查日志可以发现事后被改动或删除的记录。</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_page.py" line="131"/>
        <source>&amp;Check the audit log</source>
        <translation>检查操作日志(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_page.py" line="136"/>
        <source>Check &amp;all figures against the ledgers</source>
        <translation>核对全部数字与明细账(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_page.py" line="156"/>
        <source>Checking every figure… this can take a minute.</source>
        <translation>正在核对全部数字……可能需要一两分钟。</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_page.py" line="175"/>
        <source>All figures agree with their ledgers: {what}.</source>
        <translation>全部数字与明细账一致：{what}。</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_page.py" line="176"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_page.py" line="182"/>
        <source>These figures differ from their ledgers (nothing was changed):
{what}</source>
        <translation>以下数字与明细账不一致（没有改动任何数据）：
{what}</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_page.py" line="188"/>
        <source>an entry is missing or out of order</source>
        <translation>有记录缺失或顺序错乱</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_page.py" line="189"/>
        <source>it is not linked to the entry before it</source>
        <translation>与前一条记录的链接不符</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_page.py" line="190"/>
        <source>its content was changed</source>
        <translation>内容被改动过</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_page.py" line="196"/>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/settings_page.py" line="213"/>
        <source>The audit log is intact: %n entries checked.</source>
        <translation>
            <numerusform>操作日志完好：已检查 %n 条记录。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/settings_page.py" line="218"/>
        <source>The audit log is broken at entry {seq}: {reason}. {n} entries before it are intact. Tell the township.</source>
        <translation>操作日志在第 {seq} 条记录处损坏：{reason}。此前的 {n} 条记录完好。请报告乡镇。</translation>
    </message>
</context>
<context>
    <name>AwardDialog</name>
    <message>
        <location filename="../../app/views/points/household_dialogs.py" line="327"/>
        <source>Award or deduct: household {number} {head}</source>
        <translation>加分/扣分：户号 {number} {head}</translation>
    </message>
    <message>
        <location filename="../../app/views/points/household_dialogs.py" line="333"/>
        <source>(the household)</source>
        <translation>（全户）</translation>
    </message>
    <message>
        <location filename="../../app/views/points/household_dialogs.py" line="338"/>
        <source>&amp;Rule:</source>
        <translation>积分项(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../app/views/points/household_dialogs.py" line="339"/>
        <source>&amp;Quantity:</source>
        <translation>数量(&amp;Q)：</translation>
    </message>
    <message>
        <location filename="../../app/views/points/household_dialogs.py" line="340"/>
        <source>&amp;Member:</source>
        <translation>成员(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../app/views/points/household_dialogs.py" line="341"/>
        <source>R&amp;eason / note:</source>
        <translation>事由/备注(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../app/views/points/household_dialogs.py" line="342"/>
        <source>Points:</source>
        <translation>积分：</translation>
    </message>
</context>
<context>
    <name>AwardModel</name>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="164"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="164"/>
        <source>Award</source>
        <translation>表彰奖励</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="164"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="164"/>
        <source>Issued by</source>
        <translation>授予单位</translation>
    </message>
</context>
<context>
    <name>BackupTab</name>
    <message>
        <location filename="../../app/views/backup_page.py" line="76"/>
        <source>A backup is made automatically every day on this PC. Keep a copy away from this PC as well: back up to a USB stick every week.</source>
        <translation>本机每天自动备份一次。另外还要在别处留一份：每周备份到U盘一次。</translation>
    </message>
    <message>
        <location filename="../../app/views/backup_page.py" line="81"/>
        <source>Back up &amp;now</source>
        <translation>立即备份(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../app/views/backup_page.py" line="83"/>
        <source>Back up to a &amp;folder or USB stick…</source>
        <translation>备份到文件夹或U盘(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../app/views/backup_page.py" line="92"/>
        <source>&amp;Restore the selected backup…</source>
        <translation>恢复选中的备份(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../app/views/backup_page.py" line="94"/>
        <source>Restore from a f&amp;ile…</source>
        <translation>从文件恢复(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../app/views/backup_page.py" line="117"/>
        <source>Backups on this PC:</source>
        <translation>本机上的备份：</translation>
    </message>
    <message>
        <location filename="../../app/views/backup_page.py" line="166"/>
        <source>Choose the folder or USB stick for the backup</source>
        <translation>选择存放备份的文件夹或U盘</translation>
    </message>
    <message>
        <location filename="../../app/views/backup_page.py" line="172"/>
        <location filename="../../app/views/backup_page.py" line="181"/>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <location filename="../../app/views/backup_page.py" line="175"/>
        <source>Back up</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../app/views/backup_page.py" line="192"/>
        <source>The backup was saved as {file} ({size}).</source>
        <translation>备份已保存为 {file}（{size}）。</translation>
    </message>
    <message>
        <location filename="../../app/views/backup_page.py" line="209"/>
        <source>Choose the backup to restore</source>
        <translation>选择要恢复的备份</translation>
    </message>
    <message>
        <location filename="../../app/views/backup_page.py" line="211"/>
        <source>Station backups (*{suffix});;All files (*)</source>
        <translation>工作站备份 (*{suffix});;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../app/views/backup_page.py" line="217"/>
        <location filename="../../app/views/backup_page.py" line="262"/>
        <source>Checking the backup…</source>
        <translation>正在检查备份…</translation>
    </message>
    <message>
        <location filename="../../app/views/backup_page.py" line="228"/>
        <source>Restore the backup taken on {when} of {station} (code {code})?

Everything entered after that time will be replaced by the backup. A backup of the current data is made first. Everyone signs in again afterwards.</source>
        <translation>要恢复 {station}（代码 {code}）于 {when} 的备份吗？

该时间之后录入的所有内容都将被备份内容替换。恢复前会先备份当前数据。恢复后所有人都需要重新登录。</translation>
    </message>
    <message>
        <location filename="../../app/views/backup_page.py" line="238"/>
        <location filename="../../app/views/backup_page.py" line="256"/>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location filename="../../app/views/backup_page.py" line="245"/>
        <location filename="../../app/views/backup_page.py" line="280"/>
        <location filename="../../app/views/backup_page.py" line="300"/>
        <source>Nothing was restored.</source>
        <translation>未恢复任何内容。</translation>
    </message>
    <message>
        <location filename="../../app/views/backup_page.py" line="252"/>
        <source>Checking and restoring… please do not switch off the computer.</source>
        <translation>正在检查并恢复……请不要关闭电脑。</translation>
    </message>
    <message>
        <location filename="../../app/views/backup_page.py" line="275"/>
        <source>Backing up the current data…</source>
        <translation>正在备份当前数据…</translation>
    </message>
    <message>
        <location filename="../../app/views/backup_page.py" line="276"/>
        <source>Restoring… please do not switch off the computer.</source>
        <translation>正在恢复……请不要关闭电脑。</translation>
    </message>
    <message>
        <location filename="../../app/views/backup_page.py" line="283"/>
        <source>{problem}

Restore this other station&apos;s backup anyway?</source>
        <translation>{problem}

仍要恢复这个其他站点的备份吗？</translation>
    </message>
    <message>
        <location filename="../../app/views/backup_page.py" line="293"/>
        <source>A backup of another station</source>
        <translation>其他站点的备份</translation>
    </message>
    <message>
        <location filename="../../app/views/backup_page.py" line="306"/>
        <source>The backup was restored.</source>
        <translation>备份已恢复。</translation>
    </message>
</context>
<context>
    <name>BackupsModel</name>
    <message>
        <location filename="../../app/views/backup_page.py" line="46"/>
        <source>Taken at</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <location filename="../../app/views/backup_page.py" line="46"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../app/views/backup_page.py" line="46"/>
        <source>Station</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../app/views/backup_page.py" line="46"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../app/views/backup_page.py" line="50"/>
        <source>Daily (automatic)</source>
        <translation>每日（自动）</translation>
    </message>
    <message>
        <location filename="../../app/views/backup_page.py" line="51"/>
        <source>Made by hand</source>
        <translation>手动备份</translation>
    </message>
    <message>
        <location filename="../../app/views/backup_page.py" line="52"/>
        <source>Before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <location filename="../../app/views/backup_page.py" line="55"/>
        <source>Before a program update</source>
        <translation>程序更新前</translation>
    </message>
</context>
<context>
    <name>BankModel</name>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="183"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="184"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="185"/>
        <source>Activity / slip</source>
        <translation>活动 / 兑换单</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="186"/>
        <source>Hours</source>
        <translation>时长（小时）</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="187"/>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="194"/>
        <source>Service</source>
        <translation>志愿服务</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="194"/>
        <source>Redeemed</source>
        <translation>兑换</translation>
    </message>
</context>
<context>
    <name>BatchAwardDialog</name>
    <message numerus="yes">
        <location filename="../../app/views/points/household_dialogs.py" line="373"/>
        <source>Batch award for %n households</source>
        <translation>
            <numerusform>为 %n 户批量加分</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/points/household_dialogs.py" line="374"/>
        <source>Leave out households that would pass the cap</source>
        <translation>跳过会超出上限的户</translation>
    </message>
    <message>
        <location filename="../../app/views/points/household_dialogs.py" line="377"/>
        <source>&amp;Rule:</source>
        <translation>积分项(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../app/views/points/household_dialogs.py" line="378"/>
        <source>&amp;Quantity:</source>
        <translation>数量(&amp;Q)：</translation>
    </message>
    <message>
        <location filename="../../app/views/points/household_dialogs.py" line="379"/>
        <source>R&amp;eason / note:</source>
        <translation>事由/备注(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../app/views/points/household_dialogs.py" line="380"/>
        <source>Points each:</source>
        <translation>每户积分：</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/points/household_dialogs.py" line="391"/>
        <source>Give “{rule}” ({points}) to %n households in one batch?</source>
        <translation>
            <numerusform>要一次性为 %n 户记入“{rule}”（{points}）吗？</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CartModel</name>
    <message>
        <location filename="../../app/views/supermarket/counter.py" line="125"/>
        <source>Goods</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/counter.py" line="125"/>
        <source>Each</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/counter.py" line="125"/>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/counter.py" line="125"/>
        <source>Points</source>
        <translation>积分</translation>
    </message>
</context>
<context>
    <name>CategoriesModel</name>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="177"/>
        <source>Station code</source>
        <translation>站点编码</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="178"/>
        <source>Station</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="179"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="180"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="181"/>
        <source>Activities</source>
        <translation>活动场次</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="182"/>
        <source>Attendances</source>
        <translation>参与人次</translation>
    </message>
</context>
<context>
    <name>CertificatesTab</name>
    <message>
        <location filename="../../app/views/volunteers/certificates_page.py" line="143"/>
        <source>Find the volunteer: name, initials or No.</source>
        <translation>查找志愿者：姓名、拼音首字母或编号</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/certificates_page.py" line="150"/>
        <source>Service record (志愿服务记录证明)</source>
        <translation>志愿服务记录证明</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/certificates_page.py" line="151"/>
        <source>Star volunteer certificate</source>
        <translation>星级志愿者证书</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/certificates_page.py" line="152"/>
        <source>Activity participation</source>
        <translation>活动参与证明</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/certificates_page.py" line="166"/>
        <source>&amp;Issue and preview</source>
        <translation>开具并预览(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/certificates_page.py" line="183"/>
        <source>Volunteer:</source>
        <translation>志愿者：</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/certificates_page.py" line="184"/>
        <source>&amp;Certificate:</source>
        <translation>证明类型(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/certificates_page.py" line="185"/>
        <source>&amp;Period:</source>
        <translation>时间段(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/certificates_page.py" line="186"/>
        <source>&amp;Activity:</source>
        <translation>活动(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/certificates_page.py" line="187"/>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/certificates_page.py" line="189"/>
        <source>Issue a certificate</source>
        <translation>开具证明</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/certificates_page.py" line="212"/>
        <source>Year:</source>
        <translation>年份：</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/certificates_page.py" line="215"/>
        <source>Pre&amp;view</source>
        <translation>预览(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/certificates_page.py" line="216"/>
        <source>&amp;Reprint (副本)…</source>
        <translation>补打副本(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/certificates_page.py" line="217"/>
        <source>V&amp;oid…</source>
        <translation>作废(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/certificates_page.py" line="218"/>
        <source>公示 &amp;list</source>
        <translation>公示名单(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/certificates_page.py" line="219"/>
        <source>&amp;Batch star certificates…</source>
        <translation>批量开具星级证书(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/certificates_page.py" line="242"/>
        <source>Certificate register</source>
        <translation>证明登记簿</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/volunteers/certificates_page.py" line="263"/>
        <source>%n certificates</source>
        <translation>
            <numerusform>共 %n 份证明</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/certificates_page.py" line="308"/>
        <source>Nobody found.</source>
        <translation>没有找到。</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/certificates_page.py" line="328"/>
        <source>Find and choose the volunteer first.</source>
        <translation>请先查找并选择志愿者。</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/certificates_page.py" line="335"/>
        <source>Choose the activity first.</source>
        <translation>请先选择活动。</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/certificates_page.py" line="338"/>
        <source>Issuing…</source>
        <translation>正在开具…</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/certificates_page.py" line="345"/>
        <source>Certificate {number} issued: {hours} h.</source>
        <translation>证明 {number} 已开具：{hours} 小时。</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/certificates_page.py" line="378"/>
        <source>Certificate {number}</source>
        <translation>证明 {number}</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/certificates_page.py" line="389"/>
        <source>Choose a certificate in the register first.</source>
        <translation>请先在登记簿中选择一份证明。</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/certificates_page.py" line="400"/>
        <source>Copy {n} of {number} recorded.</source>
        <translation>已登记 {number} 的第 {n} 份副本。</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/certificates_page.py" line="432"/>
        <source>Reprint</source>
        <translation>补打</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/certificates_page.py" line="433"/>
        <source>Print a copy (副本) of {number}? Why is it needed?</source>
        <translation>要补打 {number} 的副本吗？请说明原因：</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/certificates_page.py" line="444"/>
        <source>Void certificate</source>
        <translation>作废证明</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/certificates_page.py" line="446"/>
        <source>Void {number}? It stays in the register marked as voided. Give the reason:</source>
        <translation>要作废 {number} 吗？它会留在登记簿中并标为已作废。请填写原因：</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/certificates_page.py" line="453"/>
        <source>{number} was voided.</source>
        <translation>{number} 已作废。</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/certificates_page.py" line="475"/>
        <source>公示 list</source>
        <translation>公示名单</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/certificates_page.py" line="478"/>
        <source>certificates notice</source>
        <translation>证书公示</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/certificates_page.py" line="540"/>
        <source>Issuing star certificates…</source>
        <translation>正在开具星级证书…</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/certificates_page.py" line="530"/>
        <source>Batch certificates</source>
        <translation>批量开具证书</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/certificates_page.py" line="495"/>
        <source>Issuing… {name}</source>
        <translation>正在开具… {name}</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/certificates_page.py" line="496"/>
        <source>Making the PDF…</source>
        <translation>正在生成 PDF…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/volunteers/certificates_page.py" line="507"/>
        <source>%n star certificates issued.</source>
        <translation>
            <numerusform>已开具 %n 份星级证书。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/certificates_page.py" line="512"/>
        <source>Star certificates</source>
        <translation>星级证书</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/certificates_page.py" line="515"/>
        <source>star certificates</source>
        <translation>星级志愿者证书</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/certificates_page.py" line="525"/>
        <source>Cancelled. Certificates already issued are in the register.</source>
        <translation>已取消。已开具的证书都在登记簿中。</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../app/views/login.py" line="244"/>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="247"/>
        <source>An administrator gave you a temporary password. Please choose your own password now; only you should know it.</source>
        <translation>管理员给您设置的是临时密码。请现在设置您自己的密码，并且只有您本人知道。</translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="251"/>
        <source>Choose a new password of at least {n} characters.</source>
        <translation>请设置至少 {n} 个字符的新密码。</translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="264"/>
        <source>C&amp;urrent password:</source>
        <translation>当前密码(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="265"/>
        <source>&amp;New password:</source>
        <translation>新密码(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="266"/>
        <source>&amp;Repeat new password:</source>
        <translation>确认新密码(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="271"/>
        <source>&amp;Change password</source>
        <translation>修改密码(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="283"/>
        <source>The new password needs at least {n} characters.</source>
        <translation>新密码至少需要 {n} 个字符。</translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="290"/>
        <source>The two new passwords are not the same.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="295"/>
        <source>The new password must differ from the current one.</source>
        <translation>新密码不能与当前密码相同。</translation>
    </message>
</context>
<context>
    <name>Changelog</name>
    <message>
        <location filename="../../app/services/changelog.py" line="28"/>
        <source>Updated from version {old} to {new}: {changes}</source>
        <translation>已从 {old} 版更新到 {new} 版：{changes}</translation>
    </message>
</context>
<context>
    <name>ChangesModel</name>
    <message>
        <location filename="../../app/views/audit_browser.py" line="207"/>
        <source>Field</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../app/views/audit_browser.py" line="207"/>
        <source>Before</source>
        <translation>改动前</translation>
    </message>
    <message>
        <location filename="../../app/views/audit_browser.py" line="207"/>
        <source>After</source>
        <translation>改动后</translation>
    </message>
</context>
<context>
    <name>Common</name>
    <message>
        <location filename="../../app/views/widgets.py" line="152"/>
        <source>Something went wrong ({error}). Nothing was changed. The details are in the log file in the data folder.</source>
        <translation>出现问题（{error}），未做任何更改。详细信息见数据文件夹中的日志文件。</translation>
    </message>
    <message>
        <location filename="../../app/views/widgets.py" line="173"/>
        <source>never</source>
        <translation>从未</translation>
    </message>
</context>
<context>
    <name>CompleteDialog</name>
    <message>
        <location filename="../../app/views/orders/page.py" line="437"/>
        <source>Complete the order</source>
        <translation>服务结项</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="440"/>
        <source>What was done</source>
        <translation>服务内容和结果</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="448"/>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="456"/>
        <source>&amp;Report:</source>
        <translation>结项报告(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="457"/>
        <source>&amp;Hours each:</source>
        <translation>每人时长(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="458"/>
        <source>&amp;Who served:</source>
        <translation>服务志愿者(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="460"/>
        <source>Add &amp;photos…</source>
        <translation>添加照片(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="463"/>
        <location filename="../../app/views/orders/page.py" line="491"/>
        <source>No photos</source>
        <translation>未选照片</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="469"/>
        <source>Photos:</source>
        <translation>照片：</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="470"/>
        <source>Each volunteer ticked gets these hours, pending approval.</source>
        <translation>勾选的每位志愿者各记此时长，待审核。</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="479"/>
        <source>Photos of the service</source>
        <translation>服务照片</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="480"/>
        <source>Pictures (*.jpg *.jpeg *.png *.webp *.bmp *.gif)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.webp *.bmp *.gif)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/orders/page.py" line="489"/>
        <source>%n photos: {names}</source>
        <translation>
            <numerusform>%n 张照片：{names}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <location filename="../../app/views/volunteers/hours_page.py" line="186"/>
        <source>Correct hours</source>
        <translation>更正时长</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/hours_page.py" line="192"/>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/hours_page.py" line="198"/>
        <source>Optional, e.g. the volunteer</source>
        <translation>选填，如志愿者本人</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/hours_page.py" line="202"/>
        <source>{name}, {date}: {title} — now {hours} h</source>
        <translation>{name}，{date}：{title} — 现为 {hours} 小时</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/hours_page.py" line="210"/>
        <source>&amp;New hours:</source>
        <translation>新时长(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/hours_page.py" line="211"/>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/hours_page.py" line="212"/>
        <source>Requested &amp;by:</source>
        <translation>申请人(&amp;B)：</translation>
    </message>
</context>
<context>
    <name>CounterWidget</name>
    <message>
        <location filename="../../app/views/supermarket/counter.py" line="252"/>
        <source>Scan the household card or goods barcode — or type a name, number, phone tail</source>
        <translation>扫描户卡或商品条码，也可输入姓名、户号或手机尾号</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/counter.py" line="260"/>
        <source>Unprinted slips</source>
        <translation>未打印的兑换单</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/counter.py" line="269"/>
        <source>Household</source>
        <translation>当前户</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/counter.py" line="270"/>
        <location filename="../../app/views/supermarket/counter.py" line="951"/>
        <source>Scan a household card to start.</source>
        <translation>请扫描户卡开始。</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/counter.py" line="294"/>
        <source>Recent points entries</source>
        <translation>最近积分记录</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/counter.py" line="300"/>
        <source>Goods</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/counter.py" line="304"/>
        <source>Filter goods</source>
        <translation>筛选商品</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/counter.py" line="330"/>
        <source>Cart</source>
        <translation>兑换清单</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/counter.py" line="345"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/counter.py" line="360"/>
        <source>Confirm redemption (Enter)</source>
        <translation>确认兑换（Enter）</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/counter.py" line="368"/>
        <source>Clear (Esc)</source>
        <translation>清空（Esc）</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/counter.py" line="383"/>
        <source>Slips</source>
        <translation>兑换单</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/counter.py" line="384"/>
        <source>No redemption yet in this session.</source>
        <translation>本次登录后还没有兑换。</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/counter.py" line="394"/>
        <source>Slip No., e.g. DH-2026-000012</source>
        <translation>兑换单号，如 DH-2026-000012</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/counter.py" line="397"/>
        <source>Reprint</source>
        <translation>补打</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/counter.py" line="399"/>
        <source>Void…</source>
        <translation>作废…</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/counter.py" line="414"/>
        <source>Two copies</source>
        <translation>打印两联</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/counter.py" line="423"/>
        <source>Print at once</source>
        <translation>直接打印</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/counter.py" line="424"/>
        <source>Preview first</source>
        <translation>先预览</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/counter.py" line="425"/>
        <source>Save PDF to folder</source>
        <translation>存为 PDF</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/counter.py" line="435"/>
        <source>Slip paper:</source>
        <translation>兑换单纸张：</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/counter.py" line="597"/>
        <source>{name}
{price} pts · {on_hand} left</source>
        <translation>{name}
{price} 分 · 剩 {on_hand}</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/counter.py" line="614"/>
        <source>Unprinted slips ({n})</source>
        <translation>未打印的兑换单（{n}）</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/counter.py" line="647"/>
        <source>The counter is still starting; scan again.</source>
        <translation>兑换台还在启动，请重新扫描。</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/counter.py" line="674"/>
        <source>No household matches “{text}”.</source>
        <translation>没有与“{text}”相符的户。</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/counter.py" line="683"/>
        <source>{n} households match; click the right one.</source>
        <translation>有 {n} 户相符，请点击要找的那一户。</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/counter.py" line="708"/>
        <source>The cart holds goods for household {number}. Confirm or clear it before serving the next household.</source>
        <translation>兑换清单里是户号 {number} 的商品。请先确认兑换或清空，再接待下一户。</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/counter.py" line="715"/>
        <source>Household {number} is closed and cannot redeem.</source>
        <translation>户号 {number} 已注销，不能兑换。</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/counter.py" line="723"/>
        <source>No. {number} · {head}
{group}</source>
        <translation>户号 {number} · {head}
{group}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/supermarket/counter.py" line="727"/>
        <source>Balance: %n points</source>
        <translation>
            <numerusform>积分余额：%n 分</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/supermarket/counter.py" line="836"/>
        <source>Total: %n points</source>
        <translation>
            <numerusform>合计：%n 分</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/supermarket/counter.py" line="842"/>
        <source>Balance after: %n points</source>
        <translation>
            <numerusform>兑换后余额：%n 分</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/supermarket/counter.py" line="1167"/>
        <source>%n slips were never printed; choose one and click Reprint.</source>
        <translation>
            <numerusform>有 %n 张兑换单未打印，请选中一张后点击“补打”。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/counter.py" line="731"/>
        <source>Household {number} ({head}). Add goods, then press Enter.</source>
        <translation>户号 {number}（{head}）。请添加商品，然后按 Enter 键。</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/counter.py" line="754"/>
        <source>No goods has the barcode {code}.</source>
        <translation>没有条码为 {code} 的商品。</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/counter.py" line="767"/>
        <source>No goods matches “{text}”.</source>
        <translation>没有与“{text}”相符的商品。</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/counter.py" line="770"/>
        <source>{n} goods match “{text}”; click one.</source>
        <translation>有 {n} 种商品与“{text}”相符，请点击其中一种。</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/counter.py" line="783"/>
        <source>Scan the household card first.</source>
        <translation>请先扫描户卡。</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/counter.py" line="788"/>
        <location filename="../../app/views/supermarket/counter.py" line="815"/>
        <location filename="../../app/views/supermarket/counter.py" line="859"/>
        <source>Only {n} {unit} of “{name}” in stock.</source>
        <translation>“{name}”库存只有 {n} {unit}。</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/counter.py" line="798"/>
        <source>Added {name} ({price} pts).</source>
        <translation>已添加 {name}（{price} 分）。</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/counter.py" line="846"/>
        <source>Not enough points: the goods need {cost}, the household has {n}.</source>
        <translation>积分不足：商品需要 {cost} 分，该户只有 {n} 分。</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/counter.py" line="889"/>
        <source>Redeeming…</source>
        <translation>正在兑换…</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/counter.py" line="916"/>
        <source>Scan the next household card.</source>
        <translation>请扫描下一户的户卡。</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/counter.py" line="922"/>
        <source>Last: {number} · household {household} {head} · {total} points · balance now {after}</source>
        <translation>上一单：{number} · 户号 {household} {head} · {total} 分 · 现余 {after} 分</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/counter.py" line="933"/>
        <source>Redeemed: slip {number}, {total} points. Balance now {after}.</source>
        <translation>兑换成功：兑换单 {number}，共 {total} 分。现余 {after} 分。</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/counter.py" line="962"/>
        <source>The slip could not be made; reprint it later.</source>
        <translation>兑换单未能生成，请稍后补打。</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/counter.py" line="992"/>
        <source>Printing failed ({error}); the slip is listed under Unprinted slips.</source>
        <translation>打印失败（{error}），该兑换单已列入“未打印的兑换单”。</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/counter.py" line="1030"/>
        <source>Slip saved as {path}.</source>
        <translation>兑换单已保存为 {path}。</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/counter.py" line="1035"/>
        <location filename="../../app/views/supermarket/counter.py" line="1039"/>
        <source>Slip {number}</source>
        <translation>兑换单 {number}</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/counter.py" line="1062"/>
        <location filename="../../app/views/supermarket/counter.py" line="1078"/>
        <source>Choose a slip in the list first.</source>
        <translation>请先在列表中选择一张兑换单。</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/counter.py" line="1083"/>
        <source>Slip {number} is already voided.</source>
        <translation>兑换单 {number} 已经作废。</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/counter.py" line="1088"/>
        <source>Void slip {number}</source>
        <translation>作废兑换单 {number}</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/counter.py" line="1090"/>
        <source>Voiding returns {points} points to household {household} and the goods to stock. Why is it voided?</source>
        <translation>作废后，{points} 分将退回户号 {household}，商品退回库存。作废原因是什么？</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/counter.py" line="1118"/>
        <source>Slip {number} voided; {points} points returned, balance now {after}.</source>
        <translation>兑换单 {number} 已作废，已退回 {points} 分，现余 {after} 分。</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/counter.py" line="1145"/>
        <source>No slip has the number {number}.</source>
        <translation>没有单号为 {number} 的兑换单。</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/counter.py" line="1170"/>
        <source>Every slip has been printed.</source>
        <translation>所有兑换单都已打印。</translation>
    </message>
</context>
<context>
    <name>DayModel</name>
    <message>
        <location filename="../../app/views/activities/page.py" line="126"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/page.py" line="126"/>
        <source>Title</source>
        <translation>活动名称</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/page.py" line="126"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>DispatchDialog</name>
    <message>
        <location filename="../../app/views/orders/page.py" line="377"/>
        <source>Re-dispatch</source>
        <translation>改派</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="377"/>
        <source>Dispatch</source>
        <translation>派单</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="380"/>
        <source>(no team)</source>
        <translation>（不指定服务队）</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="384"/>
        <source>Optional, e.g. why it is sent again</source>
        <translation>选填，如改派原因</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="387"/>
        <source>&amp;Team:</source>
        <translation>服务队(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="388"/>
        <source>&amp;Volunteers:</source>
        <translation>志愿者(&amp;V)：</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="389"/>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <location filename="../../app/views/wizard.py" line="264"/>
        <source>The station is set up</source>
        <translation>本站已设置完成</translation>
    </message>
    <message>
        <location filename="../../app/views/wizard.py" line="267"/>
        <source>Write down this fingerprint of the station&apos;s signing key. The township compares it when it enrols your station; it is also on the home page.</source>
        <translation>请记下本站签名密钥的指纹。乡镇登记本站时会核对它；首页上也能看到。</translation>
    </message>
    <message>
        <location filename="../../app/views/wizard.py" line="274"/>
        <source>Click Finish to start. Add the other operators under Settings → Operators, and keep a backup on a USB stick.</source>
        <translation>点击“完成”开始使用。请在“设置 → 操作员”中添加其他操作员，并在U盘上保留一份备份。</translation>
    </message>
</context>
<context>
    <name>EligibleModel</name>
    <message>
        <location filename="../../app/views/volunteers/hours_page.py" line="137"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/hours_page.py" line="138"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/hours_page.py" line="139"/>
        <source>Hours</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/hours_page.py" line="140"/>
        <source>Now</source>
        <translation>现星级</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/hours_page.py" line="141"/>
        <source>Reaches</source>
        <translation>可评星级</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <location filename="../../app/views/township/stations_page.py" line="134"/>
        <source>Enrol a station</source>
        <translation>站点入网</translation>
    </message>
    <message>
        <location filename="../../app/views/township/stations_page.py" line="138"/>
        <source>Station {name} ({code}). Ask the station to read out the fingerprint its set-up showed, and compare it with this one, group by group:</source>
        <translation>站点：{name}（{code}）。请站点念出其设置时显示的密钥指纹，逐组与下面的指纹核对：</translation>
    </message>
    <message>
        <location filename="../../app/views/township/stations_page.py" line="153"/>
        <source>Enrol only if every group matches. If not, the file is not that station&apos;s.</source>
        <translation>每一组都一致才可入网。如有不一致，此文件不是该站点的。</translation>
    </message>
    <message>
        <location filename="../../app/views/township/stations_page.py" line="158"/>
        <source>They match: enrol</source>
        <translation>核对一致，入网</translation>
    </message>
    <message>
        <location filename="../../app/views/township/stations_page.py" line="160"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>EntriesModel</name>
    <message>
        <location filename="../../app/views/points/entries.py" line="108"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../app/views/points/entries.py" line="109"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../app/views/points/entries.py" line="110"/>
        <source>Item / reason</source>
        <translation>项目/事由</translation>
    </message>
    <message>
        <location filename="../../app/views/points/entries.py" line="111"/>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../../app/views/points/entries.py" line="112"/>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <location filename="../../app/views/points/entries.py" line="113"/>
        <source>Operator</source>
        <translation>经办人</translation>
    </message>
</context>
<context>
    <name>EntryKind</name>
    <message>
        <location filename="../../app/views/points/entries.py" line="28"/>
        <source>Base score</source>
        <translation>基础分</translation>
    </message>
    <message>
        <location filename="../../app/views/points/entries.py" line="29"/>
        <source>Award</source>
        <translation>加分</translation>
    </message>
    <message>
        <location filename="../../app/views/points/entries.py" line="30"/>
        <source>Deduction</source>
        <translation>扣分</translation>
    </message>
    <message>
        <location filename="../../app/views/points/entries.py" line="31"/>
        <source>Redemption</source>
        <translation>兑换</translation>
    </message>
    <message>
        <location filename="../../app/views/points/entries.py" line="32"/>
        <source>Reversal</source>
        <translation>冲正</translation>
    </message>
    <message>
        <location filename="../../app/views/points/entries.py" line="33"/>
        <source>Adjustment</source>
        <translation>调整</translation>
    </message>
    <message>
        <location filename="../../app/views/points/entries.py" line="34"/>
        <source>Clearance</source>
        <translation>积分清零</translation>
    </message>
    <message>
        <location filename="../../app/views/points/entries.py" line="37"/>
        <source>Volunteer service</source>
        <translation>志愿服务</translation>
    </message>
</context>
<context>
    <name>EvaluationModel</name>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="172"/>
        <source>Period</source>
        <translation>考评期</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="172"/>
        <source>Rating</source>
        <translation>评价</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="172"/>
        <source>Comment</source>
        <translation>评语</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="172"/>
        <source>By</source>
        <translation>评价人</translation>
    </message>
</context>
<context>
    <name>FiguresModel</name>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="138"/>
        <source>Station</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="139"/>
        <source>Activities</source>
        <translation>活动场次</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="140"/>
        <source>Attendances</source>
        <translation>参与人次</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="141"/>
        <source>Active volunteers</source>
        <translation>活跃志愿者</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="142"/>
        <source>New volunteers</source>
        <translation>新增志愿者</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="143"/>
        <source>Stars granted</source>
        <translation>星级认定</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="144"/>
        <source>Hours</source>
        <translation>服务时长（小时）</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="145"/>
        <source>Points issued</source>
        <translation>发放积分</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="146"/>
        <source>Points redeemed</source>
        <translation>兑换积分</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="147"/>
        <source>Redemptions</source>
        <translation>兑换户次</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="151"/>
        <source>Township total</source>
        <translation>全镇合计</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <location filename="../../app/views/files.py" line="54"/>
        <source>document</source>
        <translation>文档</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../app/views/wizard.py" line="304"/>
        <source>Set up Station Workbench</source>
        <translation>设置文明实践站工作台</translation>
    </message>
</context>
<context>
    <name>GoodsDialog</name>
    <message>
        <location filename="../../app/views/supermarket/page.py" line="147"/>
        <location filename="../../app/views/supermarket/page.py" line="308"/>
        <source>Edit goods</source>
        <translation>编辑商品</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/page.py" line="147"/>
        <source>New goods</source>
        <translation>新增商品</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/page.py" line="178"/>
        <source>P&amp;hoto…</source>
        <translation>选择照片(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/page.py" line="181"/>
        <source>Remove photo</source>
        <translation>去掉照片</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/page.py" line="194"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/page.py" line="195"/>
        <source>&amp;Category:</source>
        <translation>类别(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/page.py" line="196"/>
        <source>&amp;Unit:</source>
        <translation>单位(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/page.py" line="197"/>
        <source>&amp;Points price:</source>
        <translation>所需积分(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/page.py" line="198"/>
        <source>&amp;Barcode (scan it):</source>
        <translation>条码（扫码录入）(&amp;B)：</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/page.py" line="199"/>
        <source>&amp;Warn when stock is at or below:</source>
        <translation>库存不高于此数时提醒(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/page.py" line="200"/>
        <source>Photo:</source>
        <translation>照片：</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/page.py" line="205"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/page.py" line="218"/>
        <source>No photo</source>
        <translation>无照片</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/page.py" line="224"/>
        <source>Choose a photo of the goods</source>
        <translation>选择商品照片</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/page.py" line="225"/>
        <source>Pictures (*.jpg *.jpeg *.png *.webp *.bmp *.gif)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.webp *.bmp *.gif)</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/page.py" line="251"/>
        <source>The picture {name} cannot be shown; please choose another.</source>
        <translation>图片 {name} 无法显示，请换一张。</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/page.py" line="260"/>
        <source>Photo missing</source>
        <translation>照片文件缺失</translation>
    </message>
</context>
<context>
    <name>GoodsModel</name>
    <message>
        <location filename="../../app/views/supermarket/page.py" line="70"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/page.py" line="71"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/page.py" line="72"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/page.py" line="73"/>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/page.py" line="74"/>
        <source>In stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/page.py" line="75"/>
        <source>Warn at</source>
        <translation>提醒数量</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/page.py" line="76"/>
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/page.py" line="77"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/page.py" line="78"/>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/page.py" line="91"/>
        <source>Offered</source>
        <translation>在售</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/page.py" line="91"/>
        <source>Withdrawn</source>
        <translation>已下架</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/page.py" line="110"/>
        <source>Has a photo</source>
        <translation>已有照片</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/page.py" line="111"/>
        <source>Low stock</source>
        <translation>库存不足</translation>
    </message>
</context>
<context>
    <name>GoodsTab</name>
    <message>
        <location filename="../../app/views/supermarket/page.py" line="394"/>
        <source>Filter by name, category or barcode</source>
        <translation>按名称、类别或条码筛选</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/page.py" line="406"/>
        <source>&amp;New goods…</source>
        <translation>新增商品(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/page.py" line="407"/>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/page.py" line="408"/>
        <source>&amp;Receive stock…</source>
        <translation>入库(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/page.py" line="409"/>
        <source>&amp;Damage…</source>
        <translation>报损(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/page.py" line="410"/>
        <source>Stock&amp;take…</source>
        <translation>盘点(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/page.py" line="411"/>
        <source>Withdraw / offer</source>
        <translation>下架/上架</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/page.py" line="412"/>
        <source>Stoc&amp;k history</source>
        <translation>库存记录(&amp;K)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/supermarket/page.py" line="443"/>
        <source>%n goods are low on stock: {names}</source>
        <translation>
            <numerusform>有 %n 种商品库存不足：{names}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/page.py" line="453"/>
        <source>Choose goods in the list first.</source>
        <translation>请先在列表中选择商品。</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/page.py" line="464"/>
        <source>Goods added.</source>
        <translation>商品已添加。</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/page.py" line="469"/>
        <source>Goods saved.</source>
        <translation>商品已保存。</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/page.py" line="475"/>
        <source>Stock updated.</source>
        <translation>库存已更新。</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/page.py" line="510"/>
        <source>Purchase</source>
        <translation>采购</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/page.py" line="511"/>
        <source>Donation</source>
        <translation>捐赠</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/page.py" line="512"/>
        <source>Damage</source>
        <translation>报损</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/page.py" line="513"/>
        <source>Stocktake</source>
        <translation>盘点</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/page.py" line="514"/>
        <source>Redemption</source>
        <translation>兑换</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/page.py" line="515"/>
        <source>Void</source>
        <translation>作废退回</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/page.py" line="524"/>
        <source>Stock history: {name}</source>
        <translation>库存记录：{name}</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/page.py" line="525"/>
        <source>No stock moves yet.</source>
        <translation>还没有库存变动。</translation>
    </message>
</context>
<context>
    <name>GrantsModel</name>
    <message>
        <location filename="../../app/views/volunteers/hours_page.py" line="157"/>
        <source>Granted</source>
        <translation>评定日期</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/hours_page.py" line="158"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/hours_page.py" line="159"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/hours_page.py" line="160"/>
        <source>Level</source>
        <translation>星级</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/hours_page.py" line="161"/>
        <source>Hours then</source>
        <translation>当时时长</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/hours_page.py" line="162"/>
        <source>By</source>
        <translation>经办人</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <location filename="../../app/views/help_window.py" line="48"/>
        <source>Sign-in kiosk</source>
        <translation>签到机</translation>
    </message>
    <message>
        <location filename="../../app/views/help_window.py" line="79"/>
        <source>Station Workbench — User guide</source>
        <translation>文明实践站工作台 — 使用帮助</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../app/views/orders/page.py" line="156"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="156"/>
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="156"/>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="156"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="160"/>
        <source>Ordered</source>
        <translation>点单</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="161"/>
        <source>Rejected</source>
        <translation>拒单</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="162"/>
        <source>Dispatched</source>
        <translation>派单</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="163"/>
        <source>Accepted</source>
        <translation>接单</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="164"/>
        <source>Completed</source>
        <translation>结项</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="165"/>
        <source>Rated</source>
        <translation>评单</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="166"/>
        <source>Back to pending</source>
        <translation>退回待处理</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="169"/>
        <source>Re-dispatched</source>
        <translation>改派</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="179"/>
        <source>{h} h each</source>
        <translation>每人 {h} 小时</translation>
    </message>
</context>
<context>
    <name>HitsModel</name>
    <message>
        <location filename="../../app/views/kiosk/window.py" line="227"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../app/views/kiosk/window.py" line="227"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../app/views/kiosk/window.py" line="227"/>
        <source>Group</source>
        <translation>村民小组</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../app/views/home.py" line="213"/>
        <source>Welcome, {name} ({role}).</source>
        <translation>欢迎您，{name}（{role}）。</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="222"/>
        <source>Activities this month</source>
        <translation>本月活动</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="223"/>
        <source>Theory talks this month</source>
        <translation>本月理论宣讲</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="224"/>
        <source>Participants</source>
        <translation>参与人次</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="225"/>
        <location filename="../../app/views/home.py" line="471"/>
        <source>Service hours</source>
        <translation>服务时长</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="226"/>
        <source>Points issued / redeemed</source>
        <translation>积分发放 / 兑换</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="227"/>
        <source>Goods low in stock</source>
        <translation>低库存商品</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="228"/>
        <source>Forgot to sign out</source>
        <translation>忘记签退</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="229"/>
        <source>Changes not yet acknowledged</source>
        <translation>待乡镇确认的变更</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="230"/>
        <source>Service orders open</source>
        <translation>未办结的服务点单</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="231"/>
        <source>Hours due to the national system</source>
        <translation>待报送全国系统的服务记录</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="265"/>
        <source>Station</source>
        <translation>本站信息</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="267"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="268"/>
        <source>Division code:</source>
        <translation>统计用区划代码：</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="269"/>
        <source>Place:</source>
        <translation>所在地：</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="270"/>
        <source>Person in charge:</source>
        <translation>负责人：</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="271"/>
        <source>Contact phone:</source>
        <translation>联系电话：</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="272"/>
        <source>Signing key fingerprint:</source>
        <translation>签名密钥指纹：</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="278"/>
        <source>At a glance</source>
        <translation>概况</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="280"/>
        <source>Active operators:</source>
        <translation>在用操作员：</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="281"/>
        <source>Audit log entries:</source>
        <translation>操作日志条数：</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="282"/>
        <source>Last backup:</source>
        <translation>上次备份：</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="283"/>
        <source>Last sync with the township:</source>
        <translation>上次与乡镇同步：</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="310"/>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="389"/>
        <source>This month ({month})</source>
        <translation>本月（{month}）</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="393"/>
        <location filename="../../app/views/home.py" line="398"/>
        <source>quota met</source>
        <translation>已达标</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="393"/>
        <location filename="../../app/views/home.py" line="398"/>
        <source>below quota</source>
        <translation>未达标</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="403"/>
        <source>{hours} h</source>
        <translation>{hours} 小时</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="404"/>
        <source>approved · {hours} h pending ({n} records)</source>
        <translation>已审核 · 待审核 {hours} 小时（{n} 条）</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="415"/>
        <source>open since before today</source>
        <translation>今天之前签到、仍未签退</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="421"/>
        <source>never acknowledged</source>
        <translation>乡镇尚未确认过</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/home.py" line="423"/>
        <source>%n day(s) since the last acknowledgement</source>
        <translation>
            <numerusform>距乡镇上次确认 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="428"/>
        <source>{n} overdue</source>
        <translation>其中 {n} 单超时</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="433"/>
        <source>{n} past the 10-working-day limit</source>
        <translation>其中 {n} 条已超过 10 个工作日</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="440"/>
        <source>1–7</source>
        <translation>1–7日</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="440"/>
        <source>8–14</source>
        <translation>8–14日</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="440"/>
        <source>15–21</source>
        <translation>15–21日</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="440"/>
        <source>22–28</source>
        <translation>22–28日</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="441"/>
        <source>29–</source>
        <translation>29日起</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="442"/>
        <source>Activities per week</source>
        <translation>每周活动场次</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="444"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="445"/>
        <source>Theory talks</source>
        <translation>理论宣讲</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="448"/>
        <source>So far</source>
        <translation>本月累计</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="456"/>
        <source>Quota</source>
        <translation>月度任务</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="473"/>
        <source>Approved</source>
        <translation>已审核</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="474"/>
        <source>Pending</source>
        <translation>待审核</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="477"/>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="479"/>
        <source>Issued</source>
        <translation>发放</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="480"/>
        <source>Redeemed</source>
        <translation>兑换</translation>
    </message>
</context>
<context>
    <name>Hours</name>
    <message>
        <location filename="../../app/i18n.py" line="93"/>
        <source>{h} h</source>
        <translation>{h} 小时</translation>
    </message>
</context>
<context>
    <name>HoursTab</name>
    <message>
        <location filename="../../app/views/volunteers/hours_page.py" line="316"/>
        <source>Pending</source>
        <translation>待审核</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/hours_page.py" line="317"/>
        <source>Approved</source>
        <translation>已通过</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/hours_page.py" line="318"/>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/hours_page.py" line="319"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/hours_page.py" line="322"/>
        <source>Only records to check</source>
        <translation>只看需核实的记录</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/hours_page.py" line="334"/>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/hours_page.py" line="338"/>
        <source>&amp;Approve selected</source>
        <translation>审核通过(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/hours_page.py" line="339"/>
        <source>&amp;Reject selected…</source>
        <translation>驳回(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/hours_page.py" line="340"/>
        <source>&amp;Correct…</source>
        <translation>更正(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/hours_page.py" line="341"/>
        <source>&amp;Enter hours by hand…</source>
        <translation>手工录入时长(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/hours_page.py" line="344"/>
        <source>E&amp;xport to the national volunteer system…</source>
        <translation>导出到全国志愿服务信息系统(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/hours_page.py" line="375"/>
        <source>Grant s&amp;tars (selected, or all)</source>
        <translation>评定星级（选中的或全部）(&amp;T)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/volunteers/hours_page.py" line="420"/>
        <source>%n records</source>
        <translation>
            <numerusform>共 %n 条记录</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/volunteers/hours_page.py" line="490"/>
        <source>%n records approved.</source>
        <translation>
            <numerusform>已审核通过 %n 条记录。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/volunteers/hours_page.py" line="501"/>
        <source>Reject %n record(s)? They stay listed as rejected. Give the reason:</source>
        <translation>
            <numerusform>要驳回 %n 条记录吗？这些记录会以“已驳回”状态保留在列表中。请填写原因：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/volunteers/hours_page.py" line="514"/>
        <source>%n records rejected.</source>
        <translation>
            <numerusform>已驳回 %n 条记录。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/hours_page.py" line="552"/>
        <source>{records} records of {persons} volunteers saved to {path}. Delete the file once it is uploaded.</source>
        <translation>{persons} 名志愿者的 {records} 条记录已保存到 {path}。上传后请删除该文件。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/volunteers/hours_page.py" line="570"/>
        <source>%n star levels granted.</source>
        <translation>
            <numerusform>已评定 %n 人的星级。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/hours_page.py" line="380"/>
        <source>Reached a new star level</source>
        <translation>达到新星级</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/hours_page.py" line="383"/>
        <location filename="../../app/views/volunteers/hours_page.py" line="563"/>
        <source>Nobody has reached a new star level.</source>
        <translation>暂无人达到新的星级。</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/hours_page.py" line="393"/>
        <source>Star levels granted</source>
        <translation>已评定星级</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/hours_page.py" line="396"/>
        <source>Year:</source>
        <translation>年份：</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/hours_page.py" line="401"/>
        <source>No star levels granted in this year.</source>
        <translation>本年度还没有评定星级。</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/hours_page.py" line="457"/>
        <source>Some selected rows are still loading; try again in a moment.</source>
        <translation>部分选中的行还在加载，请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/hours_page.py" line="462"/>
        <source>Select one or more records in the list first.</source>
        <translation>请先在列表中选择一条或多条记录。</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/hours_page.py" line="499"/>
        <source>Reject hours</source>
        <translation>驳回时长</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/hours_page.py" line="522"/>
        <source>Correct one record at a time.</source>
        <translation>一次只能更正一条记录。</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/hours_page.py" line="527"/>
        <source>Corrected; the old and new hours are logged.</source>
        <translation>已更正，新旧时长均已记入操作日志。</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/hours_page.py" line="537"/>
        <source>Hours entered; they wait for approval.</source>
        <translation>时长已录入，等待审核。</translation>
    </message>
</context>
<context>
    <name>HouseholdDetail</name>
    <message>
        <location filename="../../app/views/points/households_page.py" line="223"/>
        <location filename="../../app/views/points/households_page.py" line="286"/>
        <source>Choose a household in the list.</source>
        <translation>请在列表中选择一户。</translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="244"/>
        <source>Edit household…</source>
        <translation>编辑户信息…</translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="245"/>
        <source>Add member…</source>
        <translation>添加成员…</translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="246"/>
        <source>Edit member…</source>
        <translation>编辑成员…</translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="247"/>
        <source>Make head</source>
        <translation>设为户主</translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="248"/>
        <source>Member left…</source>
        <translation>成员迁出…</translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="249"/>
        <source>Print card</source>
        <translation>打印户卡</translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="250"/>
        <source>Reissue card…</source>
        <translation>补办户卡…</translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="251"/>
        <source>Award / deduct…</source>
        <translation>加分/扣分…</translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="252"/>
        <source>Adjust…</source>
        <translation>调整…</translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="253"/>
        <source>Reverse entry…</source>
        <translation>冲正…</translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="262"/>
        <source>Members</source>
        <translation>家庭成员</translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="264"/>
        <source>Recent points entries</source>
        <translation>最近积分记录</translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="294"/>
        <source>Household {number} · {head}</source>
        <translation>户号 {number} · {head}</translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="300"/>
        <source>closed</source>
        <translation>已注销</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/points/households_page.py" line="302"/>
        <source>Balance: %n points</source>
        <translation>
            <numerusform>积分余额：%n 分</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="324"/>
        <source>Choose a member in the list first.</source>
        <translation>请先在列表中选择一位成员。</translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="333"/>
        <source>Choose a points entry first.</source>
        <translation>请先选择一条积分记录。</translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="341"/>
        <location filename="../../app/views/points/households_page.py" line="352"/>
        <location filename="../../app/views/points/households_page.py" line="391"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="346"/>
        <source>Member added.</source>
        <translation>成员已添加。</translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="360"/>
        <source>Make {name} the head</source>
        <translation>将 {name} 设为户主</translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="361"/>
        <source>What is the former head&apos;s relation to {name}?</source>
        <translation>原户主与 {name} 是什么关系？</translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="371"/>
        <source>{name} is now the head.</source>
        <translation>{name} 现在是户主。</translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="380"/>
        <source>{name} leaves the household</source>
        <translation>{name} 迁出本户</translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="381"/>
        <source>Why (moved away, deceased, married out…)?</source>
        <translation>迁出原因（迁走、去世、外嫁……）？</translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="396"/>
        <source>Points entered.</source>
        <translation>积分已记入。</translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="400"/>
        <source>Points adjusted.</source>
        <translation>积分已调整。</translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="408"/>
        <source>Reverse an entry</source>
        <translation>冲正积分记录</translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="409"/>
        <source>Reverse {points} points ({item})? Give the reason:</source>
        <translation>要冲正 {points} 分（{item}）吗？请填写原因：</translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="421"/>
        <source>The entry was reversed.</source>
        <translation>该记录已冲正。</translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="433"/>
        <source>Reissue card</source>
        <translation>补办户卡</translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="435"/>
        <source>Make a new card for household {number}? The old card stops working at once.</source>
        <translation>要为户号 {number} 补办新卡吗？旧卡将立即失效。</translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="444"/>
        <source>Household cards</source>
        <translation>户卡</translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="453"/>
        <source>Preparing the cards…</source>
        <translation>正在准备卡片…</translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="464"/>
        <source>A new card was made; the old one no longer works.</source>
        <translation>新卡已制好，旧卡已失效。</translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="467"/>
        <source>Household cards ({n})</source>
        <translation>户卡（{n} 张）</translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="470"/>
        <source>household cards</source>
        <translation>户卡</translation>
    </message>
</context>
<context>
    <name>HouseholdDialog</name>
    <message>
        <location filename="../../app/views/points/household_dialogs.py" line="133"/>
        <source>Edit household</source>
        <translation>编辑户信息</translation>
    </message>
    <message>
        <location filename="../../app/views/points/household_dialogs.py" line="133"/>
        <source>New household</source>
        <translation>新增户</translation>
    </message>
    <message>
        <location filename="../../app/views/points/household_dialogs.py" line="147"/>
        <source>Optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <location filename="../../app/views/points/household_dialogs.py" line="152"/>
        <source>Village &amp;group (村民小组):</source>
        <translation>村民小组(&amp;G)：</translation>
    </message>
    <message>
        <location filename="../../app/views/points/household_dialogs.py" line="153"/>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../app/views/points/household_dialogs.py" line="151"/>
        <source>Household n&amp;umber (户号):</source>
        <translation>户号(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../app/views/points/household_dialogs.py" line="154"/>
        <source>Household p&amp;hone:</source>
        <translation>联系电话(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../app/views/points/household_dialogs.py" line="155"/>
        <source>N&amp;ote:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../app/views/points/household_dialogs.py" line="159"/>
        <source>Head of household (户主)</source>
        <translation>户主</translation>
    </message>
    <message>
        <location filename="../../app/views/points/household_dialogs.py" line="165"/>
        <source>Leave the phone empty to keep {masked}.</source>
        <translation>电话留空则保留原号码 {masked}。</translation>
    </message>
    <message>
        <location filename="../../app/views/points/household_dialogs.py" line="191"/>
        <source>The birth date must look like 1990-01-31.</source>
        <translation>出生日期请按 1990-01-31 的格式填写。</translation>
    </message>
</context>
<context>
    <name>HouseholdRankModel</name>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="228"/>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="229"/>
        <source>Station code</source>
        <translation>站点编码</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="230"/>
        <source>Station</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="231"/>
        <source>Village group</source>
        <translation>村民小组</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="232"/>
        <source>Household no.</source>
        <translation>户号</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="233"/>
        <source>Head of household</source>
        <translation>户主</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="234"/>
        <source>Points earned</source>
        <translation>本月获得积分</translation>
    </message>
</context>
<context>
    <name>HouseholdsModel</name>
    <message>
        <location filename="../../app/views/points/households_page.py" line="151"/>
        <source>No.</source>
        <translation>户号</translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="152"/>
        <source>Head</source>
        <translation>户主</translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="153"/>
        <source>Group</source>
        <translation>村民小组</translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="154"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="155"/>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="156"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="166"/>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="166"/>
        <source>Closed</source>
        <translation>已注销</translation>
    </message>
</context>
<context>
    <name>HouseholdsPage</name>
    <message>
        <location filename="../../app/views/points/households_page.py" line="805"/>
        <source>Households</source>
        <translation>户档案</translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="806"/>
        <source>Points rules</source>
        <translation>积分项目</translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="807"/>
        <source>Periods and rankings</source>
        <translation>周期与榜单</translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="809"/>
        <source>Households and points</source>
        <translation>居民与积分</translation>
    </message>
</context>
<context>
    <name>HouseholdsTab</name>
    <message>
        <location filename="../../app/views/points/households_page.py" line="502"/>
        <source>Name, initials (zs), No. or phone tail</source>
        <translation>姓名、拼音首字母(zs)、户号或手机尾号</translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="506"/>
        <location filename="../../app/views/points/households_page.py" line="640"/>
        <source>All groups</source>
        <translation>全部村民小组</translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="507"/>
        <source>Show closed</source>
        <translation>显示已注销</translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="541"/>
        <source>E&amp;xport to Excel…</source>
        <translation>导出 Excel(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="542"/>
        <source>Print lis&amp;t…</source>
        <translation>打印清单(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="549"/>
        <source>&amp;New household…</source>
        <translation>新增户(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="550"/>
        <source>&amp;Import roster…</source>
        <translation>导入花名册(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="551"/>
        <source>&amp;Batch award…</source>
        <translation>批量加分(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="552"/>
        <source>&amp;Undo last batch…</source>
        <translation>撤销上一批(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="553"/>
        <source>Print &amp;cards</source>
        <translation>打印户卡(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="629"/>
        <source>{n} found</source>
        <translation>找到 {n} 户</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/points/households_page.py" line="631"/>
        <source>%n households</source>
        <translation>
            <numerusform>共 %n 户</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/points/households_page.py" line="712"/>
        <source>Batch done: %n households, {total} points in all.</source>
        <translation>
            <numerusform>批量记分完成：共 %n 户，合计 {total} 分。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/points/households_page.py" line="733"/>
        <source>Undo the batch of %n entries ({total} points)? Give the reason:</source>
        <translation>
            <numerusform>要撤销这批共 %n 条记录（{total} 分）吗？请填写原因：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/points/households_page.py" line="745"/>
        <source>The batch was undone: %n entries reversed.</source>
        <translation>
            <numerusform>该批已撤销：已冲正 %n 条记录。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="676"/>
        <source>Some selected rows are still loading; try again in a moment.</source>
        <translation>部分选中的行还在加载，请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="681"/>
        <source>Select one or more households in the list first.</source>
        <translation>请先在列表中选择一户或多户。</translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="692"/>
        <source>Household {number} registered.</source>
        <translation>户号 {number} 已登记。</translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="715"/>
        <source>Left out (cap reached): {numbers}.</source>
        <translation>已跳过（达到上限）：{numbers}。</translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="731"/>
        <source>Undo batch</source>
        <translation>撤销批量记分</translation>
    </message>
</context>
<context>
    <name>ImportsPage</name>
    <message>
        <location filename="../../app/views/township/imports_page.py" line="92"/>
        <source>Import the sync files (.wbsync) the stations brought: choose the files, or the folder of a USB stick to import every file in it. A file already imported is skipped; a file that fails a check is refused and changes nothing.</source>
        <translation>导入各站点送来的同步文件（.wbsync）：选择文件，或选择U盘中的文件夹导入其中全部文件。已导入过的文件会跳过；未通过检查的文件会被拒绝，不改变任何数据。</translation>
    </message>
    <message>
        <location filename="../../app/views/township/imports_page.py" line="101"/>
        <location filename="../../app/views/township/imports_page.py" line="139"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../app/views/township/imports_page.py" line="109"/>
        <source>Import files…</source>
        <translation>导入文件…</translation>
    </message>
    <message>
        <location filename="../../app/views/township/imports_page.py" line="110"/>
        <source>Import a folder…</source>
        <translation>导入文件夹…</translation>
    </message>
    <message>
        <location filename="../../app/views/township/imports_page.py" line="115"/>
        <source>The result of each file is listed here.</source>
        <translation>每个文件的导入结果列在这里。</translation>
    </message>
    <message>
        <location filename="../../app/views/township/imports_page.py" line="120"/>
        <source>Choose the sync files</source>
        <translation>选择同步文件</translation>
    </message>
    <message>
        <location filename="../../app/views/township/imports_page.py" line="120"/>
        <source>Sync files (*.wbsync)</source>
        <translation>同步文件 (*.wbsync)</translation>
    </message>
    <message>
        <location filename="../../app/views/township/imports_page.py" line="127"/>
        <source>Choose the folder or USB stick</source>
        <translation>选择文件夹或U盘</translation>
    </message>
    <message>
        <location filename="../../app/views/township/imports_page.py" line="143"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../app/views/township/imports_page.py" line="144"/>
        <source>File {done} of {total}</source>
        <translation>第 {done} 个文件，共 {total} 个</translation>
    </message>
    <message>
        <location filename="../../app/views/township/imports_page.py" line="165"/>
        <source>No sync file was found there.</source>
        <translation>那里没有找到同步文件。</translation>
    </message>
    <message>
        <location filename="../../app/views/township/imports_page.py" line="168"/>
        <source>{ok} of {total} files imported; {bad} refused (see the list).</source>
        <translation>{total} 个文件中导入 {ok} 个；拒绝 {bad} 个（见列表）。</translation>
    </message>
    <message>
        <location filename="../../app/views/township/imports_page.py" line="174"/>
        <source>{ok} of {total} files imported.</source>
        <translation>{total} 个文件中导入 {ok} 个。</translation>
    </message>
</context>
<context>
    <name>InterfaceTab</name>
    <message>
        <location filename="../../app/views/settings_page.py" line="243"/>
        <source>Takes effect after the program is restarted.</source>
        <translation>重新启动程序后生效。</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_page.py" line="249"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_page.py" line="250"/>
        <source>Never</source>
        <translation>从不</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_page.py" line="254"/>
        <source>The screen locks after this long without use; 0 means never.</source>
        <translation>无人操作超过这个时间就自动锁屏；0 表示从不锁屏。</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_page.py" line="260"/>
        <source>&amp;Language:</source>
        <translation>界面语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_page.py" line="262"/>
        <source>Lock the screen &amp;after:</source>
        <translation>自动锁屏时间(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_page.py" line="268"/>
        <source>Saved. Restart the program to switch the language.</source>
        <translation>已保存。重新启动程序后切换语言。</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../../app/views/kiosk/window.py" line="106"/>
        <source>No camera found. Scan with the scanner or search by name.</source>
        <translation>没有找到摄像头。请用扫码枪扫描，或按姓名查找。</translation>
    </message>
    <message>
        <location filename="../../app/views/kiosk/window.py" line="109"/>
        <source>Reading codes with the camera is not installed. Use the scanner.</source>
        <translation>未安装摄像头识码功能。请用扫码枪扫描。</translation>
    </message>
    <message>
        <location filename="../../app/views/kiosk/window.py" line="112"/>
        <source>The camera could not be started.</source>
        <translation>摄像头无法启动。</translation>
    </message>
    <message>
        <location filename="../../app/views/kiosk/window.py" line="113"/>
        <source>Camera on: hold the card&apos;s QR code in front of it.</source>
        <translation>摄像头已打开：请把卡上的二维码对准摄像头。</translation>
    </message>
    <message>
        <location filename="../../app/views/kiosk/window.py" line="338"/>
        <source>Sign-in kiosk — {title}</source>
        <translation>签到机 — {title}</translation>
    </message>
    <message>
        <location filename="../../app/views/kiosk/window.py" line="352"/>
        <source>Close kiosk…</source>
        <translation>关闭签到机…</translation>
    </message>
    <message>
        <location filename="../../app/views/kiosk/window.py" line="362"/>
        <source>签到 Sign in</source>
        <translation>签到</translation>
    </message>
    <message>
        <location filename="../../app/views/kiosk/window.py" line="363"/>
        <source>签退 Sign out</source>
        <translation>签退</translation>
    </message>
    <message>
        <location filename="../../app/views/kiosk/window.py" line="364"/>
        <source>自动 Auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../app/views/kiosk/window.py" line="386"/>
        <source>Scan a card…</source>
        <translation>请扫卡…</translation>
    </message>
    <message>
        <location filename="../../app/views/kiosk/window.py" line="438"/>
        <source>Annul selected scan…</source>
        <translation>撤销选中的扫码…</translation>
    </message>
    <message>
        <location filename="../../app/views/kiosk/window.py" line="441"/>
        <source>Search by name…</source>
        <translation>按姓名查找…</translation>
    </message>
    <message>
        <location filename="../../app/views/kiosk/window.py" line="444"/>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../../app/views/kiosk/window.py" line="468"/>
        <source>Name, initials or volunteer No., then Enter</source>
        <translation>输入姓名、拼音首字母或志愿者编号，按 Enter</translation>
    </message>
    <message>
        <location filename="../../app/views/kiosk/window.py" line="474"/>
        <source>Use this volunteer</source>
        <translation>就是此人</translation>
    </message>
    <message>
        <location filename="../../app/views/kiosk/window.py" line="477"/>
        <source>Close search</source>
        <translation>关闭查找</translation>
    </message>
    <message>
        <location filename="../../app/views/kiosk/window.py" line="482"/>
        <source>Volunteer without a card:</source>
        <translation>没带卡的志愿者：</translation>
    </message>
    <message>
        <location filename="../../app/views/kiosk/window.py" line="510"/>
        <source>Recent scans:</source>
        <translation>最近扫码：</translation>
    </message>
    <message>
        <location filename="../../app/views/kiosk/window.py" line="511"/>
        <source>No scans yet.</source>
        <translation>还没有扫码记录。</translation>
    </message>
    <message>
        <location filename="../../app/views/kiosk/window.py" line="573"/>
        <source>The kiosk cannot read cards</source>
        <translation>签到机无法读卡</translation>
    </message>
    <message>
        <location filename="../../app/views/kiosk/window.py" line="640"/>
        <source>That was typed, not scanned. Press Enter again to use it, or use “Search by name…”.</source>
        <translation>这是手工输入的，不是扫码。确认使用请再按一次 Enter，或使用“按姓名查找…”。</translation>
    </message>
    <message>
        <location filename="../../app/views/kiosk/window.py" line="696"/>
        <location filename="../../app/views/kiosk/window.py" line="724"/>
        <source>Not accepted</source>
        <translation>扫码未成功</translation>
    </message>
    <message>
        <location filename="../../app/views/kiosk/window.py" line="698"/>
        <source>Signed in</source>
        <translation>签到成功</translation>
    </message>
    <message>
        <location filename="../../app/views/kiosk/window.py" line="700"/>
        <source>Signed out</source>
        <translation>签退成功</translation>
    </message>
    <message>
        <location filename="../../app/views/kiosk/window.py" line="702"/>
        <source>Participation recorded</source>
        <translation>已记录参加</translation>
    </message>
    <message>
        <location filename="../../app/views/kiosk/window.py" line="704"/>
        <source>Scan annulled</source>
        <translation>扫码已撤销</translation>
    </message>
    <message>
        <location filename="../../app/views/kiosk/window.py" line="705"/>
        <source>Please check</source>
        <translation>请核对</translation>
    </message>
    <message>
        <location filename="../../app/views/kiosk/window.py" line="711"/>
        <source>Today {today} h · approved in all {total} h</source>
        <translation>本次 {today} 小时 · 累计已审核 {total} 小时</translation>
    </message>
    <message>
        <location filename="../../app/views/kiosk/window.py" line="715"/>
        <source>Same card again within a few seconds: nothing new was recorded.</source>
        <translation>几秒内重复扫了同一张卡，未重复记录。</translation>
    </message>
    <message>
        <location filename="../../app/views/kiosk/window.py" line="740"/>
        <source>Please scan your card</source>
        <translation>请扫卡</translation>
    </message>
    <message>
        <location filename="../../app/views/kiosk/window.py" line="743"/>
        <source>Mode: sign in</source>
        <translation>当前模式：签到</translation>
    </message>
    <message>
        <location filename="../../app/views/kiosk/window.py" line="744"/>
        <source>Mode: sign out</source>
        <translation>当前模式：签退</translation>
    </message>
    <message>
        <location filename="../../app/views/kiosk/window.py" line="745"/>
        <source>Mode: automatic (first scan signs in, the next signs out)</source>
        <translation>当前模式：自动（第一次扫卡签到，再扫一次签退）</translation>
    </message>
    <message>
        <location filename="../../app/views/kiosk/window.py" line="775"/>
        <source>Signed in: {signed}   Present: {present}   Households: {households}</source>
        <translation>已签到：{signed}   在场：{present}   居民户：{households}</translation>
    </message>
    <message>
        <location filename="../../app/views/kiosk/window.py" line="786"/>
        <source>Choose the mistaken scan in the list first.</source>
        <translation>请先在列表中选择扫错的那一条。</translation>
    </message>
    <message>
        <location filename="../../app/views/kiosk/window.py" line="790"/>
        <source>This scan cannot be annulled.</source>
        <translation>这条扫码记录不能撤销。</translation>
    </message>
    <message>
        <location filename="../../app/views/kiosk/window.py" line="794"/>
        <source>Annul a scan</source>
        <translation>撤销扫码</translation>
    </message>
    <message>
        <location filename="../../app/views/kiosk/window.py" line="795"/>
        <source>Annul the scan of {name} at {time}? Give the reason:</source>
        <translation>要撤销 {name} 在 {time} 的扫码吗？请填写原因：</translation>
    </message>
    <message>
        <location filename="../../app/views/kiosk/window.py" line="843"/>
        <source>Nobody found.</source>
        <translation>没有找到。</translation>
    </message>
    <message>
        <location filename="../../app/views/kiosk/window.py" line="861"/>
        <source>Choose the volunteer in the list.</source>
        <translation>请在列表中选择志愿者。</translation>
    </message>
</context>
<context>
    <name>ListActions</name>
    <message>
        <location filename="../../app/views/list_actions.py" line="51"/>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <location filename="../../app/views/list_actions.py" line="54"/>
        <source>Print list…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../app/views/list_actions.py" line="81"/>
        <location filename="../../app/views/list_actions.py" line="113"/>
        <source>Export to Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <location filename="../../app/views/list_actions.py" line="83"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/list_actions.py" line="100"/>
        <source>%n row(s) exported to {path}.</source>
        <translation>
            <numerusform>已导出 %n 行到 {path}。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/list_actions.py" line="109"/>
        <source>The export was cancelled; no file was written.</source>
        <translation>导出已取消，未写入文件。</translation>
    </message>
    <message>
        <location filename="../../app/views/list_actions.py" line="117"/>
        <source>Exporting {title}…</source>
        <translation>正在导出{title}…</translation>
    </message>
    <message>
        <location filename="../../app/views/list_actions.py" line="148"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../app/views/list_actions.py" line="151"/>
        <source>Making the PDF of {title}…</source>
        <translation>正在生成{title}的 PDF…</translation>
    </message>
    <message>
        <location filename="../../app/views/list_actions.py" line="161"/>
        <source>Laying out the pages…</source>
        <translation>正在排版…</translation>
    </message>
    <message>
        <location filename="../../app/views/list_actions.py" line="163"/>
        <source>Making page {done} of {total}…</source>
        <translation>正在生成第 {done} / {total} 页…</translation>
    </message>
    <message>
        <location filename="../../app/views/list_actions.py" line="164"/>
        <source>Reading rows… {done} of {total}</source>
        <translation>正在读取… {done} / {total} 行</translation>
    </message>
</context>
<context>
    <name>Lists</name>
    <message>
        <location filename="../../app/i18n.py" line="101"/>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../app/views/login.py" line="404"/>
        <source>Locked — Station Workbench</source>
        <translation>已锁屏 — 文明实践站工作台</translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="408"/>
        <source>The screen is locked</source>
        <translation>屏幕已锁定</translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="414"/>
        <source>{name} ({role}) is signed in. Enter your password to continue.</source>
        <translation>{name}（{role}）已登录。请输入密码继续。</translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="421"/>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="429"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="431"/>
        <source>Or sign in as an administrator</source>
        <translation>或以管理员身份登录</translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="438"/>
        <source>Sign in as &amp;administrator</source>
        <translation>以管理员身份登录(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="445"/>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="446"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="482"/>
        <source>Please enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="503"/>
        <source>That is not the right password.</source>
        <translation>密码不正确。</translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="510"/>
        <source>Please enter an administrator&apos;s user name and password.</source>
        <translation>请输入管理员的用户名和密码。</translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="530"/>
        <source>Only an administrator can open another operator&apos;s locked screen.</source>
        <translation>只有管理员才能解锁其他操作员的锁屏。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../app/views/login.py" line="67"/>
        <source>Sign in — Station Workbench</source>
        <translation>登录 — 文明实践站工作台</translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="70"/>
        <location filename="../../app/views/login.py" line="140"/>
        <source>Station Workbench</source>
        <translation>文明实践站工作台</translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="83"/>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="84"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="88"/>
        <source>&amp;Sign in</source>
        <translation>登录(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="93"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="118"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="119"/>
        <source>Quit Station Workbench?</source>
        <translation>退出工作台？</translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="151"/>
        <source>Demo station: sign in as admin, shijian or chaoshi with the password {password}.</source>
        <translation>演示站点：可用 admin（站长）、shijian（实践员）或 chaoshi（超市值守）登录，密码都是 {password}。</translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="160"/>
        <source>Checking…</source>
        <translation>正在验证…</translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="169"/>
        <source>Please enter your user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="173"/>
        <source>Please enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="209"/>
        <source>Please choose a new password.</source>
        <translation>请设置新密码。</translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="223"/>
        <source>You need to choose your own password before you can start work.</source>
        <translation>您需要先设置自己的密码，才能开始工作。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/views/main_window.py" line="97"/>
        <source>Station Workbench — {store}</source>
        <translation>文明实践站工作台 — {store}</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="99"/>
        <source>Station Workbench</source>
        <translation>文明实践站工作台</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="130"/>
        <source>Dismiss</source>
        <translation>知道了</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="207"/>
        <source>&amp;Station</source>
        <translation>系统(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="208"/>
        <source>&amp;Lock screen</source>
        <translation>锁屏(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="211"/>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="213"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="221"/>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="230"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="231"/>
        <source>&amp;User guide</source>
        <translation>使用帮助(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="235"/>
        <source>&amp;About Station Workbench</source>
        <translation>关于文明实践站工作台(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="294"/>
        <source>&lt;h3&gt;Station Workbench {version}&lt;/h3&gt;&lt;p&gt;文明实践站工作台 — for the village 新时代文明实践站.&lt;/p&gt;&lt;p&gt;Licensed under the GNU GPL, version 3 or later.&lt;/p&gt;&lt;p&gt;Chinese text is shown with the bundled font WenQuanYi Micro Hei (文泉驿微米黑), © the WenQuanYi Project, licensed under the Apache License 2.0 or the GPL version 3 with the font exception.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;文明实践站工作台 {version}&lt;/h3&gt;&lt;p&gt;Station Workbench — 供村级新时代文明实践站使用。&lt;/p&gt;&lt;p&gt;依据 GNU GPL 第 3 版或更高版本授权。&lt;/p&gt;&lt;p&gt;中文显示使用随程序附带的文泉驿微米黑字体（WenQuanYi Micro Hei），© 文泉驿项目，依据 Apache License 2.0 或附带字体例外条款的 GPL 第 3 版授权。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="315"/>
        <source>About Station Workbench</source>
        <translation>关于文明实践站工作台</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="348"/>
        <source>Operator: {name} ({role})</source>
        <translation>操作员：{name}（{role}）</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="359"/>
        <source>Database: {store}</source>
        <translation>数据库：{store}</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="408"/>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/main_window.py" line="411"/>
        <source>%n changes waiting to upload · last acknowledged {when}</source>
        <translation>
            <numerusform>待上传 %n 条更改 · 上次确认 {when}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="424"/>
        <source>Last backup: {when}</source>
        <translation>上次备份：{when}</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="431"/>
        <source>Last sync: {when}</source>
        <translation>上次同步：{when}</translation>
    </message>
</context>
<context>
    <name>ManualHoursDialog</name>
    <message>
        <location filename="../../app/views/volunteers/hours_page.py" line="233"/>
        <source>Enter hours by hand</source>
        <translation>手工录入时长</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/hours_page.py" line="236"/>
        <source>Name, initials or No., then Enter</source>
        <translation>输入姓名、拼音首字母或编号，按 Enter</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/hours_page.py" line="248"/>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/hours_page.py" line="253"/>
        <source>e.g. forgot to sign in</source>
        <translation>如：忘记签到</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/hours_page.py" line="255"/>
        <source>&amp;Volunteer:</source>
        <translation>志愿者(&amp;V)：</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/hours_page.py" line="257"/>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/hours_page.py" line="258"/>
        <source>&amp;Hours:</source>
        <translation>时长(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/hours_page.py" line="259"/>
        <source>&amp;Service:</source>
        <translation>服务内容(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/hours_page.py" line="260"/>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/hours_page.py" line="271"/>
        <source>Nobody found.</source>
        <translation>没有找到。</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/hours_page.py" line="289"/>
        <source>Find and choose the volunteer first.</source>
        <translation>请先查找并选择志愿者。</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <location filename="../../app/views/points/household_dialogs.py" line="221"/>
        <source>Edit resident</source>
        <translation>编辑居民信息</translation>
    </message>
    <message>
        <location filename="../../app/views/points/household_dialogs.py" line="223"/>
        <source>New member of household {number}</source>
        <translation>为户号 {number} 新增成员</translation>
    </message>
    <message>
        <location filename="../../app/views/points/household_dialogs.py" line="249"/>
        <source>The birth date must look like 1990-01-31.</source>
        <translation>出生日期请按 1990-01-31 的格式填写。</translation>
    </message>
</context>
<context>
    <name>MemberForm</name>
    <message>
        <location filename="../../app/views/points/household_dialogs.py" line="69"/>
        <source>(not given)</source>
        <translation>（未填）</translation>
    </message>
    <message>
        <location filename="../../app/views/points/household_dialogs.py" line="70"/>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../app/views/points/household_dialogs.py" line="71"/>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../app/views/points/household_dialogs.py" line="74"/>
        <source>YYYY-MM-DD, optional</source>
        <translation>年-月-日，如 1990-01-31，选填</translation>
    </message>
    <message>
        <location filename="../../app/views/points/household_dialogs.py" line="79"/>
        <source>Optional; 18 characters</source>
        <translation>选填，18 位</translation>
    </message>
    <message>
        <location filename="../../app/views/points/household_dialogs.py" line="83"/>
        <source>Optional; 11-digit mobile</source>
        <translation>选填，11 位手机号</translation>
    </message>
    <message>
        <location filename="../../app/views/points/household_dialogs.py" line="86"/>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../app/views/points/household_dialogs.py" line="88"/>
        <source>&amp;Relation to the head:</source>
        <translation>与户主关系(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../app/views/points/household_dialogs.py" line="89"/>
        <source>&amp;Sex:</source>
        <translation>性别(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../app/views/points/household_dialogs.py" line="90"/>
        <source>&amp;Birth date:</source>
        <translation>出生日期(&amp;B)：</translation>
    </message>
    <message>
        <location filename="../../app/views/points/household_dialogs.py" line="91"/>
        <source>&amp;ID number (身份证号):</source>
        <translation>身份证号(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../app/views/points/household_dialogs.py" line="92"/>
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P)：</translation>
    </message>
</context>
<context>
    <name>MembersModel</name>
    <message>
        <location filename="../../app/views/points/households_page.py" line="181"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="182"/>
        <source>Relation</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="183"/>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="184"/>
        <source>Born</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="185"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="186"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="187"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="191"/>
        <source>M</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="191"/>
        <source>F</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../app/views/points/households_page.py" line="192"/>
        <source>Left: {reason}</source>
        <translation>已迁出：{reason}</translation>
    </message>
</context>
<context>
    <name>MenuDialog</name>
    <message>
        <location filename="../../app/views/orders/menu.py" line="128"/>
        <source>Service menu</source>
        <translation>服务菜单</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/menu.py" line="138"/>
        <source>The stations get the services their menu lacks with the next config package; each station keeps its own changes.</source>
        <translation>下一个配置包会给站点补上其菜单缺少的服务项目；站点自己改过的项目保持不变。</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/menu.py" line="143"/>
        <source>A service out of use is no longer offered for new orders; its orders stay.</source>
        <translation>停用的服务项目不再出现在新点单中，已有的点单不受影响。</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/menu.py" line="155"/>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/menu.py" line="156"/>
        <source>&amp;Change…</source>
        <translation>修改(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/menu.py" line="157"/>
        <location filename="../../app/views/orders/menu.py" line="202"/>
        <source>&amp;Out of use</source>
        <translation>停用(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/menu.py" line="200"/>
        <source>&amp;Back in use</source>
        <translation>恢复使用(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/menu.py" line="216"/>
        <source>{service} is on the menu.</source>
        <translation>{service} 已加入服务菜单。</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/menu.py" line="221"/>
        <source>{service} was changed.</source>
        <translation>{service} 已修改。</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/menu.py" line="238"/>
        <source>{service} is back in use.</source>
        <translation>{service} 已恢复使用。</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/menu.py" line="240"/>
        <source>{service} is out of use.</source>
        <translation>{service} 已停用。</translation>
    </message>
</context>
<context>
    <name>MenuItemDialog</name>
    <message>
        <location filename="../../app/views/orders/menu.py" line="50"/>
        <source>Add to the service menu</source>
        <translation>添加服务菜单项</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/menu.py" line="50"/>
        <source>Change a service</source>
        <translation>修改服务项目</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/menu.py" line="61"/>
        <source>What the service is, for whom</source>
        <translation>服务内容、服务对象</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/menu.py" line="64"/>
        <source>(no team)</source>
        <translation>（不指定服务队）</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/menu.py" line="65"/>
        <source>&amp;In use (residents can order it)</source>
        <translation>在用（群众可以点单）(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/menu.py" line="69"/>
        <source>&amp;Category:</source>
        <translation>类别(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/menu.py" line="70"/>
        <source>&amp;Service:</source>
        <translation>服务项目(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/menu.py" line="71"/>
        <source>&amp;What it is:</source>
        <translation>服务内容(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/menu.py" line="72"/>
        <source>Usual &amp;team:</source>
        <translation>常派服务队(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>MenuModel</name>
    <message>
        <location filename="../../app/views/orders/menu.py" line="112"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/menu.py" line="112"/>
        <source>Service</source>
        <translation>服务项目</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/menu.py" line="112"/>
        <source>Usual team</source>
        <translation>常派服务队</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/menu.py" line="112"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/menu.py" line="115"/>
        <source>In use</source>
        <translation>在用</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/menu.py" line="115"/>
        <source>Not in use</source>
        <translation>已停用</translation>
    </message>
</context>
<context>
    <name>ModePage</name>
    <message>
        <location filename="../../app/views/wizard.py" line="48"/>
        <source>Welcome to Station Workbench</source>
        <translation>欢迎使用文明实践站工作台</translation>
    </message>
    <message>
        <location filename="../../app/views/wizard.py" line="49"/>
        <source>First, tell us what kind of place this computer serves.</source>
        <translation>首先，请选择这台电脑在哪一级使用。</translation>
    </message>
    <message>
        <location filename="../../app/views/wizard.py" line="50"/>
        <source>A village station (村站) — the usual choice</source>
        <translation>村级实践站（村站）— 一般选这一项</translation>
    </message>
    <message>
        <location filename="../../app/views/wizard.py" line="52"/>
        <source>A township office (乡镇所)</source>
        <translation>乡镇实践所（乡镇所）</translation>
    </message>
    <message>
        <location filename="../../app/views/wizard.py" line="60"/>
        <source>A township office collects the data of its village stations: it enrols them, imports their sync files and sums up their figures.</source>
        <translation>乡镇实践所汇集所辖村站的数据：为站点办理入网，导入其同步文件，并汇总各项数据。</translation>
    </message>
</context>
<context>
    <name>NationalExportDialog</name>
    <message>
        <location filename="../../app/views/volunteers/national_dialog.py" line="39"/>
        <source>Export to the national volunteer system</source>
        <translation>导出到全国志愿服务信息系统</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/national_dialog.py" line="42"/>
        <source>Only records &amp;not exported yet</source>
        <translation>仅未导出过的记录(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/national_dialog.py" line="45"/>
        <source>Only service &amp;dates from</source>
        <translation>仅服务日期(&amp;D)从</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/national_dialog.py" line="59"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/national_dialog.py" line="67"/>
        <source>The file holds every volunteer&apos;s FULL ID number and phone number. Keep it on this computer, upload it to the national volunteer system, then delete it. The export is entered in the audit log.</source>
        <translation>此文件含每位志愿者的完整身份证件号码和联系电话。请只保存在本机，上传到全国志愿服务信息系统后立即删除。本次导出将记入操作日志。</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/national_dialog.py" line="77"/>
        <source>Approved service records in the fields of the national rules (basic information and service records, two sheets).</source>
        <translation>按《志愿服务记录与证明出具办法》的字段导出已审核的服务记录（志愿者基本信息、服务记录两个工作表）。</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/national_dialog.py" line="89"/>
        <source>&amp;Save the file…</source>
        <translation>保存文件(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/national_dialog.py" line="113"/>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/national_dialog.py" line="128"/>
        <source>No approved service records to export.</source>
        <translation>没有可导出的已审核服务记录。</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/national_dialog.py" line="130"/>
        <source>{records} records of {persons} volunteers, {hours} h in all.</source>
        <translation>{persons} 名志愿者的 {records} 条记录，共 {hours} 小时。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/volunteers/national_dialog.py" line="135"/>
        <source>%n volunteer(s) have no ID number; the national system will ask for it.</source>
        <translation>
            <numerusform>其中 %n 名志愿者没有身份证件号码，全国系统会要求补填。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/national_dialog.py" line="150"/>
        <source>National volunteer system</source>
        <translation>全国志愿服务信息系统</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/national_dialog.py" line="152"/>
        <source>Save the export</source>
        <translation>保存导出文件</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/national_dialog.py" line="152"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>NewOperatorDialog</name>
    <message>
        <location filename="../../app/views/operators.py" line="78"/>
        <source>Add an operator</source>
        <translation>添加操作员</translation>
    </message>
    <message>
        <location filename="../../app/views/operators.py" line="92"/>
        <source>A temporary password is made for the new operator; they choose their own when they first sign in.</source>
        <translation>系统会为新操作员生成一个临时密码，本人第一次登录时再设置自己的密码。</translation>
    </message>
    <message>
        <location filename="../../app/views/operators.py" line="98"/>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../app/views/operators.py" line="99"/>
        <source>Full &amp;name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../app/views/operators.py" line="100"/>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../app/views/operators.py" line="105"/>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
</context>
<context>
    <name>NewOrderDialog</name>
    <message>
        <location filename="../../app/views/orders/page.py" line="209"/>
        <source>New service order</source>
        <translation>新建服务点单</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="213"/>
        <source>A &amp;resident</source>
        <translation>本村居民(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="215"/>
        <source>&amp;Someone else (name and phone)</source>
        <translation>其他群众（填写姓名和电话）(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="221"/>
        <source>&amp;Choose resident…</source>
        <translation>选择居民(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="223"/>
        <source>Nobody chosen yet.</source>
        <translation>尚未选择。</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="227"/>
        <source>Scan the household card or volunteer card</source>
        <translation>扫描户卡或志愿者卡</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="238"/>
        <source>11-digit mobile number</source>
        <translation>11 位手机号码</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="243"/>
        <source>Optional; a resident&apos;s household address by default</source>
        <translation>选填；居民默认为其家庭住址</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="247"/>
        <source>What is asked for, when suits them</source>
        <translation>需求内容、方便的时间</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="253"/>
        <source>Ser&amp;vice:</source>
        <translation>服务项目(&amp;V)：</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="256"/>
        <source>Card sc&amp;an:</source>
        <translation>扫卡(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="258"/>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="259"/>
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="260"/>
        <source>A&amp;ddress:</source>
        <translation>地址(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="261"/>
        <source>Re&amp;quest:</source>
        <translation>需求(&amp;Q)：</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="275"/>
        <source>The service menu is empty: add a service to the menu first.</source>
        <translation>服务菜单为空：请先添加服务菜单项。</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="325"/>
        <source>Choose the resident first.</source>
        <translation>请先选择居民。</translation>
    </message>
</context>
<context>
    <name>OperatorsModel</name>
    <message>
        <location filename="../../app/views/operators.py" line="52"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../app/views/operators.py" line="53"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../app/views/operators.py" line="54"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../app/views/operators.py" line="55"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/views/operators.py" line="56"/>
        <source>Last sign-in</source>
        <translation>上次登录</translation>
    </message>
    <message>
        <location filename="../../app/views/operators.py" line="64"/>
        <source>Active</source>
        <translation>在用</translation>
    </message>
    <message>
        <location filename="../../app/views/operators.py" line="64"/>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
</context>
<context>
    <name>OperatorsTab</name>
    <message>
        <location filename="../../app/views/operators.py" line="153"/>
        <source>&amp;Add operator…</source>
        <translation>添加操作员(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../app/views/operators.py" line="155"/>
        <source>&amp;Reset password…</source>
        <translation>重置密码(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../app/views/operators.py" line="157"/>
        <location filename="../../app/views/operators.py" line="219"/>
        <source>&amp;Disable</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../app/views/operators.py" line="159"/>
        <source>Change r&amp;ole…</source>
        <translation>更改角色(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../app/views/operators.py" line="219"/>
        <source>&amp;Enable</source>
        <translation>启用(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../app/views/operators.py" line="246"/>
        <source>{name} was added.</source>
        <translation>已添加 {name}。</translation>
    </message>
    <message>
        <location filename="../../app/views/operators.py" line="280"/>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location filename="../../app/views/operators.py" line="282"/>
        <source>Give {name} a new temporary password? Their current password stops working.</source>
        <translation>要给 {name} 设置新的临时密码吗？其当前密码将立即失效。</translation>
    </message>
    <message>
        <location filename="../../app/views/operators.py" line="291"/>
        <source>The password of {name} was reset.</source>
        <translation>{name} 的密码已重置。</translation>
    </message>
    <message>
        <location filename="../../app/views/operators.py" line="313"/>
        <source>{name} can sign in again.</source>
        <translation>{name} 可以重新登录了。</translation>
    </message>
    <message>
        <location filename="../../app/views/operators.py" line="315"/>
        <source>{name} can no longer sign in.</source>
        <translation>{name} 已不能再登录。</translation>
    </message>
    <message>
        <location filename="../../app/views/operators.py" line="337"/>
        <source>Change role</source>
        <translation>更改角色</translation>
    </message>
    <message>
        <location filename="../../app/views/operators.py" line="338"/>
        <source>New role for {name}:</source>
        <translation>{name} 的新角色：</translation>
    </message>
    <message>
        <location filename="../../app/views/operators.py" line="356"/>
        <source>{name} is now: {role}.</source>
        <translation>{name} 现在的角色是：{role}。</translation>
    </message>
</context>
<context>
    <name>OrderPanel</name>
    <message>
        <location filename="../../app/views/orders/page.py" line="581"/>
        <location filename="../../app/views/orders/page.py" line="661"/>
        <source>Choose an order.</source>
        <translation>请选择一个服务单。</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="591"/>
        <location filename="../../app/views/orders/page.py" line="679"/>
        <source>&amp;Dispatch…</source>
        <translation>派单(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="592"/>
        <source>Acce&amp;pted</source>
        <translation>已接单(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="594"/>
        <source>R&amp;ate…</source>
        <translation>评单(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="595"/>
        <source>Re&amp;ject…</source>
        <translation>拒单(&amp;J)…</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="593"/>
        <source>&amp;Complete…</source>
        <translation>结项(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="596"/>
        <source>&amp;Back to pending…</source>
        <translation>退回待处理(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="597"/>
        <source>Order s&amp;lip</source>
        <translation>派单单(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="598"/>
        <source>Service &amp;receipt</source>
        <translation>服务回执(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="601"/>
        <source>History</source>
        <translation>流转记录</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="618"/>
        <source>Photos of the service</source>
        <translation>服务照片</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="679"/>
        <source>Re-&amp;dispatch…</source>
        <translation>改派(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="684"/>
        <source>(household {number})</source>
        <translation>（户号 {number}）</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="687"/>
        <source>Received {at} · {state}</source>
        <translation>点单时间 {at} · {state}</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="692"/>
        <source>overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="695"/>
        <source>Usually sent to {whom}</source>
        <translation>常派：{whom}</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="697"/>
        <source>Sent to {whom}</source>
        <translation>已派：{whom}</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="710"/>
        <source>Dispatched.</source>
        <translation>已派单。</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="719"/>
        <source>Accepted by the volunteers.</source>
        <translation>志愿者已接单。</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="726"/>
        <source>Completed; the volunteers&apos; hours wait for approval.</source>
        <translation>已结项；志愿者的服务时长待审核。</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="731"/>
        <source>Rating recorded.</source>
        <translation>评价已记录。</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="735"/>
        <source>Rejected.</source>
        <translation>已拒单。</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="740"/>
        <source>Back to pending.</source>
        <translation>已退回待处理。</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="762"/>
        <source>Order slip {number}</source>
        <translation>派单单 {number}</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="762"/>
        <source>Service receipt {number}</source>
        <translation>服务回执 {number}</translation>
    </message>
</context>
<context>
    <name>OrderStates</name>
    <message>
        <location filename="../../app/services/orders/flow.py" line="414"/>
        <source>Pending</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location filename="../../app/services/orders/flow.py" line="415"/>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../../app/services/orders/flow.py" line="416"/>
        <source>Dispatched</source>
        <translation>已派单</translation>
    </message>
    <message>
        <location filename="../../app/services/orders/flow.py" line="417"/>
        <source>Accepted</source>
        <translation>已接单</translation>
    </message>
    <message>
        <location filename="../../app/services/orders/flow.py" line="418"/>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../app/services/orders/flow.py" line="419"/>
        <source>Rated</source>
        <translation>已评价</translation>
    </message>
</context>
<context>
    <name>OrdersModel</name>
    <message>
        <location filename="../../app/views/orders/page.py" line="114"/>
        <source>No.</source>
        <translation>单号</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="115"/>
        <source>Received</source>
        <translation>点单时间</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="116"/>
        <source>Service</source>
        <translation>服务项目</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="117"/>
        <source>Asked by</source>
        <translation>点单人</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="118"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="119"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="135"/>
        <source>{state} (overdue)</source>
        <translation>{state}（超时）</translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message>
        <location filename="../../app/views/orders/page.py" line="781"/>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="784"/>
        <source>&amp;Overdue only</source>
        <translation>只看超时(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="789"/>
        <source>No., name, phone&apos;s last 4 digits, service</source>
        <translation>单号、姓名、电话后 4 位、服务项目</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="791"/>
        <source>&amp;New order…</source>
        <translation>新建点单(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="793"/>
        <source>Service &amp;menu…</source>
        <translation>服务菜单(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="823"/>
        <source>No orders. A resident&apos;s request starts with “New order…”.</source>
        <translation>暂无服务单。群众的需求请点“新建点单…”登记。</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="836"/>
        <source>Service orders</source>
        <translation>服务点单</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/orders/page.py" line="851"/>
        <source>%n orders</source>
        <translation>
            <numerusform>%n 个服务单</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="874"/>
        <source>Order {number} received.</source>
        <translation>已登记服务单 {number}。</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <location filename="../../app/views/help_window.py" line="43"/>
        <location filename="../../app/views/pages.py" line="87"/>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <location filename="../../app/views/help_window.py" line="44"/>
        <location filename="../../app/views/pages.py" line="94"/>
        <source>Households &amp; points</source>
        <translation>居民与积分</translation>
    </message>
    <message>
        <location filename="../../app/views/help_window.py" line="45"/>
        <location filename="../../app/views/pages.py" line="101"/>
        <source>Points supermarket</source>
        <translation>积分超市</translation>
    </message>
    <message>
        <location filename="../../app/views/help_window.py" line="46"/>
        <location filename="../../app/views/pages.py" line="108"/>
        <source>Volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../app/views/help_window.py" line="47"/>
        <location filename="../../app/views/pages.py" line="115"/>
        <source>Activities</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../app/views/help_window.py" line="49"/>
        <location filename="../../app/views/pages.py" line="122"/>
        <source>Service orders</source>
        <translation>服务点单</translation>
    </message>
    <message>
        <location filename="../../app/views/help_window.py" line="50"/>
        <location filename="../../app/views/pages.py" line="129"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../app/views/help_window.py" line="51"/>
        <location filename="../../app/views/pages.py" line="137"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../app/views/help_window.py" line="52"/>
        <location filename="../../app/views/pages.py" line="144"/>
        <source>Stations</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../app/views/help_window.py" line="53"/>
        <location filename="../../app/views/pages.py" line="152"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../app/views/help_window.py" line="54"/>
        <location filename="../../app/views/pages.py" line="160"/>
        <source>Summary</source>
        <translation>汇总</translation>
    </message>
    <message>
        <location filename="../../app/views/help_window.py" line="55"/>
        <location filename="../../app/views/pages.py" line="168"/>
        <source>Publish config</source>
        <translation>配置下发</translation>
    </message>
    <message>
        <location filename="../../app/views/help_window.py" line="56"/>
        <location filename="../../app/views/pages.py" line="176"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>ParticipationModel</name>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="275"/>
        <source>Station code</source>
        <translation>站点编码</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="276"/>
        <source>Village (station)</source>
        <translation>村(站点)</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="277"/>
        <source>Households on the roster</source>
        <translation>在册户数</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="278"/>
        <source>Households taking part</source>
        <translation>参与户数</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="279"/>
        <source>Share (%)</source>
        <translation>参与率(%)</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="285"/>
        <source>Township total</source>
        <translation>全镇合计</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <location filename="../../app/views/pdf_preview.py" line="261"/>
        <source>Preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <location filename="../../app/views/pdf_preview.py" line="274"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../app/views/pdf_preview.py" line="277"/>
        <source>&amp;Save as PDF…</source>
        <translation>另存为 PDF(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../app/views/pdf_preview.py" line="299"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/pdf_preview.py" line="315"/>
        <source>Printing cancelled after %n page(s) of {total}.</source>
        <translation>
            <numerusform>打印已取消：共 {total} 页，已打印 %n 页。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/pdf_preview.py" line="322"/>
        <source>Printing failed: {error}</source>
        <translation>打印失败：{error}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/pdf_preview.py" line="311"/>
        <source>Sent %n page(s) to the printer.</source>
        <translation>
            <numerusform>已将 %n 页发送到打印机。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/pdf_preview.py" line="330"/>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../app/views/pdf_preview.py" line="330"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/views/pdf_preview.py" line="343"/>
        <source>Saved as {path}.</source>
        <translation>已保存为 {path}。</translation>
    </message>
</context>
<context>
    <name>PeriodState</name>
    <message>
        <location filename="../../app/views/points/tabs.py" line="57"/>
        <source>Open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="58"/>
        <source>Publicized (公示)</source>
        <translation>公示中</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="59"/>
        <source>Finalized</source>
        <translation>已确认</translation>
    </message>
</context>
<context>
    <name>PeriodsModel</name>
    <message>
        <location filename="../../app/views/points/tabs.py" line="96"/>
        <source>Period</source>
        <translation>周期</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="97"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="98"/>
        <source>Base score</source>
        <translation>基础分</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="99"/>
        <source>Opened</source>
        <translation>开启时间</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="100"/>
        <source>Publicized</source>
        <translation>公示时间</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="101"/>
        <source>Finalized</source>
        <translation>确认时间</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="102"/>
        <source>At the end</source>
        <translation>期末处理</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="106"/>
        <source>carried over</source>
        <translation>结转</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="106"/>
        <source>cleared</source>
        <translation>清零</translation>
    </message>
</context>
<context>
    <name>PeriodsTab</name>
    <message>
        <location filename="../../app/views/points/tabs.py" line="377"/>
        <source>Points settings</source>
        <translation>积分设置</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="381"/>
        <source>Year</source>
        <translation>年</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="382"/>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="383"/>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="390"/>
        <location filename="../../app/views/points/tabs.py" line="393"/>
        <location filename="../../app/views/points/tabs.py" line="415"/>
        <location filename="../../app/views/points/tabs.py" line="419"/>
        <source>none</source>
        <translation>不设</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="396"/>
        <source>Carry points over (结转)</source>
        <translation>积分结转</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="397"/>
        <source>Clear points (清零)</source>
        <translation>积分清零</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="398"/>
        <source>Mask names on notice-board lists (张*)</source>
        <translation>公示名单中隐去姓名（如 张*）</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="405"/>
        <source>off</source>
        <translation>不计分</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="406"/>
        <source> points per hour</source>
        <translation> 分/小时</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="409"/>
        <source>Round down</source>
        <translation>向下取整</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="410"/>
        <source>Round to nearest</source>
        <translation>四舍五入</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="411"/>
        <source>Round up</source>
        <translation>向上取整</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="421"/>
        <source>Kiosk activities</source>
        <translation>签到活动</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="422"/>
        <source>Hours entered by hand</source>
        <translation>手工补录时长</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="423"/>
        <source>四单 service orders</source>
        <translation>四单服务</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="432"/>
        <source>The resident&apos;s household</source>
        <translation>所在家庭户</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="433"/>
        <source>The volunteer&apos;s own account</source>
        <translation>志愿者个人账户</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="435"/>
        <source>A volunteer from outside the village always earns on an own account.</source>
        <translation>村外志愿者的积分始终记入其个人账户。</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="438"/>
        <source>Save settings</source>
        <translation>保存设置</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="443"/>
        <location filename="../../app/views/points/tabs.py" line="502"/>
        <source>Period:</source>
        <translation>积分周期：</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="444"/>
        <source>Base score at period start:</source>
        <translation>期初基础分：</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="445"/>
        <source>Pass line to redeem:</source>
        <translation>兑换及格线：</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="446"/>
        <source>Minimum balance to redeem:</source>
        <translation>兑换最低余额：</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="447"/>
        <source>At period end:</source>
        <translation>期末处理：</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="449"/>
        <source>Annual rating tiers:</source>
        <translation>年度评定称号：</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="450"/>
        <source>&lt;b&gt;Volunteer points bank (积分银行)&lt;/b&gt;</source>
        <translation>&lt;b&gt;志愿者积分银行&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="451"/>
        <source>Approved service earns:</source>
        <translation>审核通过的服务时长计：</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="452"/>
        <source>Hours × points are:</source>
        <translation>时长 × 分值：</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="453"/>
        <source>Cap per activity:</source>
        <translation>每次活动上限：</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="454"/>
        <source>Cap per period:</source>
        <translation>每周期上限：</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="455"/>
        <source>Service that counts:</source>
        <translation>计分的服务：</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="456"/>
        <source>A resident volunteer&apos;s points go to:</source>
        <translation>本村志愿者的积分记入：</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="468"/>
        <source>&amp;Open current period</source>
        <translation>开启本期(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="469"/>
        <source>&amp;Publicize (公示)…</source>
        <translation>公示(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="470"/>
        <source>Print 公示 &amp;list</source>
        <translation>打印公示名单(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="471"/>
        <source>&amp;Finalize…</source>
        <translation>确认(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="477"/>
        <source>Periods</source>
        <translation>积分周期</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="483"/>
        <source>Rankings for the notice board</source>
        <translation>公示栏榜单</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="492"/>
        <source>top </source>
        <translation>前 </translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="493"/>
        <source> places</source>
        <translation> 名</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="494"/>
        <source>How many households the 积分榜 and the 红榜/黑榜 list</source>
        <translation>积分榜、红榜/黑榜列出的户数</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="495"/>
        <source>积分榜 PDF</source>
        <translation>积分榜 PDF</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="498"/>
        <source>红黑榜 PDF</source>
        <translation>红黑榜 PDF</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="518"/>
        <source>积分榜 Excel…</source>
        <translation>积分榜 Excel…</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="525"/>
        <source>Annual household ratings (星级文明户 / 文明信用户)</source>
        <translation>年度评星（星级文明户/文明信用户）</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="530"/>
        <source>Show</source>
        <translation>查看</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="533"/>
        <source>Apply to households</source>
        <translation>写入各户</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="537"/>
        <source>List PDF</source>
        <translation>名单 PDF</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="629"/>
        <source>Finish period {period} (publicize and finalize it) first.</source>
        <translation>请先完成周期 {period}（公示并结束）。</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="635"/>
        <source>Period {period} is already opened ({state}).</source>
        <translation>周期 {period} 已开启（{state}）。</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="640"/>
        <source>Only an administrator opens a period.</source>
        <translation>只有管理员可以开启周期。</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="642"/>
        <source>Open period {period} now.</source>
        <translation>现在开启周期 {period}。</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="681"/>
        <source>Points settings saved.</source>
        <translation>积分设置已保存。</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="695"/>
        <source>Choose a period in the list first.</source>
        <translation>请先在列表中选择一个周期。</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="706"/>
        <source>Open period {period}?</source>
        <translation>要开启 {period} 期吗？</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/points/tabs.py" line="709"/>
        <source>Every household gets the base score of %n points.</source>
        <translation>
            <numerusform>每户将获得 %n 分基础分。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="711"/>
        <source>Open a period</source>
        <translation>开启周期</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="719"/>
        <source>Period {period} opened.</source>
        <translation>{period} 期已开启。</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="734"/>
        <source>Publicize</source>
        <translation>公示</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="736"/>
        <source>Post the standings of {period} (公示)? Objections are then settled by adjustments before the period is finalized.</source>
        <translation>要公示 {period} 期的积分吗？公示期间如有异议，可在确认前通过调整积分处理。</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="743"/>
        <source>Period {period} is publicized.</source>
        <translation>{period} 期已公示。</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="769"/>
        <source>公示 list {period}</source>
        <translation>{period} 期公示名单</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="781"/>
        <source>Every balance is then cleared to 0 (清零), written as ledger entries.</source>
        <translation>确认后所有余额清零，并记入积分明细。</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="783"/>
        <source>Balances are carried over to the next period.</source>
        <translation>余额将结转到下一期。</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="787"/>
        <source>Finalize</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="788"/>
        <source>Finalize {period}? Its points can no longer change.</source>
        <translation>要确认 {period} 期吗？确认后积分不能再修改。</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="800"/>
        <source>Period {period} is finalized.</source>
        <translation>{period} 期已确认。</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="808"/>
        <source>红黑榜 {period}</source>
        <translation>{period} 红黑榜</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="808"/>
        <source>积分榜 {period}</source>
        <translation>{period} 积分榜</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="817"/>
        <location filename="../../app/views/points/tabs.py" line="890"/>
        <source>Making the PDF…</source>
        <translation>正在生成 PDF…</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="851"/>
        <source>no household reaches a tier</source>
        <translation>没有户达到任何等级</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="854"/>
        <source>{year}: {summary}.</source>
        <translation>{year} 年：{summary}。</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="869"/>
        <source>The ratings were stored on the households.</source>
        <translation>评定结果已写入各户档案。</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="887"/>
        <location filename="../../app/views/points/tabs.py" line="891"/>
        <source>Ratings {year}</source>
        <translation>{year} 年度评定</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <location filename="../../app/views/main_window.py" line="75"/>
        <source>This part is not built yet; it comes in a later version.</source>
        <translation>这部分功能尚未完成，将在以后的版本中提供。</translation>
    </message>
</context>
<context>
    <name>PublishPage</name>
    <message>
        <location filename="../../app/views/township/publish_page.py" line="44"/>
        <source>The config package carries the township&apos;s rules (points, volunteers) and each station&apos;s acknowledged sync sequence. Write it to a USB stick and import it at every station on its Sync page.</source>
        <translation>配置包包含乡镇的规则（积分、志愿服务）和各站点已确认的同步序号。请写入U盘，再到每个站点的“同步”页面导入。</translation>
    </message>
    <message>
        <location filename="../../app/views/township/publish_page.py" line="53"/>
        <source>Publish config</source>
        <translation>配置下发</translation>
    </message>
    <message>
        <location filename="../../app/views/township/publish_page.py" line="61"/>
        <source>Write the config package…</source>
        <translation>写出配置包…</translation>
    </message>
    <message>
        <location filename="../../app/views/township/publish_page.py" line="62"/>
        <source>Service &amp;menu…</source>
        <translation>服务菜单(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../app/views/township/publish_page.py" line="67"/>
        <source>The township&apos;s enrolment file</source>
        <translation>乡镇登记文件</translation>
    </message>
    <message>
        <location filename="../../app/views/township/publish_page.py" line="70"/>
        <source>Each station enrols the township once, before its first config package: give it this enrolment file and read this fingerprint out on the phone.</source>
        <translation>各站点在导入第一个配置包之前须登记一次本乡镇：把这个登记文件交给站点，并在电话里把下面的指纹念给对方核对。</translation>
    </message>
    <message>
        <location filename="../../app/views/township/publish_page.py" line="84"/>
        <source>Write the enrolment file…</source>
        <translation>生成登记文件…</translation>
    </message>
    <message>
        <location filename="../../app/views/township/publish_page.py" line="103"/>
        <location filename="../../app/views/township/publish_page.py" line="149"/>
        <source>Choose the folder or USB stick</source>
        <translation>选择文件夹或U盘</translation>
    </message>
    <message>
        <location filename="../../app/views/township/publish_page.py" line="126"/>
        <source>Config version {version} for {stations} stations was written to {file}.</source>
        <translation>第 {version} 版配置（{stations} 个站点）已写入 {file}。</translation>
    </message>
    <message>
        <location filename="../../app/views/township/publish_page.py" line="171"/>
        <source>The enrolment file {name} was written to {folder}. Take it to the stations and read the fingerprint above out to them.</source>
        <translation>登记文件 {name} 已写入 {folder}。请把它带到各站点，并把上面的指纹念给他们核对。</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../app/translations.py" line="27"/>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../app/translations.py" line="28"/>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message>
        <location filename="../../app/translations.py" line="29"/>
        <source>Page &amp;Set:</source>
        <translation>页面集(&amp;S)：</translation>
    </message>
</context>
<context>
    <name>QuarantineDialog</name>
    <message>
        <location filename="../../app/views/township/stations_page.py" line="221"/>
        <source>Quarantined rows of {code}</source>
        <translation>{code} 的隔离记录</translation>
    </message>
    <message>
        <location filename="../../app/views/township/stations_page.py" line="225"/>
        <source>These rows from {name} were not applied: they clash with what the township already holds. Ask the station what happened (a restore from a backup, an edited file) before anything else is done.</source>
        <translation>来自{name}的这些记录没有合并：它们与实践所已有的数据冲突。请先向站点了解情况（是否从备份恢复过、文件是否被改动），再做其他处理。</translation>
    </message>
</context>
<context>
    <name>QuarantineModel</name>
    <message>
        <location filename="../../app/views/township/stations_page.py" line="179"/>
        <source>Held at</source>
        <translation>隔离时间</translation>
    </message>
    <message>
        <location filename="../../app/views/township/stations_page.py" line="179"/>
        <source>Kind of record</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <location filename="../../app/views/township/stations_page.py" line="179"/>
        <source>Row</source>
        <translation>记录编号</translation>
    </message>
    <message>
        <location filename="../../app/views/township/stations_page.py" line="179"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../app/views/township/stations_page.py" line="183"/>
        <source>Other record</source>
        <translation>其他记录</translation>
    </message>
    <message>
        <location filename="../../app/views/township/stations_page.py" line="188"/>
        <source>The audit chain forks here</source>
        <translation>审计链在此分叉</translation>
    </message>
    <message>
        <location filename="../../app/views/township/stations_page.py" line="189"/>
        <source>The id belongs to another station</source>
        <translation>该编号属于另一个站点</translation>
    </message>
    <message>
        <location filename="../../app/views/township/stations_page.py" line="191"/>
        <source>A ledger entry with this id holds something else</source>
        <translation>同一编号的台账记录内容不同</translation>
    </message>
    <message>
        <location filename="../../app/views/township/stations_page.py" line="194"/>
        <source>The same version of this record holds something else</source>
        <translation>同一版本的记录内容不同</translation>
    </message>
    <message>
        <location filename="../../app/views/township/stations_page.py" line="200"/>
        <source>Clashes with a record the township already holds</source>
        <translation>与实践所已有的记录冲突</translation>
    </message>
    <message>
        <location filename="../../app/views/township/stations_page.py" line="201"/>
        <source>Held back for checking</source>
        <translation>暂扣待查</translation>
    </message>
</context>
<context>
    <name>QuotaPanel</name>
    <message>
        <location filename="../../app/views/activities/page.py" line="507"/>
        <source>Activities:</source>
        <translation>活动：</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/page.py" line="509"/>
        <source>理论宣讲:</source>
        <translation>理论宣讲：</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/page.py" line="516"/>
        <source>Monthly quota {month}</source>
        <translation>{month} 月度任务</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/page.py" line="523"/>
        <source>{done} of {target}</source>
        <translation>{done}/{target}</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/page.py" line="532"/>
        <source>Quota met for {month}.</source>
        <translation>{month} 月度任务已完成。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/activities/page.py" line="538"/>
        <source>%n more activities</source>
        <translation>
            <numerusform>%n 场活动</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/activities/page.py" line="542"/>
        <source>{n} more {name}</source>
        <translation>{n} 场{name}</translation>
    </message>
    <message>
        <location filename="../../app/views/activities/page.py" line="547"/>
        <source>Still to plan this month: {missing}.</source>
        <translation>本月还需安排：{missing}。</translation>
    </message>
</context>
<context>
    <name>RateDialog</name>
    <message>
        <location filename="../../app/views/orders/page.py" line="515"/>
        <source>The resident&apos;s rating</source>
        <translation>群众评单</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="525"/>
        <source>&amp;Stars:</source>
        <translation>星级(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="526"/>
        <source>&amp;Comment:</source>
        <translation>意见(&amp;C)：</translation>
    </message>
</context>
<context>
    <name>RatingsModel</name>
    <message>
        <location filename="../../app/views/points/tabs.py" line="121"/>
        <source>No.</source>
        <translation>户号</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="122"/>
        <source>Head</source>
        <translation>户主</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="123"/>
        <source>Group</source>
        <translation>村民小组</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="124"/>
        <source>Annual score</source>
        <translation>年度积分</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="125"/>
        <source>Rating</source>
        <translation>评定等级</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../app/views/orders/page.py" line="556"/>
        <source>Reject the order</source>
        <translation>拒单</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="556"/>
        <source>Back to pending</source>
        <translation>退回待处理</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/page.py" line="563"/>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
</context>
<context>
    <name>RecentImportsModel</name>
    <message>
        <location filename="../../app/views/township/home_page.py" line="102"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../app/views/township/home_page.py" line="102"/>
        <source>Station</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../app/views/township/home_page.py" line="102"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../app/views/township/home_page.py" line="102"/>
        <source>Imported at</source>
        <translation>导入时间</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/township/home_page.py" line="110"/>
        <source>Imported: %n rows, changes {a}–{b}</source>
        <translation>
            <numerusform>已导入 %n 条数据（序号 {a}–{b}）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecentModel</name>
    <message>
        <location filename="../../app/views/kiosk/window.py" line="207"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../app/views/kiosk/window.py" line="207"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../app/views/kiosk/window.py" line="207"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../app/views/kiosk/window.py" line="216"/>
        <source>[annulled] {text}</source>
        <translation>[已撤销] {text}</translation>
    </message>
</context>
<context>
    <name>RecordsModel</name>
    <message>
        <location filename="../../app/views/volunteers/hours_page.py" line="92"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/hours_page.py" line="93"/>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/hours_page.py" line="94"/>
        <source>Activity / service</source>
        <translation>活动/服务内容</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/hours_page.py" line="95"/>
        <source>Hours</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/hours_page.py" line="96"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/hours_page.py" line="97"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/hours_page.py" line="98"/>
        <source>Check</source>
        <translation>需核实</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/hours_page.py" line="111"/>
        <source>{now} (was {was})</source>
        <translation>{now}（原 {was}）</translation>
    </message>
</context>
<context>
    <name>RegisterModel</name>
    <message>
        <location filename="../../app/views/volunteers/certificates_page.py" line="83"/>
        <source>Certificate No.</source>
        <translation>证明编号</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/certificates_page.py" line="84"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/certificates_page.py" line="85"/>
        <source>Issued</source>
        <translation>开具日期</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/certificates_page.py" line="86"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/certificates_page.py" line="87"/>
        <source>Volunteer No.</source>
        <translation>志愿者编号</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/certificates_page.py" line="88"/>
        <source>Period</source>
        <translation>时间段</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/certificates_page.py" line="89"/>
        <source>Hours</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/certificates_page.py" line="90"/>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/certificates_page.py" line="91"/>
        <source>Copies</source>
        <translation>副本数</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/certificates_page.py" line="92"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/certificates_page.py" line="117"/>
        <source>Voided: {reason}</source>
        <translation>已作废：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/certificates_page.py" line="118"/>
        <source>Valid</source>
        <translation>有效</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../app/views/reports/page.py" line="143"/>
        <source>Monthly report</source>
        <translation>月报</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/page.py" line="143"/>
        <source>Quarterly report</source>
        <translation>季报</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/page.py" line="143"/>
        <source>Annual report</source>
        <translation>年报</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/page.py" line="155"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/page.py" line="157"/>
        <source>&amp;Kind:</source>
        <translation>报表类型(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/page.py" line="159"/>
        <source>&amp;Period:</source>
        <translation>期间(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/page.py" line="169"/>
        <source>Preview (PDF)</source>
        <translation>预览 (PDF)</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/page.py" line="170"/>
        <source>Save as Excel…</source>
        <translation>保存为 Excel…</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/page.py" line="171"/>
        <source>Submit to the township…</source>
        <translation>报送乡镇…</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/page.py" line="172"/>
        <source>Activity record book (PDF)…</source>
        <translation>活动台账 (PDF)…</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/page.py" line="177"/>
        <source>Submitted versions:</source>
        <translation>已报送的版本：</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/page.py" line="179"/>
        <source>No report has been submitted yet.</source>
        <translation>尚未报送任何报表。</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/page.py" line="232"/>
        <source>Save the report as Excel</source>
        <translation>将报表保存为 Excel</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/page.py" line="233"/>
        <source>Report {period}.xlsx</source>
        <translation>报表 {period}.xlsx</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/page.py" line="234"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/page.py" line="245"/>
        <source>The report was saved as {file}.</source>
        <translation>报表已保存为 {file}。</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/page.py" line="258"/>
        <source>Save the activity record book</source>
        <translation>保存活动台账</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/page.py" line="259"/>
        <source>Activity record book {period}.pdf</source>
        <translation>活动台账 {period}.pdf</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/page.py" line="260"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/page.py" line="277"/>
        <source>Activity record book</source>
        <translation>活动台账</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/page.py" line="283"/>
        <source>Binding the activities…</source>
        <translation>正在装订活动…</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/page.py" line="284"/>
        <source>Activity {done} of {total}</source>
        <translation>第 {done} 项活动，共 {total} 项</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/page.py" line="288"/>
        <source>The record book was saved as {file}.</source>
        <translation>活动台账已保存为 {file}。</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/page.py" line="291"/>
        <source>The record book was not saved.</source>
        <translation>活动台账未保存。</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/page.py" line="303"/>
        <source>Submit the report</source>
        <translation>报送报表</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/page.py" line="305"/>
        <source>Submit the report for {period} to the township?

Its figures are frozen as they are now (version {version}) and go with the next sync file.</source>
        <translation>将 {period} 的报表报送乡镇？

报表数字按现在的样子固定下来（第 {version} 版），随下一个同步文件上报。</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/page.py" line="324"/>
        <source>Submitted as {number}; it goes with the next sync file.</source>
        <translation>已报送，编号 {number}；将随下一个同步文件上报。</translation>
    </message>
</context>
<context>
    <name>ResidentPicker</name>
    <message>
        <location filename="../../app/views/resident_picker.py" line="48"/>
        <source>Choose a resident</source>
        <translation>选择本村居民</translation>
    </message>
    <message>
        <location filename="../../app/views/resident_picker.py" line="54"/>
        <source>Name or pinyin initials (zs)</source>
        <translation>姓名或拼音首字母(zs)</translation>
    </message>
    <message>
        <location filename="../../app/views/resident_picker.py" line="94"/>
        <source>No resident matches.</source>
        <translation>没有找到符合的居民。</translation>
    </message>
    <message>
        <location filename="../../app/views/resident_picker.py" line="99"/>
        <source>Choose a resident in the list.</source>
        <translation>请在列表中选择一位居民。</translation>
    </message>
</context>
<context>
    <name>ResidentsModel</name>
    <message>
        <location filename="../../app/views/resident_picker.py" line="29"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../app/views/resident_picker.py" line="30"/>
        <source>Household</source>
        <translation>户号</translation>
    </message>
    <message>
        <location filename="../../app/views/resident_picker.py" line="31"/>
        <source>Relation</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <location filename="../../app/views/resident_picker.py" line="32"/>
        <source>Born</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../app/views/resident_picker.py" line="33"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
</context>
<context>
    <name>RosterImportDialog</name>
    <message>
        <location filename="../../app/views/roster_import_dialog.py" line="71"/>
        <source>Household number (户号)</source>
        <translation>户号</translation>
    </message>
    <message>
        <location filename="../../app/views/roster_import_dialog.py" line="72"/>
        <source>Name (姓名) *</source>
        <translation>姓名 *</translation>
    </message>
    <message>
        <location filename="../../app/views/roster_import_dialog.py" line="73"/>
        <source>Relation (与户主关系)</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <location filename="../../app/views/roster_import_dialog.py" line="74"/>
        <source>ID number (身份证号)</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../app/views/roster_import_dialog.py" line="75"/>
        <source>Phone (联系电话)</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../app/views/roster_import_dialog.py" line="76"/>
        <source>Village group (村民小组)</source>
        <translation>村民小组</translation>
    </message>
    <message>
        <location filename="../../app/views/roster_import_dialog.py" line="77"/>
        <source>Address (住址)</source>
        <translation>住址</translation>
    </message>
    <message>
        <location filename="../../app/views/roster_import_dialog.py" line="78"/>
        <source>Sex (性别)</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../app/views/roster_import_dialog.py" line="79"/>
        <source>Birth date (出生日期)</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../app/views/roster_import_dialog.py" line="80"/>
        <source>ID type (证件类型)</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <location filename="../../app/views/roster_import_dialog.py" line="81"/>
        <source>Skills (技能特长)</source>
        <translation>技能特长</translation>
    </message>
    <message>
        <location filename="../../app/views/roster_import_dialog.py" line="82"/>
        <source>Service categories (服务类别)</source>
        <translation>服务类别</translation>
    </message>
    <message>
        <location filename="../../app/views/roster_import_dialog.py" line="83"/>
        <source>Teams (志愿服务队)</source>
        <translation>志愿服务队</translation>
    </message>
    <message>
        <location filename="../../app/views/roster_import_dialog.py" line="183"/>
        <source>Import volunteers from Excel</source>
        <translation>从 Excel 导入志愿者</translation>
    </message>
    <message>
        <location filename="../../app/views/roster_import_dialog.py" line="185"/>
        <source>Import a roster from Excel</source>
        <translation>从 Excel 导入花名册</translation>
    </message>
    <message>
        <location filename="../../app/views/roster_import_dialog.py" line="194"/>
        <source>No file chosen.</source>
        <translation>尚未选择文件。</translation>
    </message>
    <message>
        <location filename="../../app/views/roster_import_dialog.py" line="196"/>
        <source>&amp;Choose file…</source>
        <translation>选择文件(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../app/views/roster_import_dialog.py" line="205"/>
        <source>Sheet:</source>
        <translation>工作表：</translation>
    </message>
    <message>
        <location filename="../../app/views/roster_import_dialog.py" line="208"/>
        <source>Which column holds what</source>
        <translation>各列对应的内容</translation>
    </message>
    <message>
        <location filename="../../app/views/roster_import_dialog.py" line="218"/>
        <source>Groups must already exist at the station</source>
        <translation>村民小组必须已在本站建立</translation>
    </message>
    <message>
        <location filename="../../app/views/roster_import_dialog.py" line="220"/>
        <source>C&amp;heck rows</source>
        <translation>检查各行(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../app/views/roster_import_dialog.py" line="242"/>
        <source>Show only rows with problems</source>
        <translation>只显示有问题的行</translation>
    </message>
    <message>
        <location filename="../../app/views/roster_import_dialog.py" line="255"/>
        <location filename="../../app/views/roster_import_dialog.py" line="406"/>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../app/views/roster_import_dialog.py" line="296"/>
        <source>Choose the roster</source>
        <translation>选择花名册</translation>
    </message>
    <message>
        <location filename="../../app/views/roster_import_dialog.py" line="296"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../app/views/roster_import_dialog.py" line="342"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/roster_import_dialog.py" line="347"/>
        <source>%n rows below the header on row {header}.</source>
        <translation>
            <numerusform>表头在第 {header} 行，其下共 %n 行。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/roster_import_dialog.py" line="406"/>
        <source>&amp;Import %n rows</source>
        <translation>
            <numerusform>导入 %n 行(&amp;I)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/roster_import_dialog.py" line="416"/>
        <source>Import %n rows now?</source>
        <translation>
            <numerusform>现在导入这 %n 行吗？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/roster_import_dialog.py" line="418"/>
        <source>%n rows with problems will be left out.</source>
        <translation>
            <numerusform>有问题的 %n 行将不导入。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/roster_import_dialog.py" line="431"/>
        <source>Imported {done} of {total}…</source>
        <translation>已导入 {done}/{total}…</translation>
    </message>
    <message>
        <location filename="../../app/views/roster_import_dialog.py" line="445"/>
        <source>Import stopped. What was written before stays; importing the same file again shows those rows as already there.</source>
        <translation>导入已停止。此前已写入的数据保留；再次导入同一文件时，这些行会显示为已存在。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/roster_import_dialog.py" line="462"/>
        <source>Imported: %n volunteers, numbers {first} to {last}.</source>
        <translation>
            <numerusform>已导入 %n 名志愿者，编号 {first} 至 {last}。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/roster_import_dialog.py" line="392"/>
        <source>{good} rows can be imported; {bad} rows have problems (listed in red).</source>
        <translation>{good} 行可以导入；{bad} 行有问题（红色标出）。</translation>
    </message>
    <message>
        <location filename="../../app/views/roster_import_dialog.py" line="422"/>
        <location filename="../../app/views/roster_import_dialog.py" line="430"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../app/views/roster_import_dialog.py" line="466"/>
        <source>Imported: {households} new households, {members} residents.</source>
        <translation>导入完成：新增 {households} 户，{members} 位居民。</translation>
    </message>
</context>
<context>
    <name>RowsModel</name>
    <message>
        <location filename="../../app/views/roster_import_dialog.py" line="123"/>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../app/views/roster_import_dialog.py" line="122"/>
        <source>Household</source>
        <translation>户号</translation>
    </message>
    <message>
        <location filename="../../app/views/roster_import_dialog.py" line="122"/>
        <source>Teams</source>
        <translation>所在队伍</translation>
    </message>
    <message>
        <location filename="../../app/views/roster_import_dialog.py" line="123"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../app/views/roster_import_dialog.py" line="123"/>
        <source>Result</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <location filename="../../app/views/roster_import_dialog.py" line="137"/>
        <source>OK</source>
        <translation>正常</translation>
    </message>
</context>
<context>
    <name>RuleDialog</name>
    <message>
        <location filename="../../app/views/points/tabs.py" line="232"/>
        <source>Edit rule</source>
        <translation>编辑积分项</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="232"/>
        <source>New rule</source>
        <translation>新增积分项</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="247"/>
        <source>no cap</source>
        <translation>不设上限</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="253"/>
        <source>&amp;Code:</source>
        <translation>编码(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="254"/>
        <source>C&amp;ategory:</source>
        <translation>类别(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="255"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="256"/>
        <source>&amp;Points (+ award, − deduction):</source>
        <translation>分值（+ 加分，− 扣分）(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="257"/>
        <source>&amp;Unit:</source>
        <translation>计分单位(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="258"/>
        <source>Cap per peri&amp;od:</source>
        <translation>每周期上限(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="259"/>
        <source>&amp;Sort order:</source>
        <translation>排序(&amp;S)：</translation>
    </message>
</context>
<context>
    <name>RulesModel</name>
    <message>
        <location filename="../../app/views/points/tabs.py" line="72"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="73"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="74"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="75"/>
        <source>Points</source>
        <translation>分值</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="76"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="77"/>
        <source>Cap per period</source>
        <translation>每周期上限</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="78"/>
        <source>In use</source>
        <translation>在用</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="89"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="89"/>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>RulesTab</name>
    <message>
        <location filename="../../app/views/points/tabs.py" line="288"/>
        <source>Show rules no longer in use</source>
        <translation>显示已停用的积分项</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="297"/>
        <source>&amp;New rule…</source>
        <translation>新增积分项(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="298"/>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="299"/>
        <source>Stop / resume using</source>
        <translation>停用/启用</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="324"/>
        <source>Choose a rule in the list first.</source>
        <translation>请先在列表中选择一个积分项。</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="334"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../app/views/settings_page.py" line="404"/>
        <source>Station</source>
        <translation>本站信息</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_page.py" line="407"/>
        <source>Operators</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_page.py" line="410"/>
        <source>Backup &amp;&amp; restore</source>
        <translation>备份与恢复</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_page.py" line="413"/>
        <source>Audit log</source>
        <translation>操作日志</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_page.py" line="417"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_page.py" line="419"/>
        <source>Interface</source>
        <translation>界面</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_page.py" line="421"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>SlipsModel</name>
    <message>
        <location filename="../../app/views/supermarket/counter.py" line="189"/>
        <source>Slip No.</source>
        <translation>兑换单号</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/counter.py" line="189"/>
        <source>Household</source>
        <translation>户号/户主</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/counter.py" line="189"/>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/counter.py" line="189"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/counter.py" line="199"/>
        <source>Voided</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/counter.py" line="200"/>
        <source>Printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/counter.py" line="200"/>
        <source>Not printed</source>
        <translation>未打印</translation>
    </message>
</context>
<context>
    <name>StarThresholds</name>
    <message>
        <location filename="../../app/views/volunteers/policy.py" line="61"/>
        <source>Stars</source>
        <translation>星级</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/policy.py" line="61"/>
        <source>Approved hours</source>
        <translation>审核通过的时长</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/policy.py" line="66"/>
        <source>Add level</source>
        <translation>添加星级</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/policy.py" line="69"/>
        <source>Remove the last level</source>
        <translation>删除最后一级</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/policy.py" line="101"/>
        <source> h</source>
        <translation> 小时</translation>
    </message>
</context>
<context>
    <name>StarsModel</name>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="299"/>
        <source>Station code</source>
        <translation>站点编码</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="300"/>
        <source>Station</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="301"/>
        <source>1 star</source>
        <translation>一星</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="302"/>
        <source>2 stars</source>
        <translation>二星</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="303"/>
        <source>3 stars</source>
        <translation>三星</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="304"/>
        <source>4 stars</source>
        <translation>四星</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="305"/>
        <source>5 stars</source>
        <translation>五星</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="306"/>
        <source>Star volunteers</source>
        <translation>星级志愿者合计</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="310"/>
        <source>Township total</source>
        <translation>全镇合计</translation>
    </message>
</context>
<context>
    <name>StationFactsForm</name>
    <message>
        <location filename="../../app/views/widgets.py" line="232"/>
        <source>Station &amp;name:</source>
        <translation>站点名称(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../app/views/widgets.py" line="234"/>
        <source>Division &amp;code (12 digits):</source>
        <translation>统计用区划代码（12 位）(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../app/views/widgets.py" line="238"/>
        <source>&amp;Village:</source>
        <translation>村(&amp;V)：</translation>
    </message>
    <message>
        <location filename="../../app/views/widgets.py" line="241"/>
        <source>&amp;Township:</source>
        <translation>乡镇(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../app/views/widgets.py" line="242"/>
        <source>C&amp;ounty:</source>
        <translation>县（市、区）(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../app/views/widgets.py" line="244"/>
        <source>&amp;Person in charge:</source>
        <translation>负责人(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../app/views/widgets.py" line="246"/>
        <source>Contact phon&amp;e:</source>
        <translation>联系电话(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../app/views/widgets.py" line="271"/>
        <source>The division code is valid.</source>
        <translation>统计用区划代码有效。</translation>
    </message>
</context>
<context>
    <name>StationPage</name>
    <message>
        <location filename="../../app/views/wizard.py" line="81"/>
        <source>The station</source>
        <translation>本站信息</translation>
    </message>
    <message>
        <location filename="../../app/views/wizard.py" line="84"/>
        <source>The division code is the 12-digit 统计用区划代码 of your village (ask the township if you are not sure).</source>
        <translation>请填写本村 12 位的统计用区划代码（不清楚的请向乡镇询问）。</translation>
    </message>
</context>
<context>
    <name>StationTab</name>
    <message>
        <location filename="../../app/views/settings_page.py" line="53"/>
        <source>S&amp;ave</source>
        <translation>保存(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_page.py" line="61"/>
        <source>Volunteer &amp;rules…</source>
        <translation>志愿服务规则(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_page.py" line="106"/>
        <source>The volunteer rules were saved.</source>
        <translation>志愿服务规则已保存。</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_page.py" line="113"/>
        <source>The station&apos;s facts were saved.</source>
        <translation>本站信息已保存。</translation>
    </message>
</context>
<context>
    <name>StationsModel</name>
    <message>
        <location filename="../../app/views/township/stations_page.py" line="71"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../app/views/township/stations_page.py" line="72"/>
        <source>Station</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../app/views/township/stations_page.py" line="73"/>
        <source>Last import</source>
        <translation>最近导入</translation>
    </message>
    <message>
        <location filename="../../app/views/township/stations_page.py" line="74"/>
        <source>Days since sync</source>
        <translation>未同步天数</translation>
    </message>
    <message>
        <location filename="../../app/views/township/stations_page.py" line="75"/>
        <source>Acknowledged to</source>
        <translation>已确认序号</translation>
    </message>
    <message>
        <location filename="../../app/views/township/stations_page.py" line="76"/>
        <source>Gaps</source>
        <translation>缺号</translation>
    </message>
    <message>
        <location filename="../../app/views/township/stations_page.py" line="77"/>
        <source>Quarantined</source>
        <translation>隔离记录</translation>
    </message>
    <message>
        <location filename="../../app/views/township/stations_page.py" line="78"/>
        <source>Incarnations</source>
        <translation>实例数</translation>
    </message>
    <message>
        <location filename="../../app/views/township/stations_page.py" line="79"/>
        <source>Audit chain</source>
        <translation>审计链</translation>
    </message>
    <message>
        <location filename="../../app/views/township/stations_page.py" line="95"/>
        <location filename="../../app/views/township/stations_page.py" line="97"/>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../../app/views/township/stations_page.py" line="101"/>
        <source>none</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>StationsPage</name>
    <message>
        <location filename="../../app/views/township/stations_page.py" line="265"/>
        <source>Stations</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../app/views/township/stations_page.py" line="273"/>
        <source>Enrol a station…</source>
        <translation>站点入网…</translation>
    </message>
    <message>
        <location filename="../../app/views/township/stations_page.py" line="274"/>
        <source>Quarantined rows…</source>
        <translation>隔离记录…</translation>
    </message>
    <message>
        <location filename="../../app/views/township/stations_page.py" line="275"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../app/views/township/stations_page.py" line="283"/>
        <source>Red after </source>
        <translation>超过 </translation>
    </message>
    <message>
        <location filename="../../app/views/township/stations_page.py" line="284"/>
        <source> days without sync</source>
        <translation> 天未同步标红</translation>
    </message>
    <message>
        <location filename="../../app/views/township/stations_page.py" line="286"/>
        <source>Days without sync before a station is red</source>
        <translation>站点多少天未同步后标红</translation>
    </message>
    <message>
        <location filename="../../app/views/township/stations_page.py" line="293"/>
        <source>No station is enrolled yet. Enrol each station from its enrolment file.</source>
        <translation>还没有站点入网。请用各站点的入网文件为其办理入网。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/township/stations_page.py" line="325"/>
        <source>%n stations enrolled.</source>
        <translation>
            <numerusform>已入网站点 %n 个。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/township/stations_page.py" line="327"/>
        <source>Days since sync turn red after {days} days (%n stations now).</source>
        <translation>
            <numerusform>超过 {days} 天未同步的显示为红色（现有 %n 个）。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/township/stations_page.py" line="330"/>
        <source>{enrolled} {rule}</source>
        <comment>two sentences</comment>
        <translation>{enrolled}{rule}</translation>
    </message>
    <message>
        <location filename="../../app/views/township/stations_page.py" line="357"/>
        <source>Choose the station&apos;s enrolment file</source>
        <translation>选择站点的入网文件</translation>
    </message>
    <message>
        <location filename="../../app/views/township/stations_page.py" line="357"/>
        <source>Enrolment files (*)</source>
        <translation>入网文件 (*)</translation>
    </message>
    <message>
        <location filename="../../app/views/township/stations_page.py" line="392"/>
        <source>Station {name} ({code}) is enrolled.</source>
        <translation>站点 {name}（{code}）已入网。</translation>
    </message>
    <message>
        <location filename="../../app/views/township/stations_page.py" line="403"/>
        <source>Choose a station first.</source>
        <translation>请先选择一个站点。</translation>
    </message>
</context>
<context>
    <name>StockDialog</name>
    <message>
        <location filename="../../app/views/supermarket/page.py" line="333"/>
        <source>Receive stock: {name}</source>
        <translation>入库：{name}</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/page.py" line="334"/>
        <source>Record damage: {name}</source>
        <translation>登记报损：{name}</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/page.py" line="335"/>
        <source>Stocktake: {name}</source>
        <translation>盘点：{name}</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/page.py" line="344"/>
        <source>Empty for a purchase</source>
        <translation>采购入库请留空</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/page.py" line="348"/>
        <source>In stock now:</source>
        <translation>当前库存：</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/page.py" line="350"/>
        <source>&amp;Quantity received:</source>
        <translation>入库数量(&amp;Q)：</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/page.py" line="351"/>
        <source>&amp;Donor (爱心企业/人士):</source>
        <translation>捐赠方（爱心企业/人士）(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/page.py" line="352"/>
        <source>&amp;Invoice / reference:</source>
        <translation>发票/单据号(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/page.py" line="354"/>
        <source>&amp;Quantity damaged:</source>
        <translation>报损数量(&amp;Q)：</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/page.py" line="355"/>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/page.py" line="357"/>
        <source>&amp;Counted quantity:</source>
        <translation>实盘数量(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/page.py" line="358"/>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
</context>
<context>
    <name>StockModel</name>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="197"/>
        <source>Station code</source>
        <translation>站点编码</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="198"/>
        <source>Station</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="199"/>
        <source>Goods in stock</source>
        <translation>在库商品种类</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="200"/>
        <source>Units in stock</source>
        <translation>在库数量</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="201"/>
        <source>Value (points)</source>
        <translation>库存价值(积分)</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="202"/>
        <source>At or below warning level</source>
        <translation>低于预警商品数</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="203"/>
        <source>Goods at or below their warning level</source>
        <translation>低于预警的商品</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="209"/>
        <source>Township total</source>
        <translation>全镇合计</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="214"/>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>SubRecordDialog</name>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="568"/>
        <source>Training of {name}</source>
        <translation>{name} 的培训记录</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="569"/>
        <source>Award of {name}</source>
        <translation>{name} 的表彰奖励</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="570"/>
        <source>Evaluation of {name}</source>
        <translation>{name} 的考评记录</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="588"/>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="595"/>
        <location filename="../../app/views/volunteers/dialogs.py" line="602"/>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="596"/>
        <location filename="../../app/views/volunteers/dialogs.py" line="603"/>
        <source>&amp;Title:</source>
        <translation>名称(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="597"/>
        <source>Organised &amp;by:</source>
        <translation>组织单位(&amp;B)：</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="598"/>
        <source>&amp;Length:</source>
        <translation>时长(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="599"/>
        <location filename="../../app/views/volunteers/dialogs.py" line="606"/>
        <source>N&amp;ote:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="604"/>
        <source>&amp;Level:</source>
        <translation>级别(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="605"/>
        <source>&amp;Issued by:</source>
        <translation>授予单位(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="609"/>
        <source>2026, 2026-Q2 or 2026-05</source>
        <translation>如 2026、2026-Q2 或 2026-05</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="610"/>
        <source>&amp;Period:</source>
        <translation>考评期(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="611"/>
        <source>&amp;Rating:</source>
        <translation>评价(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="612"/>
        <source>&amp;Comment:</source>
        <translation>评语(&amp;C)：</translation>
    </message>
</context>
<context>
    <name>SubmittedModel</name>
    <message>
        <location filename="../../app/views/reports/page.py" line="78"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/page.py" line="79"/>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/page.py" line="80"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/page.py" line="81"/>
        <source>Submitted at</source>
        <translation>报送时间</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/page.py" line="82"/>
        <source>By</source>
        <translation>报送人</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/page.py" line="83"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/page.py" line="84"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/page.py" line="86"/>
        <source>Station</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/page.py" line="95"/>
        <source>Submitted</source>
        <translation>已报送</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/page.py" line="96"/>
        <source>Approved</source>
        <translation>已审核</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/page.py" line="97"/>
        <source>Returned</source>
        <translation>退回</translation>
    </message>
</context>
<context>
    <name>SubmittedReportsPage</name>
    <message>
        <location filename="../../app/views/reports/page.py" line="356"/>
        <source>Submitted reports</source>
        <translation>各站报送的报表</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/page.py" line="362"/>
        <source>Preview (PDF)</source>
        <translation>预览 (PDF)</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/page.py" line="363"/>
        <source>Approve</source>
        <translation>审核通过</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/page.py" line="364"/>
        <source>Return…</source>
        <translation>退回…</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/page.py" line="365"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/page.py" line="371"/>
        <source>No station has submitted a report yet.</source>
        <translation>尚无站点报送报表。</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/page.py" line="388"/>
        <source>Choose a report first.</source>
        <translation>请先选择一份报表。</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/page.py" line="414"/>
        <source>Return the report</source>
        <translation>退回报表</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/page.py" line="414"/>
        <source>Reason for returning it:</source>
        <translation>退回原因：</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <location filename="../../app/views/wizard.py" line="176"/>
        <source>Check and set up</source>
        <translation>核对并完成设置</translation>
    </message>
    <message>
        <location filename="../../app/views/wizard.py" line="177"/>
        <source>Please check the facts. You can go back to change them.</source>
        <translation>请核对以下信息。如需修改，可以返回上一步。</translation>
    </message>
    <message>
        <location filename="../../app/views/wizard.py" line="179"/>
        <source>&amp;Set up the station</source>
        <translation>完成设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../app/views/wizard.py" line="197"/>
        <source>Village station</source>
        <translation>村级实践站</translation>
    </message>
    <message>
        <location filename="../../app/views/wizard.py" line="199"/>
        <source>Township office</source>
        <translation>乡镇实践所</translation>
    </message>
    <message>
        <location filename="../../app/views/wizard.py" line="202"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../app/views/wizard.py" line="203"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../app/views/wizard.py" line="204"/>
        <source>Division code</source>
        <translation>统计用区划代码</translation>
    </message>
    <message>
        <location filename="../../app/views/wizard.py" line="207"/>
        <source>Village</source>
        <translation>村</translation>
    </message>
    <message>
        <location filename="../../app/views/wizard.py" line="209"/>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <location filename="../../app/views/wizard.py" line="210"/>
        <source>County</source>
        <translation>县（市、区）</translation>
    </message>
    <message>
        <location filename="../../app/views/wizard.py" line="211"/>
        <source>Person in charge</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../app/views/wizard.py" line="212"/>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../app/views/wizard.py" line="213"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../app/views/wizard.py" line="233"/>
        <source>Setting up the station and making its keys…</source>
        <translation>正在设置本站并生成密钥…</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="342"/>
        <source>Summary</source>
        <translation>汇总</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="344"/>
        <source>&amp;Month:</source>
        <translation>月份(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="352"/>
        <source>Export as Excel…</source>
        <translation>导出为 Excel…</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="353"/>
        <source>Monthly report (PDF)…</source>
        <translation>工作月报（PDF）…</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="354"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="362"/>
        <source>Nothing in this month.</source>
        <translation>本月没有数据。</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="366"/>
        <source>Stations</source>
        <translation>各站点</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="367"/>
        <source>No station&apos;s activities have been imported yet.</source>
        <translation>还没有导入任何站点的活动。</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="369"/>
        <source>By category (场次/人次)</source>
        <translation>类别与平台（场次/人次）</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="370"/>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="371"/>
        <source>Household ranking</source>
        <translation>农户积分排行</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="372"/>
        <source>Volunteer ranking</source>
        <translation>志愿者时长排行</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="373"/>
        <source>Participation</source>
        <translation>参与率</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="374"/>
        <source>Star volunteers</source>
        <translation>星级志愿者</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="378"/>
        <source>Activities by category and platform (场次/人次)</source>
        <translation>按类别和平台统计（场次/人次）</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="379"/>
        <source>Stock of the points supermarket at the month&apos;s end</source>
        <translation>积分超市月末库存</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="381"/>
        <source>The township&apos;s top 20 households by points earned in the month</source>
        <translation>全乡镇本月获得积分最多的前 20 户</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="384"/>
        <source>The township&apos;s top 20 volunteers by service hours in the month</source>
        <translation>全乡镇本月服务时长最多的前 20 名志愿者</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="387"/>
        <source>Households that earned points or took part in an activity in the month</source>
        <translation>本月获得积分或参加活动的户</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="389"/>
        <source>Volunteers per star level at the month&apos;s end</source>
        <translation>月末各星级的志愿者人数</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="484"/>
        <source>Choose a month first.</source>
        <translation>请先选择月份。</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="452"/>
        <source>Export the summary</source>
        <translation>导出汇总</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="453"/>
        <source>Summary {month}.xlsx</source>
        <translation>汇总 {month}.xlsx</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="454"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="455"/>
        <source>The summary was saved as {file}.</source>
        <translation>汇总已保存为 {file}。</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="463"/>
        <source>Save the monthly report</source>
        <translation>保存工作月报</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="464"/>
        <source>Monthly report {month}.pdf</source>
        <translation>工作月报 {month}.pdf</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="465"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="466"/>
        <source>The report was saved as {file}.</source>
        <translation>月报已保存为 {file}。</translation>
    </message>
</context>
<context>
    <name>SupermarketPage</name>
    <message>
        <location filename="../../app/views/supermarket/page.py" line="556"/>
        <source>Redemption counter</source>
        <translation>兑换台</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/page.py" line="560"/>
        <source>Goods and stock</source>
        <translation>商品与库存</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/page.py" line="565"/>
        <source>Points supermarket</source>
        <translation>积分超市</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../app/views/sync/page.py" line="111"/>
        <source>Sync with the township</source>
        <translation>与乡镇同步</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="119"/>
        <source>Township&apos;s last acknowledgement:</source>
        <translation>乡镇最近确认：</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="120"/>
        <source>Changes waiting to be sent:</source>
        <translation>待发送的改动：</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="121"/>
        <source>Last sync file written:</source>
        <translation>最近导出同步文件：</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="124"/>
        <source>Export a sync file</source>
        <translation>导出同步文件</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="127"/>
        <source>The file holds everything the township has not acknowledged yet. Take it to the township on a USB stick; a lost stick is no loss: the next file holds its changes again.</source>
        <translation>同步文件包含乡镇尚未确认的全部改动。请用U盘送到乡镇；U盘丢了也不要紧：下一个文件会再次包含这些改动。</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="143"/>
        <source>&amp;Export sync file</source>
        <translation>导出同步文件(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="146"/>
        <source>&amp;Full export…</source>
        <translation>完整导出(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="152"/>
        <source>To:</source>
        <translation>导出到：</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="167"/>
        <source>Enrolment at the township</source>
        <translation>在乡镇登记</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="170"/>
        <source>Once, before the first sync file: give the township this station&apos;s enrolment file and read this fingerprint out to them on the phone.</source>
        <translation>首次同步前做一次：把本站的登记文件交给乡镇，并在电话里把下面的指纹念给乡镇核对。</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="176"/>
        <source>&amp;Write enrolment file…</source>
        <translation>生成登记文件(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="194"/>
        <source>Config package from the township</source>
        <translation>乡镇配置包</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="198"/>
        <source>&amp;Import config package…</source>
        <translation>导入配置包(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="224"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="238"/>
        <source>Upload to the township server</source>
        <translation>上传到乡镇服务器</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="249"/>
        <source>&amp;Upload now</source>
        <translation>立即上传(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="254"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="254"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="265"/>
        <source>Township server:</source>
        <translation>乡镇服务器：</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="266"/>
        <source>Next try:</source>
        <translation>下次尝试：</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="273"/>
        <source>Last attempts:</source>
        <translation>上传记录：</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="282"/>
        <location filename="../../app/views/sync/page.py" line="294"/>
        <source>uploading now…</source>
        <translation>正在上传…</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="289"/>
        <source>not set: the station syncs by USB stick (Settings → Sync)</source>
        <translation>未设置：本站用U盘同步（设置 → 同步）</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="328"/>
        <source>no folder chosen yet</source>
        <translation>尚未选择文件夹</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="334"/>
        <source>USB sticks: none found</source>
        <translation>未发现U盘</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="334"/>
        <source>USB stick…</source>
        <translation>选择U盘…</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="396"/>
        <source>up to change {seq}</source>
        <translation>已确认到第 {seq} 号改动</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="595"/>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="601"/>
        <source>Enrol &amp;township…</source>
        <translation>登记乡镇(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="629"/>
        <source>No township enrolled yet.</source>
        <translation>尚未登记乡镇。</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="632"/>
        <source>{name} (code {code}), key fingerprint {fingerprint}</source>
        <translation>{name}（代码 {code}），密钥指纹 {fingerprint}</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="648"/>
        <source>The township {name} ({code}) is enrolled: its config packages are accepted now.</source>
        <translation>已登记乡镇 {name}（{code}），现在可以导入它下发的配置包。</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="388"/>
        <source>none yet (the first file holds everything)</source>
        <translation>尚无（第一个文件包含全部数据）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/sync/page.py" line="378"/>
        <source>%n changes</source>
        <translation>
            <numerusform>%n 条改动</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="378"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="402"/>
        <source>No config package has been imported yet.</source>
        <translation>尚未导入配置包。</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="405"/>
        <source>Version {version} from {township} in force, imported on {when}.</source>
        <translation>现行配置：{township} 第 {version} 版，导入于 {when}。</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="391"/>
        <source>up to change {seq} (config package of {when})</source>
        <translation>已确认到第 {seq} 号改动（{when} 的配置包）</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="140"/>
        <source>Choose f&amp;older…</source>
        <translation>选择文件夹(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="426"/>
        <source>Choose the folder or USB stick for the sync file</source>
        <translation>选择存放同步文件的文件夹或U盘</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="438"/>
        <source>A full export writes everything this station holds, not only what the township lacks. Use it only when the township asks for it: its PC was replaced or it lost data.

Write a full sync file?</source>
        <translation>完整导出会写出本站的全部数据，而不只是乡镇缺少的部分。只在乡镇要求时使用：乡镇换了电脑或丢失了数据。

要生成完整同步文件吗？</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="446"/>
        <source>Full export</source>
        <translation>完整导出</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="459"/>
        <source>Writing the sync file…</source>
        <translation>正在写同步文件…</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="462"/>
        <source>Export sync file</source>
        <translation>导出同步文件</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="468"/>
        <source>Writing the sync file to {folder}…</source>
        <translation>正在把同步文件写到 {folder}…</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="477"/>
        <source>no changes</source>
        <translation>没有改动</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="479"/>
        <source>Sync file {name} written to {folder}.
Changes {a}–{b}; it holds: {kinds}.</source>
        <translation>同步文件 {name} 已写到 {folder}。
改动序号 {a}–{b}，包含：{kinds}。</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="489"/>
        <source>ID numbers and phones went masked only (no config package from the township yet).</source>
        <translation>身份证号和电话仅以脱敏形式导出（尚未收到乡镇配置包）。</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="510"/>
        <source>The export was cancelled; no sync file was written.</source>
        <translation>导出已取消，未写出同步文件。</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="538"/>
        <source>Enrolment file {name} written to {folder}. Give it to the township and read the fingerprint above out to them.</source>
        <translation>登记文件 {name} 已写到 {folder}。请交给乡镇，并把上面的指纹念给他们核对。</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="553"/>
        <source>Choose the township&apos;s config package</source>
        <translation>选择乡镇的配置包</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="555"/>
        <source>Config packages (*{suffix});;All files (*)</source>
        <translation>配置包 (*{suffix});;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="562"/>
        <source>Checking the config package…</source>
        <translation>正在检查配置包…</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="576"/>
        <source>nothing new</source>
        <translation>没有新内容</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="578"/>
        <source>Config package version {version} from {township} applied: {words}.</source>
        <translation>已应用 {township} 第 {version} 版配置包：{words}。</translation>
    </message>
</context>
<context>
    <name>SyncTab</name>
    <message>
        <location filename="../../app/views/settings_page.py" line="283"/>
        <source>When this PC has a network, the station sends its changes to the township server by itself and fetches the township&apos;s acknowledgement and config package. Leave the address empty to sync by USB stick only.</source>
        <translation>本机联网时，本站会自动把更改发送到乡镇服务器，并取回乡镇的确认和配置包。地址留空则只用U盘同步。</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_page.py" line="299"/>
        <source>Sa&amp;ve address</source>
        <translation>保存地址(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_page.py" line="303"/>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_page.py" line="310"/>
        <source>Township server &amp;address:</source>
        <translation>乡镇服务器地址(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_page.py" line="350"/>
        <source>Saved. The station uploads to {url} in the background.</source>
        <translation>已保存。本站将在后台上传到 {url}。</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_page.py" line="353"/>
        <source>Saved. The station syncs by USB stick only.</source>
        <translation>已保存。本站只用U盘同步。</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_page.py" line="369"/>
        <source>Enter the township server&apos;s address first.</source>
        <translation>请先填写乡镇服务器的地址。</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_page.py" line="372"/>
        <source>Asking {url}…</source>
        <translation>正在连接 {url}…</translation>
    </message>
</context>
<context>
    <name>TaskProgress</name>
    <message>
        <location filename="../../app/views/progress_dialog.py" line="40"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>TeamDialog</name>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="352"/>
        <source>Edit team</source>
        <translation>编辑志愿服务队</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="352"/>
        <source>New team</source>
        <translation>新建志愿服务队</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="358"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="370"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="371"/>
        <source>&amp;Category:</source>
        <translation>类别(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="372"/>
        <source>&amp;Leader (队长):</source>
        <translation>队长(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="373"/>
        <source>&amp;Description:</source>
        <translation>简介(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="374"/>
        <source>&amp;Order in lists:</source>
        <translation>排列顺序(&amp;O)：</translation>
    </message>
</context>
<context>
    <name>TeamsDialog</name>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="419"/>
        <source>Volunteer teams</source>
        <translation>志愿服务队</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="431"/>
        <source>&amp;New team…</source>
        <translation>新建队伍(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="432"/>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="433"/>
        <source>&amp;Disband / use again</source>
        <translation>解散/恢复(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="434"/>
        <source>&amp;Add the &quot;8+N&quot; default teams</source>
        <translation>添加“8+N”默认队伍(&amp;A)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/volunteers/dialogs.py" line="506"/>
        <source>%n teams added.</source>
        <translation>
            <numerusform>已添加 %n 支队伍。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="461"/>
        <source>Choose a team in the list first.</source>
        <translation>请先在列表中选择一支队伍。</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="475"/>
        <source>Team created.</source>
        <translation>队伍已创建。</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="480"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>TeamsModel</name>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="396"/>
        <source>Team</source>
        <translation>队伍</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="397"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="398"/>
        <source>Leader</source>
        <translation>队长</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="399"/>
        <source>Members</source>
        <translation>队员数</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="400"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="409"/>
        <source>In use</source>
        <translation>在用</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="409"/>
        <source>Disbanded</source>
        <translation>已解散</translation>
    </message>
</context>
<context>
    <name>TemporaryPasswordDialog</name>
    <message>
        <location filename="../../app/views/operators.py" line="123"/>
        <source>Temporary password</source>
        <translation>临时密码</translation>
    </message>
    <message>
        <location filename="../../app/views/operators.py" line="126"/>
        <source>The temporary password for {who} is below. Give it to them in person; they must choose their own password when they sign in.</source>
        <translation>{who} 的临时密码如下。请当面交给本人；本人登录时必须设置自己的密码。</translation>
    </message>
</context>
<context>
    <name>TiersEditor</name>
    <message>
        <location filename="../../app/views/points/tabs.py" line="141"/>
        <source>Title</source>
        <translation>称号</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="141"/>
        <source>Minimum annual score</source>
        <translation>最低年度积分</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="150"/>
        <source>Add tier</source>
        <translation>添加称号</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="153"/>
        <source>Remove tier</source>
        <translation>删除称号</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="207"/>
        <source>Tier {row} needs a title.</source>
        <translation>第 {row} 行需要填写称号。</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="210"/>
        <source>The title “{title}” is listed twice.</source>
        <translation>称号“{title}”重复了。</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="214"/>
        <source>Two tiers have the same minimum score {score}.</source>
        <translation>两个称号的最低积分都是 {score}，请区分。</translation>
    </message>
    <message>
        <location filename="../../app/views/points/tabs.py" line="218"/>
        <source>Add at least one tier.</source>
        <translation>请至少添加一个称号。</translation>
    </message>
</context>
<context>
    <name>TownshipEnrolDialog</name>
    <message>
        <location filename="../../app/views/sync/township_dialog.py" line="49"/>
        <source>Enrol the township</source>
        <translation>登记乡镇</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/township_dialog.py" line="54"/>
        <source>Once, before the first config package: choose the enrolment file the township wrote (on its Publish config page), then ask the township to read out its fingerprint on the phone and compare it with the one shown here, group by group.</source>
        <translation>导入第一个配置包之前只需登记一次：选择乡镇生成的登记文件（在乡镇的“配置下发”页面），然后请乡镇在电话里念出它的指纹，与这里显示的逐组核对。</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/township_dialog.py" line="61"/>
        <source>&amp;Choose the enrolment file…</source>
        <translation>选择登记文件(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/township_dialog.py" line="64"/>
        <source>no file chosen yet</source>
        <translation>尚未选择文件</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/township_dialog.py" line="76"/>
        <source>The township read out the same fingerprint, every group matches</source>
        <translation>乡镇念出的指纹与此相同，每一组都一致</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/township_dialog.py" line="84"/>
        <source>&amp;Enrol the township</source>
        <translation>登记该乡镇(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/township_dialog.py" line="86"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/township_dialog.py" line="124"/>
        <source>Township {name} ({code}). Its fingerprint:</source>
        <translation>乡镇 {name}（{code}），其指纹：</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/township_dialog.py" line="139"/>
        <source>Choose the township&apos;s enrolment file</source>
        <translation>选择乡镇的登记文件</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/township_dialog.py" line="140"/>
        <source>Enrolment files (*{suffix});;All files (*)</source>
        <translation>登记文件 (*{suffix});;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/township_dialog.py" line="150"/>
        <source>Checking the enrolment file…</source>
        <translation>正在检查登记文件…</translation>
    </message>
</context>
<context>
    <name>TownshipHomePage</name>
    <message>
        <location filename="../../app/views/township/home_page.py" line="127"/>
        <source>Welcome, {name} ({role}).</source>
        <translation>欢迎您，{name}（{role}）。</translation>
    </message>
    <message>
        <location filename="../../app/views/township/home_page.py" line="137"/>
        <source>Import sync files</source>
        <translation>导入同步文件</translation>
    </message>
    <message>
        <location filename="../../app/views/township/home_page.py" line="138"/>
        <location filename="../../app/views/township/home_page.py" line="160"/>
        <source>Stations</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../app/views/township/home_page.py" line="139"/>
        <source>Summary</source>
        <translation>汇总</translation>
    </message>
    <message>
        <location filename="../../app/views/township/home_page.py" line="140"/>
        <source>Publish config</source>
        <translation>配置下发</translation>
    </message>
    <message>
        <location filename="../../app/views/township/home_page.py" line="149"/>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <location filename="../../app/views/township/home_page.py" line="151"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location filename="../../app/views/township/home_page.py" line="152"/>
        <source>Division code:</source>
        <translation>统计用区划代码：</translation>
    </message>
    <message>
        <location filename="../../app/views/township/home_page.py" line="153"/>
        <source>Signing key fingerprint:</source>
        <translation>签名密钥指纹：</translation>
    </message>
    <message>
        <location filename="../../app/views/township/home_page.py" line="162"/>
        <source>Enrolled:</source>
        <translation>已入网：</translation>
    </message>
    <message>
        <location filename="../../app/views/township/home_page.py" line="165"/>
        <source>Quarantined rows waiting:</source>
        <translation>待处理的隔离记录：</translation>
    </message>
    <message>
        <location filename="../../app/views/township/home_page.py" line="166"/>
        <source>Audit chains:</source>
        <translation>审计链：</translation>
    </message>
    <message>
        <location filename="../../app/views/township/home_page.py" line="173"/>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../app/views/township/home_page.py" line="181"/>
        <source>Activities</source>
        <translation>活动场次</translation>
    </message>
    <message>
        <location filename="../../app/views/township/home_page.py" line="182"/>
        <source>Attendances</source>
        <translation>参与人次</translation>
    </message>
    <message>
        <location filename="../../app/views/township/home_page.py" line="183"/>
        <source>Points issued</source>
        <translation>发放积分</translation>
    </message>
    <message>
        <location filename="../../app/views/township/home_page.py" line="184"/>
        <source>Points redeemed</source>
        <translation>兑换积分</translation>
    </message>
    <message>
        <location filename="../../app/views/township/home_page.py" line="185"/>
        <source>Volunteer hours</source>
        <translation>志愿服务时长（小时）</translation>
    </message>
    <message>
        <location filename="../../app/views/township/home_page.py" line="199"/>
        <source>Last imports</source>
        <translation>最近导入</translation>
    </message>
    <message>
        <location filename="../../app/views/township/home_page.py" line="208"/>
        <source>No sync file has been imported yet. Import the stations&apos; files on Import.</source>
        <translation>还没有导入过同步文件。请在“导入”页面导入各站点的文件。</translation>
    </message>
    <message>
        <location filename="../../app/views/township/home_page.py" line="223"/>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/township/home_page.py" line="259"/>
        <source>%n stations</source>
        <translation>
            <numerusform>%n 个站点</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/township/home_page.py" line="261"/>
        <source>none yet: enrol each station on Stations</source>
        <translation>暂无：请在“站点”页面为各站点入网</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/township/home_page.py" line="264"/>
        <source>Silent for more than %n days:</source>
        <translation>
            <numerusform>超过 %n 天未同步：</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/township/home_page.py" line="266"/>
        <source>{count}: {names}</source>
        <translation>{count} 个：{names}</translation>
    </message>
    <message>
        <location filename="../../app/views/township/home_page.py" line="268"/>
        <location filename="../../app/views/township/home_page.py" line="277"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/township/home_page.py" line="275"/>
        <source>%n rows, from {names}</source>
        <translation>
            <numerusform>%n 条，来自 {names}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/township/home_page.py" line="283"/>
        <source>a problem at {names}</source>
        <translation>{names} 有问题</translation>
    </message>
    <message>
        <location filename="../../app/views/township/home_page.py" line="285"/>
        <source>verified, no problem</source>
        <translation>已核验，没有问题</translation>
    </message>
    <message>
        <location filename="../../app/views/township/home_page.py" line="290"/>
        <source>This month ({month})</source>
        <translation>本月（{month}）</translation>
    </message>
</context>
<context>
    <name>TrainingModel</name>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="156"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="156"/>
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="156"/>
        <source>By</source>
        <translation>组织单位</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="156"/>
        <source>Hours</source>
        <translation>时长</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../app/views/kiosk/window.py" line="239"/>
        <source>Close the kiosk</source>
        <translation>关闭签到机</translation>
    </message>
    <message>
        <location filename="../../app/views/kiosk/window.py" line="255"/>
        <source>Only {name} can close the kiosk. Password:</source>
        <translation>只有 {name} 能关闭签到机。请输入密码：</translation>
    </message>
    <message>
        <location filename="../../app/views/kiosk/window.py" line="283"/>
        <source>Wrong password.</source>
        <translation>密码错误。</translation>
    </message>
</context>
<context>
    <name>VerdictsModel</name>
    <message>
        <location filename="../../app/views/township/imports_page.py" line="52"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../app/views/township/imports_page.py" line="52"/>
        <source>Station</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../app/views/township/imports_page.py" line="52"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../app/views/township/imports_page.py" line="56"/>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <location filename="../../app/views/township/imports_page.py" line="57"/>
        <source>Already imported</source>
        <translation>早已导入</translation>
    </message>
    <message>
        <location filename="../../app/views/township/imports_page.py" line="58"/>
        <source>Refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../../app/views/township/imports_page.py" line="66"/>
        <source>{status}: {message}</source>
        <translation>{status}：{message}</translation>
    </message>
</context>
<context>
    <name>VolunteerDetail</name>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="224"/>
        <location filename="../../app/views/volunteers/page.py" line="326"/>
        <source>Choose a volunteer in the list.</source>
        <translation>请在列表中选择一位志愿者。</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="246"/>
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="246"/>
        <source>No training recorded.</source>
        <translation>没有培训记录。</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="247"/>
        <source>Awards</source>
        <translation>表彰奖励</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="247"/>
        <source>No awards recorded.</source>
        <translation>没有表彰奖励记录。</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="251"/>
        <source>Evaluations</source>
        <translation>考评</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="252"/>
        <source>No evaluations recorded.</source>
        <translation>没有考评记录。</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="269"/>
        <source>No approved hours or redemptions yet.</source>
        <translation>暂无审核通过的时长或兑换记录。</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="271"/>
        <source>Points bank</source>
        <translation>积分银行</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="276"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="277"/>
        <source>Teams…</source>
        <translation>所在队伍…</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="278"/>
        <location filename="../../app/views/volunteers/page.py" line="373"/>
        <source>Mark inactive…</source>
        <translation>标为不活跃…</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="279"/>
        <source>Print card</source>
        <translation>打印志愿者卡</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="280"/>
        <source>Points statement</source>
        <translation>积分对账单</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="281"/>
        <source>Reissue card…</source>
        <translation>补办志愿者卡…</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="282"/>
        <source>Photo…</source>
        <translation>照片…</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="283"/>
        <source>Remove photo</source>
        <translation>去掉照片</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="284"/>
        <source>Add training…</source>
        <translation>添加培训…</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="285"/>
        <source>Add award…</source>
        <translation>添加表彰…</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="288"/>
        <source>Add evaluation…</source>
        <translation>添加考评…</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="292"/>
        <source>Remove record…</source>
        <translation>删除记录…</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="337"/>
        <source>{name} · {number}</source>
        <translation>{name} · {number}</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="342"/>
        <source>born {date}</source>
        <translation>{date} 出生</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="345"/>
        <source>skills: {skills}</source>
        <translation>特长：{skills}</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="348"/>
        <source>serves in: {categories}</source>
        <translation>服务类别：{categories}</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="353"/>
        <source>joined {date}</source>
        <translation>{date} 加入</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="357"/>
        <source>{hours} h approved</source>
        <translation>已审核 {hours} 小时</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="359"/>
        <source>{stars} star level {level}</source>
        <translation>{stars} {level}星级志愿者</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="364"/>
        <source>(granted {date})</source>
        <translation>（{date} 评定）</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="370"/>
        <source>Teams: {teams}</source>
        <translation>所在队伍：{teams}</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="370"/>
        <source>In no team yet.</source>
        <translation>还没有加入任何队伍。</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="373"/>
        <source>Mark active</source>
        <translation>恢复为正常</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="386"/>
        <source>Own points account {number}</source>
        <translation>个人积分账户 {number}</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="388"/>
        <source>Household {number} ({head})</source>
        <translation>家庭户 {number}（{head}）</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="392"/>
        <source>No points account yet</source>
        <translation>尚无积分账户</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="395"/>
        <source>{where}: {hours} h of service earned {earned} points; {redeemed} redeemed; balance {balance}.</source>
        <translation>{where}：服务 {hours} 小时，获得 {earned} 分；已兑换 {redeemed} 分；余额 {balance} 分。</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="427"/>
        <source>Points statement of {name}</source>
        <translation>{name}的积分银行对账单</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="431"/>
        <source>points statement {number}</source>
        <translation>积分银行对账单-{number}</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="445"/>
        <source>No photo</source>
        <translation>无照片</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="447"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="461"/>
        <source>Photo missing</source>
        <translation>照片文件缺失</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="471"/>
        <source>Choose a photo of {name}</source>
        <translation>选择{name}的照片</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="472"/>
        <source>Pictures (*.jpg *.jpeg *.png *.webp *.bmp *.gif)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.webp *.bmp *.gif)</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="476"/>
        <source>Saving the photo…</source>
        <translation>正在保存照片…</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="484"/>
        <source>Photo saved.</source>
        <translation>照片已保存。</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="498"/>
        <source>Photo removed.</source>
        <translation>照片已去掉。</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="507"/>
        <location filename="../../app/views/volunteers/page.py" line="539"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="515"/>
        <source>Teams saved.</source>
        <translation>所在队伍已保存。</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="526"/>
        <source>Mark {name} inactive</source>
        <translation>将 {name} 标为不活跃</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="527"/>
        <source>Why (moved away, withdrew…)? The records stay.</source>
        <translation>原因（迁走、退出……）？原有记录会保留。</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="544"/>
        <source>Added.</source>
        <translation>已添加。</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="552"/>
        <source>Choose a record in the list first.</source>
        <translation>请先在列表中选择一条记录。</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="557"/>
        <source>Remove record</source>
        <translation>删除记录</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="558"/>
        <source>Remove this record? The change is kept in the audit log.</source>
        <translation>要删除这条记录吗？此操作会记入操作日志。</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="567"/>
        <source>Removed.</source>
        <translation>已删除。</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="580"/>
        <source>Reissue card</source>
        <translation>补办志愿者卡</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="582"/>
        <source>Make a new card for {name} ({number})? The old card stops working at once.</source>
        <translation>要为 {name}（{number}）补办新卡吗？旧卡将立即失效。</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="589"/>
        <location filename="../../app/views/volunteers/page.py" line="601"/>
        <source>Preparing the cards…</source>
        <translation>正在准备卡片…</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="592"/>
        <source>Volunteer cards</source>
        <translation>志愿者卡</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="612"/>
        <source>A new card was made; the old one no longer works.</source>
        <translation>新卡已制好，旧卡已失效。</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="618"/>
        <source>Volunteer cards ({n})</source>
        <translation>志愿者卡（{n} 张）</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="621"/>
        <source>volunteer cards</source>
        <translation>志愿者证</translation>
    </message>
</context>
<context>
    <name>VolunteerDialog</name>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="118"/>
        <source>Edit volunteer</source>
        <translation>编辑志愿者</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="118"/>
        <source>New volunteer</source>
        <translation>新增志愿者</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="125"/>
        <source>(not given)</source>
        <translation>（未填）</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="126"/>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="127"/>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="131"/>
        <source>YYYY-MM-DD; read from the ID card if given</source>
        <translation>年-月-日；填了身份证号会自动读取</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="143"/>
        <source>Optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="150"/>
        <source>Optional; 11-digit mobile</source>
        <translation>选填，11 位手机号</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="155"/>
        <source>e.g. 第一村民小组</source>
        <translation>如 第一村民小组</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="160"/>
        <source>Separated by 、 or commas, e.g. 书法、医护</source>
        <translation>用顿号或逗号分隔，如 书法、医护</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="171"/>
        <source>YYYY-MM-DD; today if empty</source>
        <translation>年-月-日；不填则为今天</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="177"/>
        <location filename="../../app/views/volunteers/dialogs.py" line="234"/>
        <source>Not linked to a resident</source>
        <translation>未关联居民档案</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="179"/>
        <source>&amp;Resident…</source>
        <translation>选择居民(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="182"/>
        <source>Unlink</source>
        <translation>取消关联</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="190"/>
        <source>Village resident:</source>
        <translation>本村居民：</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="191"/>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="192"/>
        <source>&amp;Sex:</source>
        <translation>性别(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="193"/>
        <source>&amp;Birth date:</source>
        <translation>出生日期(&amp;B)：</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="194"/>
        <source>ID t&amp;ype:</source>
        <translation>证件类型(&amp;Y)：</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="195"/>
        <source>&amp;ID number:</source>
        <translation>证件号码(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="197"/>
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="199"/>
        <source>Village &amp;group:</source>
        <translation>村民小组(&amp;G)：</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="200"/>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="201"/>
        <source>S&amp;kills:</source>
        <translation>特长(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="202"/>
        <source>Service &amp;categories:</source>
        <translation>服务类别(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="204"/>
        <source>&amp;Teams:</source>
        <translation>所在队伍(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="205"/>
        <source>&amp;Joined on:</source>
        <translation>加入日期(&amp;J)：</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="206"/>
        <source>N&amp;ote:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="278"/>
        <source>{n} of 18 characters</source>
        <translation>已输入 {n}/18 位</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="287"/>
        <source>Valid ID number; born {date}.</source>
        <translation>证件号码有效；出生日期 {date}。</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="328"/>
        <source>Dates are written like 2026-05-01.</source>
        <translation>日期请按 2026-05-01 的格式填写。</translation>
    </message>
</context>
<context>
    <name>VolunteerLabels</name>
    <message>
        <location filename="../../app/views/volunteers/labels.py" line="24"/>
        <source>Planned</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/labels.py" line="25"/>
        <source>Open for sign-in</source>
        <translation>签到中</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/labels.py" line="26"/>
        <source>Closed</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/labels.py" line="29"/>
        <source>Pending</source>
        <translation>待审核</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/labels.py" line="30"/>
        <source>Approved</source>
        <translation>已通过</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/labels.py" line="31"/>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/labels.py" line="34"/>
        <source>Kiosk</source>
        <translation>签到机</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/labels.py" line="35"/>
        <source>Closed activity</source>
        <translation>活动结束</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/labels.py" line="36"/>
        <source>Entered by hand</source>
        <translation>手工录入</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/labels.py" line="37"/>
        <source>Service order</source>
        <translation>四单服务</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/labels.py" line="40"/>
        <source>signed out by the close</source>
        <translation>结束时自动签退</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/labels.py" line="41"/>
        <source>PC clock went back</source>
        <translation>电脑时钟被回拨</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/labels.py" line="42"/>
        <source>found by name</source>
        <translation>按姓名查找</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/labels.py" line="43"/>
        <source>capped</source>
        <translation>超出上限</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/labels.py" line="44"/>
        <source>over the day&apos;s hours limit</source>
        <translation>超过当日时长上限</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/labels.py" line="47"/>
        <source>Service record</source>
        <translation>服务记录证明</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/labels.py" line="48"/>
        <source>Star volunteer</source>
        <translation>星级志愿者</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/labels.py" line="49"/>
        <source>Participation</source>
        <translation>活动参与</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/labels.py" line="52"/>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/labels.py" line="53"/>
        <source>Inactive</source>
        <translation>不活跃</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/labels.py" line="56"/>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/labels.py" line="57"/>
        <source>Female</source>
        <translation>女</translation>
    </message>
</context>
<context>
    <name>VolunteerPolicyDialog</name>
    <message>
        <location filename="../../app/views/volunteers/policy.py" line="134"/>
        <source>Volunteer rules</source>
        <translation>志愿服务规则</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/policy.py" line="138"/>
        <source>Monthly quotas</source>
        <translation>每月任务</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/policy.py" line="139"/>
        <location filename="../../app/views/volunteers/policy.py" line="140"/>
        <source> activities</source>
        <translation> 场</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/policy.py" line="144"/>
        <source>Activities a month at least:</source>
        <translation>每月活动不少于：</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/policy.py" line="145"/>
        <source>Of them theory talks at least:</source>
        <translation>其中理论宣讲不少于：</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/policy.py" line="146"/>
        <source>Platform that counts as theory:</source>
        <translation>计为理论宣讲的平台：</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/policy.py" line="148"/>
        <source>Sign-in kiosk</source>
        <translation>签到机</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/policy.py" line="149"/>
        <location filename="../../app/views/volunteers/policy.py" line="151"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/policy.py" line="150"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/policy.py" line="152"/>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/policy.py" line="155"/>
        <source>A repeat scan within this is ignored:</source>
        <translation>此时间内重复扫码不计：</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/policy.py" line="156"/>
        <source>Sign-out sooner than this asks again:</source>
        <translation>签到后不足此时间签退需再确认：</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/policy.py" line="157"/>
        <source>A second scan within this signs out:</source>
        <translation>此时间内再次扫码即签退：</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/policy.py" line="158"/>
        <source>Sign-ins per person per activity a day:</source>
        <translation>每人每天每项活动签到次数上限：</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/policy.py" line="160"/>
        <source>Service hours</source>
        <translation>服务时长</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/policy.py" line="164"/>
        <source>{n} min</source>
        <translation>{n} 分钟</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/policy.py" line="167"/>
        <source>Down (1 h 50 min counts 1.5 h)</source>
        <translation>向下取整（1 小时 50 分计 1.5 小时）</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/policy.py" line="168"/>
        <source>To the nearest step</source>
        <translation>四舍五入到最近一档</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/policy.py" line="170"/>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/policy.py" line="170"/>
        <location filename="../../app/views/volunteers/policy.py" line="196"/>
        <location filename="../../app/views/volunteers/policy.py" line="198"/>
        <source>no check</source>
        <translation>不检查</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/policy.py" line="172"/>
        <source> working days</source>
        <translation> 个工作日</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/policy.py" line="176"/>
        <source>Count hours in steps of:</source>
        <translation>时长计算单位：</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/policy.py" line="177"/>
        <source>Rounding:</source>
        <translation>取整方式：</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/policy.py" line="178"/>
        <source>More hours in one day than this need review:</source>
        <translation>单日时长超过此数需复核：</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/policy.py" line="180"/>
        <source>Warn of records not in the national system after:</source>
        <translation>记录超过多久未导入全国系统时提醒：</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/policy.py" line="183"/>
        <source>Star volunteers</source>
        <translation>星级志愿者</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/policy.py" line="192"/>
        <source>Hours for each star level:</source>
        <translation>各星级所需时长：</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/policy.py" line="193"/>
        <source>Certificate number prefix:</source>
        <translation>证明编号前缀：</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/policy.py" line="195"/>
        <source>Service orders (四单)</source>
        <translation>服务点单（四单）</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/policy.py" line="196"/>
        <location filename="../../app/views/volunteers/policy.py" line="198"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/policy.py" line="202"/>
        <source>Overdue when not dispatched within:</source>
        <translation>超过此天数未派单为超时：</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/policy.py" line="203"/>
        <source>Overdue when not completed within:</source>
        <translation>超过此天数未完成为超时：</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/policy.py" line="215"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/policy.py" line="218"/>
        <source>Only an administrator changes these rules.</source>
        <translation>只有管理员可以修改这些规则。</translation>
    </message>
</context>
<context>
    <name>VolunteerRankModel</name>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="256"/>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="257"/>
        <source>Station code</source>
        <translation>站点编码</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="258"/>
        <source>Station</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="259"/>
        <source>Volunteer no.</source>
        <translation>志愿者编号</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="260"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../app/views/township/summary_page.py" line="261"/>
        <source>Hours</source>
        <translation>服务时长（小时）</translation>
    </message>
</context>
<context>
    <name>VolunteerTeamsDialog</name>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="532"/>
        <source>Teams of {name}</source>
        <translation>{name} 所在队伍</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/dialogs.py" line="538"/>
        <source>Tick the teams {name} serves in:</source>
        <translation>请勾选 {name} 所在的队伍：</translation>
    </message>
</context>
<context>
    <name>VolunteersModel</name>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="113"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="114"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="115"/>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="116"/>
        <source>Group</source>
        <translation>村民小组</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="117"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="118"/>
        <source>Hours</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="119"/>
        <source>Stars</source>
        <translation>星级</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="120"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>VolunteersPage</name>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="879"/>
        <location filename="../../app/views/volunteers/page.py" line="884"/>
        <source>Volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="880"/>
        <source>Service hours and stars</source>
        <translation>服务时长与星级</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="881"/>
        <source>Certificates</source>
        <translation>证明</translation>
    </message>
</context>
<context>
    <name>VolunteersTab</name>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="639"/>
        <source>Name, initials (zs), No., phone tail — or scan a card</source>
        <translation>姓名、拼音首字母(zs)、编号、手机尾号，或扫卡</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="644"/>
        <location filename="../../app/views/volunteers/page.py" line="781"/>
        <source>All teams</source>
        <translation>全部队伍</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="645"/>
        <source>Show inactive</source>
        <translation>显示不活跃的</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="677"/>
        <source>E&amp;xport to Excel…</source>
        <translation>导出 Excel(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="678"/>
        <source>Print &amp;list…</source>
        <translation>打印清单(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="685"/>
        <source>&amp;New volunteer…</source>
        <translation>新增志愿者(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="686"/>
        <source>&amp;Teams…</source>
        <translation>志愿服务队(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="687"/>
        <source>&amp;Import roster…</source>
        <translation>导入花名册(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="688"/>
        <source>Print &amp;cards (8 per A4)</source>
        <translation>打印志愿者卡（A4 每页 8 张）(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="747"/>
        <source>This card does not belong to a volunteer of this station.</source>
        <translation>这张卡不属于本站的志愿者。</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="769"/>
        <source>{n} found by card</source>
        <translation>按卡找到 {n} 人</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/volunteers/page.py" line="771"/>
        <source>%n volunteers</source>
        <translation>
            <numerusform>共 %n 名志愿者</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="796"/>
        <source>Still loading; try again in a moment.</source>
        <translation>还在加载，请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="803"/>
        <source>{name} registered as volunteer {number}.</source>
        <translation>{name} 已登记为志愿者，编号 {number}。</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="854"/>
        <source>Some selected rows are still loading; try again in a moment.</source>
        <translation>部分选中的行还在加载，请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../app/views/volunteers/page.py" line="859"/>
        <source>Select one or more volunteers in the list first.</source>
        <translation>请先在列表中选择一位或多位志愿者。</translation>
    </message>
</context>
<context>
    <name>Workbench</name>
    <message>
        <location filename="../../app/views/session.py" line="202"/>
        <source>Data check</source>
        <translation>数据核对</translation>
    </message>
    <message>
        <location filename="../../app/views/session.py" line="204"/>
        <source>The start-up check found cached figures that differ from their ledgers:
{what}

Nothing was changed. Please run the full check (Settings → Audit log) and tell the township.</source>
        <translation>启动时的数据核对发现有汇总数字与明细账不一致：
{what}

没有改动任何数据。请在“设置 → 操作日志”中运行完整核对，并告知乡镇。</translation>
    </message>
    <message>
        <location filename="../../app/views/session.py" line="277"/>
        <source>The backup taken on {when} was restored. Please sign in again.</source>
        <translation>已恢复 {when} 的备份。请重新登录。</translation>
    </message>
</context>
<context>
    <name>_HitsModel</name>
    <message>
        <location filename="../../app/views/supermarket/counter.py" line="1205"/>
        <source>No.</source>
        <translation>户号</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/counter.py" line="1205"/>
        <source>Head</source>
        <translation>户主</translation>
    </message>
    <message>
        <location filename="../../app/views/supermarket/counter.py" line="1205"/>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
</context>
<context>
    <name>_RuleDialog</name>
    <message>
        <location filename="../../app/views/points/household_dialogs.py" line="282"/>
        <source>e.g. the activity or the place</source>
        <translation>如活动名称或地点</translation>
    </message>
    <message>
        <location filename="../../app/views/points/household_dialogs.py" line="299"/>
        <source>The rule catalogue is empty; add rules first.</source>
        <translation>积分项目录是空的，请先添加积分项。</translation>
    </message>
    <message>
        <location filename="../../app/views/points/household_dialogs.py" line="315"/>
        <source>{points} points</source>
        <translation>{points} 分</translation>
    </message>
</context>
<context>
    <name>audit</name>
    <message>
        <location filename="../../app/services/audit_log.py" line="46"/>
        <source>Station set up</source>
        <translation>建立站点</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="47"/>
        <source>Station facts changed</source>
        <translation>修改本站信息</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="48"/>
        <source>Station copy restarted</source>
        <translation>站点副本重新启用</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="49"/>
        <source>Operator added</source>
        <translation>添加操作员</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="50"/>
        <source>Signed in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="51"/>
        <source>Sign-in refused</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="52"/>
        <source>Sign-in tried while waiting</source>
        <translation>等待期间尝试登录</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="53"/>
        <source>Unlock refused</source>
        <translation>解锁被拒绝</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="54"/>
        <source>Unlock tried while waiting</source>
        <translation>等待期间尝试解锁</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="55"/>
        <source>Password reset on the PC (reset-password)</source>
        <translation>在本机重设密码（reset-password）</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="58"/>
        <source>Records written</source>
        <translation>写入记录</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="59"/>
        <source>Existing records sealed</source>
        <translation>已有记录加封</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="60"/>
        <source>Demo records sealed</source>
        <translation>演示记录加封</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="61"/>
        <source>Password changed</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="62"/>
        <source>Password reset</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="63"/>
        <source>Role changed</source>
        <translation>更改角色</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="64"/>
        <source>Operator enabled</source>
        <translation>启用操作员</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="65"/>
        <source>Operator disabled</source>
        <translation>停用操作员</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="66"/>
        <source>Backup made</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="67"/>
        <source>Backup restored</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="68"/>
        <source>Damaged database replaced</source>
        <translation>替换损坏的数据库</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="69"/>
        <source>Household added</source>
        <translation>新增户</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="70"/>
        <source>Household changed</source>
        <translation>修改户信息</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="71"/>
        <source>Head of household changed</source>
        <translation>更换户主</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="72"/>
        <source>Household closed</source>
        <translation>注销户</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="73"/>
        <source>Household reopened</source>
        <translation>恢复户</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="74"/>
        <source>Member added</source>
        <translation>添加成员</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="75"/>
        <source>Member changed</source>
        <translation>修改成员</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="76"/>
        <source>Member removed</source>
        <translation>成员迁出</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="77"/>
        <source>Member&apos;s full ID shown</source>
        <translation>查看成员完整证件号</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="78"/>
        <source>Roster imported</source>
        <translation>导入花名册</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="79"/>
        <source>Card issued</source>
        <translation>制卡</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="80"/>
        <source>Card reissued</source>
        <translation>补办卡</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="81"/>
        <source>Card revoked</source>
        <translation>注销卡</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="82"/>
        <source>Points awarded or deducted</source>
        <translation>加分/扣分</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="83"/>
        <source>Points for a batch</source>
        <translation>批量加分</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="84"/>
        <source>Batch undone</source>
        <translation>撤销批量记分</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="85"/>
        <source>Points entry reversed</source>
        <translation>冲正积分记录</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="86"/>
        <source>Points corrected</source>
        <translation>调整积分</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="87"/>
        <source>Star ratings applied</source>
        <translation>写入年度评星</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="88"/>
        <source>Points period opened</source>
        <translation>开启积分周期</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="89"/>
        <source>Points period made public</source>
        <translation>公示积分周期</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="90"/>
        <source>Points period finalized</source>
        <translation>确认积分周期</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="91"/>
        <source>Rule added</source>
        <translation>新增积分项</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="92"/>
        <source>Rule changed</source>
        <translation>修改积分项</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="93"/>
        <source>Rule enabled</source>
        <translation>启用积分项</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="94"/>
        <source>Rule disabled</source>
        <translation>停用积分项</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="95"/>
        <source>Standard rules added</source>
        <translation>添加标准积分项</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="96"/>
        <source>Goods added</source>
        <translation>新增商品</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="97"/>
        <source>Goods changed</source>
        <translation>修改商品</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="98"/>
        <source>Goods back on sale</source>
        <translation>商品上架</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="99"/>
        <source>Goods taken off sale</source>
        <translation>商品下架</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="100"/>
        <source>Goods photo set</source>
        <translation>设置商品照片</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="101"/>
        <source>Goods photo removed</source>
        <translation>去掉商品照片</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="102"/>
        <source>Stock purchased</source>
        <translation>采购入库</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="103"/>
        <source>Stock donated</source>
        <translation>捐赠入库</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="104"/>
        <source>Stock damaged</source>
        <translation>报损</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="105"/>
        <source>Stocktake</source>
        <translation>盘点</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="106"/>
        <source>Goods redeemed</source>
        <translation>兑换商品</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="107"/>
        <source>Slip reprinted</source>
        <translation>补打兑换单</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="108"/>
        <source>Slip voided</source>
        <translation>作废兑换单</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="109"/>
        <source>Volunteer added</source>
        <translation>新增志愿者</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="110"/>
        <source>Volunteer changed</source>
        <translation>修改志愿者</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="111"/>
        <source>Volunteer reactivated</source>
        <translation>志愿者恢复为正常</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="112"/>
        <source>Volunteer deactivated</source>
        <translation>志愿者标为不活跃</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="113"/>
        <source>Volunteer&apos;s full ID shown</source>
        <translation>查看志愿者完整证件号</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="114"/>
        <source>Training recorded</source>
        <translation>添加培训</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="115"/>
        <source>Award recorded</source>
        <translation>添加表彰</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="116"/>
        <source>Evaluation recorded</source>
        <translation>添加考评</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="117"/>
        <source>Training removed</source>
        <translation>删除培训</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="118"/>
        <source>Award removed</source>
        <translation>删除表彰</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="119"/>
        <source>Evaluation removed</source>
        <translation>删除考评</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="120"/>
        <source>Volunteer rules changed</source>
        <translation>修改志愿服务规则</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="121"/>
        <source>Points rules changed</source>
        <translation>积分规则已修改</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="122"/>
        <source>Volunteer photo set</source>
        <translation>设置志愿者照片</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="123"/>
        <source>Volunteer photo removed</source>
        <translation>去掉志愿者照片</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="124"/>
        <source>Team added</source>
        <translation>新增队伍</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="125"/>
        <source>Team changed</source>
        <translation>修改队伍</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="126"/>
        <source>Team enabled</source>
        <translation>启用队伍</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="127"/>
        <source>Team disabled</source>
        <translation>停用队伍</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="128"/>
        <source>Standard teams added</source>
        <translation>添加标准队伍</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="129"/>
        <source>Joined a team</source>
        <translation>加入队伍</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="130"/>
        <source>Left a team</source>
        <translation>退出队伍</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="131"/>
        <source>Hours approved</source>
        <translation>审核通过时长</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="132"/>
        <source>Hours rejected</source>
        <translation>驳回时长</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="133"/>
        <source>Hours corrected</source>
        <translation>更正时长</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="134"/>
        <source>Hours entered by hand</source>
        <translation>手工录入时长</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="135"/>
        <source>Star level granted</source>
        <translation>评定星级</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="136"/>
        <source>Certificate issued</source>
        <translation>开具证明</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="137"/>
        <source>Certificate reprinted</source>
        <translation>补打证明副本</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="138"/>
        <source>Certificate voided</source>
        <translation>作废证明</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="139"/>
        <source>Exported to the national volunteer system</source>
        <translation>导出到全国志愿服务信息系统</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="140"/>
        <source>Activity added</source>
        <translation>安排活动</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="141"/>
        <source>Activity changed</source>
        <translation>修改活动</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="142"/>
        <source>Activity sign-in opened</source>
        <translation>活动开始签到</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="143"/>
        <source>Activity closed</source>
        <translation>结束活动</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="144"/>
        <source>Activity reopened</source>
        <translation>重新开启活动</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="145"/>
        <source>Activity cancelled</source>
        <translation>取消活动</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="146"/>
        <source>Activity photo added</source>
        <translation>添加活动照片</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="147"/>
        <source>Activity photo removed</source>
        <translation>删除活动照片</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="148"/>
        <source>Signed in at the kiosk</source>
        <translation>签到机签到</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="149"/>
        <source>Signed out at the kiosk</source>
        <translation>签到机签退</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="150"/>
        <source>Household card at the kiosk</source>
        <translation>签到机刷户卡</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="151"/>
        <source>Kiosk scan annulled</source>
        <translation>撤销扫码</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="152"/>
        <source>Demo volunteers made</source>
        <translation>生成演示志愿者</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="153"/>
        <source>Demo hours made</source>
        <translation>生成演示时长</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="154"/>
        <source>Demo data loaded</source>
        <translation>载入演示数据</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="158"/>
        <source>Station</source>
        <translation>本站</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="159"/>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="160"/>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="161"/>
        <location filename="../../app/services/audit_log.py" line="192"/>
        <source>Household</source>
        <translation>户</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="162"/>
        <location filename="../../app/services/audit_log.py" line="193"/>
        <source>Member</source>
        <translation>成员</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="163"/>
        <source>Card</source>
        <translation>卡</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="164"/>
        <source>Points entry</source>
        <translation>积分记录</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="165"/>
        <source>Points batch</source>
        <translation>批量记分</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="166"/>
        <location filename="../../app/services/audit_log.py" line="256"/>
        <source>Points period</source>
        <translation>积分周期</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="167"/>
        <location filename="../../app/services/audit_log.py" line="252"/>
        <source>Points rule</source>
        <translation>积分项</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="168"/>
        <location filename="../../app/services/audit_log.py" line="204"/>
        <source>Goods</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="169"/>
        <source>Redemption slip</source>
        <translation>兑换单</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="170"/>
        <location filename="../../app/services/audit_log.py" line="194"/>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="171"/>
        <source>Volunteer team</source>
        <translation>志愿服务队</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="172"/>
        <source>Service hours</source>
        <translation>服务时长</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="173"/>
        <source>Certificate</source>
        <translation>证明</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="174"/>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="175"/>
        <source>Kiosk scan</source>
        <translation>签到扫码</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="179"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="180"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="181"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="182"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="183"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="184"/>
        <source>In use</source>
        <translation>在用</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="185"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="186"/>
        <source>Village group</source>
        <translation>村民小组</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="187"/>
        <location filename="../../app/services/audit_log.py" line="238"/>
        <source>Head of household</source>
        <translation>户主</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="188"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="189"/>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="190"/>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="191"/>
        <source>Relation to head</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="195"/>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="196"/>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="197"/>
        <source>Balance after</source>
        <translation>之后余额</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="198"/>
        <source>Reason</source>
        <translation>事由</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="199"/>
        <source>Rule</source>
        <translation>积分项</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="200"/>
        <source>Period</source>
        <translation>周期</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="201"/>
        <location filename="../../app/services/audit_log.py" line="202"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="203"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="205"/>
        <source>In stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="206"/>
        <source>Price in points</source>
        <translation>所需积分</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="207"/>
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="208"/>
        <location filename="../../app/services/audit_log.py" line="229"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="209"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="210"/>
        <source>Low-stock warning at</source>
        <translation>库存提醒线</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="211"/>
        <source>Donor</source>
        <translation>捐赠方</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="212"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="213"/>
        <source>Minutes</source>
        <translation>分钟数</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="214"/>
        <source>Hours</source>
        <translation>小时数</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="215"/>
        <source>Kind</source>
        <translation>种类</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="216"/>
        <source>Serial number</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="217"/>
        <source>Households</source>
        <translation>居民户</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="218"/>
        <source>Entries</source>
        <translation>记录数</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="219"/>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="220"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="221"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="222"/>
        <source>Village</source>
        <translation>村</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="223"/>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="224"/>
        <source>County</source>
        <translation>县（市、区）</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="225"/>
        <source>Station head</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="226"/>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="227"/>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="228"/>
        <source>Team</source>
        <translation>队伍</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="230"/>
        <source>Starts</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="231"/>
        <source>Ends</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="232"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="233"/>
        <source>Record id</source>
        <translation>记录编号</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="234"/>
        <source>At period end</source>
        <translation>期末处理</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="235"/>
        <source>Cleared</source>
        <translation>清零户数</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="236"/>
        <source>Base score</source>
        <translation>基础分</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="237"/>
        <source>Holder</source>
        <translation>持卡人</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="239"/>
        <source>Households added</source>
        <translation>新增户数</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="240"/>
        <source>Members added</source>
        <translation>新增成员数</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="241"/>
        <location filename="../../app/services/audit_log.py" line="242"/>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="243"/>
        <source>Teams</source>
        <translation>队伍</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="244"/>
        <source>Volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="245"/>
        <source>Star levels granted</source>
        <translation>评定星级人数</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="246"/>
        <source>Volunteers with hours</source>
        <translation>有时长的志愿者</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="247"/>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="248"/>
        <source>Left out</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="249"/>
        <source>Capacity</source>
        <translation>人数上限</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="250"/>
        <source>Hours cap (minutes)</source>
        <translation>每人时长上限（分钟）</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="251"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="253"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="254"/>
        <source>Content</source>
        <translation>活动内容</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="257"/>
        <source>Pass line to redeem</source>
        <translation>兑换合格线</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="258"/>
        <source>Minimum balance to redeem</source>
        <translation>兑换最低余额</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="259"/>
        <source>Annual rating tiers</source>
        <translation>年度评定等级</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="260"/>
        <source>Team categories</source>
        <translation>服务队类别</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="261"/>
        <source>Activity categories</source>
        <translation>活动类别</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="262"/>
        <source>Platforms</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="263"/>
        <source>Activities a month at least</source>
        <translation>每月活动不少于</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="264"/>
        <source>Theory talks a month at least</source>
        <translation>每月理论宣讲不少于</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="265"/>
        <source>Platform that counts as theory</source>
        <translation>计为理论宣讲的平台</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="266"/>
        <source>Repeat scans ignored within (s)</source>
        <translation>重复扫码忽略时间（秒）</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="267"/>
        <source>Shortest stay before sign-out (min)</source>
        <translation>签退前最短停留（分钟）</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="268"/>
        <source>Second scan signs out within (s)</source>
        <translation>再次扫码签退时限（秒）</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="269"/>
        <source>Hours counted in steps of (min)</source>
        <translation>时长计算单位（分钟）</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="270"/>
        <source>Rounding</source>
        <translation>取整方式</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="271"/>
        <source>Star thresholds (h)</source>
        <translation>星级时长门槛（小时）</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="272"/>
        <source>Certificate number prefix</source>
        <translation>证明编号前缀</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="273"/>
        <source>Hours in one day needing review</source>
        <translation>需复核的单日时长</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="274"/>
        <source>Sign-ins per person per activity a day</source>
        <translation>每人每天每项活动签到上限</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="275"/>
        <source>National export: warn after (working days)</source>
        <translation>全国系统导出提醒（工作日）</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="276"/>
        <source>Persons</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="277"/>
        <source>Records</source>
        <translation>记录数</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="282"/>
        <source>Service record certificate</source>
        <translation>志愿服务记录证明</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="283"/>
        <source>Star volunteer certificate</source>
        <translation>星级志愿者证书</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="284"/>
        <source>Participation certificate</source>
        <translation>活动参与证明</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="285"/>
        <source>Household card</source>
        <translation>户卡</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="286"/>
        <source>Volunteer card</source>
        <translation>志愿者卡</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="287"/>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="288"/>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="289"/>
        <source>Village station</source>
        <translation>村（社区）实践站</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="290"/>
        <source>Township centre</source>
        <translation>乡镇（街道）实践所</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="291"/>
        <source>Carry points over</source>
        <translation>积分结转</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="292"/>
        <source>Clear points</source>
        <translation>积分清零</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="293"/>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="294"/>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="295"/>
        <source>Year</source>
        <translation>年</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="296"/>
        <source>Down</source>
        <translation>向下取整</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="297"/>
        <source>To the nearest step</source>
        <translation>四舍五入</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="298"/>
        <source>Planned</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="299"/>
        <source>Open for sign-in</source>
        <translation>签到中</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="300"/>
        <source>Closed</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location filename="../../app/services/audit_log.py" line="303"/>
        <source>The program</source>
        <translation>系统程序</translation>
    </message>
</context>
<context>
    <name>checks</name>
    <message>
        <location filename="../../app/services/checks.py" line="43"/>
        <source>Audit log chain</source>
        <translation>操作日志链</translation>
    </message>
    <message>
        <location filename="../../app/services/checks.py" line="62"/>
        <location filename="../../app/services/checks.py" line="76"/>
        <source>Database schema and guard triggers</source>
        <translation>数据库结构与防改触发器</translation>
    </message>
    <message>
        <location filename="../../app/services/checks.py" line="91"/>
        <source>Every row accounted for in the audit log</source>
        <translation>每一行数据都有操作日志记录</translation>
    </message>
    <message>
        <location filename="../../app/services/checks.py" line="104"/>
        <source>Audit log against its signed anchors</source>
        <translation>操作日志与签名锚点一致</translation>
    </message>
    <message>
        <location filename="../../app/services/checks.py" line="116"/>
        <source>Household points balances</source>
        <translation>各户积分余额</translation>
    </message>
    <message>
        <location filename="../../app/services/checks.py" line="128"/>
        <source>Goods on hand</source>
        <translation>商品库存</translation>
    </message>
    <message>
        <location filename="../../app/services/checks.py" line="140"/>
        <source>Volunteer hours and stars</source>
        <translation>志愿服务时长与星级</translation>
    </message>
    <message>
        <location filename="../../app/services/checks.py" line="152"/>
        <source>Points for volunteer service</source>
        <translation>志愿服务积分</translation>
    </message>
    <message>
        <location filename="../../app/services/checks.py" line="164"/>
        <source>Service orders against their history</source>
        <translation>服务单状态与流转记录</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <location filename="../../app/cli/__init__.py" line="262"/>
        <source>No station database in {folder}.</source>
        <translation>{folder} 中没有工作站数据库。</translation>
    </message>
    <message>
        <location filename="../../app/cli/__init__.py" line="269"/>
        <location filename="../../app/cli/__init__.py" line="484"/>
        <source>The database failed its integrity check: {problem}</source>
        <translation>数据库完整性检查未通过：{problem}</translation>
    </message>
    <message>
        <location filename="../../app/cli/__init__.py" line="319"/>
        <source>Refused: {folder} holds a real station, not the demo.</source>
        <translation>已拒绝：{folder} 中是真实工作站的数据，不是演示数据。</translation>
    </message>
    <message>
        <location filename="../../app/cli/__init__.py" line="334"/>
        <source>Demo station created in {folder}.</source>
        <translation>已在 {folder} 中创建演示工作站。</translation>
    </message>
    <message>
        <location filename="../../app/cli/__init__.py" line="335"/>
        <source>Sign in as admin, shijian or chaoshi with the password demo1234.</source>
        <translation>请用 admin、shijian 或 chaoshi 登录，密码均为 demo1234。</translation>
    </message>
    <message>
        <location filename="../../app/cli/__init__.py" line="396"/>
        <source>Backup written: {file} ({size} KB)</source>
        <translation>备份已写入：{file}（{size} KB）</translation>
    </message>
    <message>
        <location filename="../../app/cli/__init__.py" line="411"/>
        <source>Backup of {station} ({code}) taken {when}.</source>
        <translation>{station}（{code}）的备份，备份时间 {when}。</translation>
    </message>
    <message>
        <location filename="../../app/cli/__init__.py" line="416"/>
        <source>Replace the current database with it? Type yes: </source>
        <translation>用它替换当前数据库吗？确认请输入 yes： </translation>
    </message>
    <message>
        <location filename="../../app/cli/__init__.py" line="418"/>
        <source>Nothing was changed.</source>
        <translation>未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../app/cli/__init__.py" line="310"/>
        <location filename="../../app/cli/__init__.py" line="423"/>
        <source>The app is running on this data folder; close it first.</source>
        <translation>程序正在使用这个数据文件夹，请先关闭程序。</translation>
    </message>
    <message>
        <location filename="../../app/cli/__init__.py" line="354"/>
        <source>The app is running on {folder}; close it first.</source>
        <translation>程序正在使用 {folder}，请先关闭程序。</translation>
    </message>
    <message>
        <location filename="../../app/cli/__init__.py" line="376"/>
        <source>Two demo stations and their township created in {folder}: station-a, station-b and township. Sign in as admin with the password demo1234.</source>
        <translation>已在 {folder} 中创建两个演示站点和所属乡镇：station-a、station-b 和 township。用户名 admin，密码 demo1234。</translation>
    </message>
    <message>
        <location filename="../../app/cli/__init__.py" line="436"/>
        <source>Nothing was changed. Use --other-station to restore it anyway.</source>
        <translation>没有做任何更改。如确要恢复，请加 --other-station。</translation>
    </message>
    <message>
        <location filename="../../app/cli/__init__.py" line="444"/>
        <source>Restored. The previous database was backed up first.</source>
        <translation>已恢复。原数据库已先行备份。</translation>
    </message>
    <message>
        <location filename="../../app/cli/__init__.py" line="468"/>
        <source>Audit chain intact: {n} entries checked.</source>
        <translation>操作日志链完好：已检查 {n} 条记录。</translation>
    </message>
    <message>
        <location filename="../../app/cli/__init__.py" line="471"/>
        <source>Audit chain BROKEN at entry {seq}: {reason} ({n} entries before it are intact).</source>
        <translation>操作日志链在第 {seq} 条处断裂：{reason}（此前的 {n} 条记录完好）。</translation>
    </message>
    <message>
        <location filename="../../app/cli/__init__.py" line="489"/>
        <source>The database passed its integrity check.</source>
        <translation>数据库完整性检查通过。</translation>
    </message>
    <message>
        <location filename="../../app/cli/__init__.py" line="500"/>
        <source>OK</source>
        <translation>一致</translation>
    </message>
    <message>
        <location filename="../../app/cli/__init__.py" line="500"/>
        <source>DIFFERS</source>
        <translation>不一致</translation>
    </message>
    <message>
        <location filename="../../app/cli/__init__.py" line="517"/>
        <source>Signing key fingerprint: {fp}</source>
        <translation>签名密钥指纹：{fp}</translation>
    </message>
    <message>
        <location filename="../../app/cli/__init__.py" line="518"/>
        <source>Data folder: {folder}</source>
        <translation>数据文件夹：{folder}</translation>
    </message>
    <message>
        <location filename="../../app/cli/__init__.py" line="519"/>
        <source>Program version: {version}</source>
        <translation>程序版本：{version}</translation>
    </message>
    <message>
        <location filename="../../app/cli/__init__.py" line="540"/>
        <source>Schema at revision {rev}.</source>
        <translation>数据库结构版本：{rev}。</translation>
    </message>
    <message>
        <location filename="../../app/cli/__init__.py" line="559"/>
        <source>The data folder&apos;s key file cannot be read; only its owner can do this.</source>
        <translation>无法读取数据文件夹中的密钥文件；只有数据文件夹的所有者才能执行此操作。</translation>
    </message>
    <message>
        <location filename="../../app/cli/__init__.py" line="571"/>
        <source>New temporary password for {user}: {password} (to be changed at sign-in)</source>
        <translation>{user} 的新临时密码：{password}（登录时须修改）</translation>
    </message>
    <message>
        <location filename="../../app/cli/__init__.py" line="634"/>
        <source>Void slip {number} written to {file}.</source>
        <translation>作废单 {number} 已写入 {file}。</translation>
    </message>
    <message>
        <location filename="../../app/cli/__init__.py" line="636"/>
        <source>Slip {number} written to {file}, marked as a reprint.</source>
        <translation>兑换单 {number} 已写入 {file}（补打）。</translation>
    </message>
    <message>
        <location filename="../../app/cli/__init__.py" line="638"/>
        <source>Slip {number} written to {file}.</source>
        <translation>兑换单 {number} 已写入 {file}。</translation>
    </message>
    <message>
        <location filename="../../app/cli/__init__.py" line="646"/>
        <source>Certificate {number} (copy {copy}) written to {file}.</source>
        <translation>证明 {number}（副本 {copy}）已写入 {file}。</translation>
    </message>
    <message>
        <location filename="../../app/cli/__init__.py" line="653"/>
        <source>List written to {file}.</source>
        <translation>名单已写入 {file}。</translation>
    </message>
    <message>
        <location filename="../../app/cli/__init__.py" line="663"/>
        <source>Cards written to {file}: {n}.</source>
        <translation>卡片已写入 {file}：共 {n} 张。</translation>
    </message>
    <message>
        <location filename="../../app/cli/__init__.py" line="369"/>
        <location filename="../../app/cli/sync.py" line="56"/>
        <source>Sync file written: {file}</source>
        <translation>同步文件已写入：{file}</translation>
    </message>
    <message>
        <location filename="../../app/cli/sync.py" line="58"/>
        <source>Sequence {a}–{b}; it holds: {kinds}</source>
        <translation>序号 {a}–{b}；内含：{kinds}</translation>
    </message>
    <message>
        <location filename="../../app/cli/sync.py" line="64"/>
        <source>No keyed-hash key from the township yet: ID numbers and phones went masked only.</source>
        <translation>尚未收到乡镇下发的散列密钥：身份证号和电话只以脱敏形式导出。</translation>
    </message>
    <message>
        <location filename="../../app/cli/sync.py" line="82"/>
        <source>Enrolment file written: {file}</source>
        <translation>入网文件已写入：{file}</translation>
    </message>
    <message>
        <location filename="../../app/cli/sync.py" line="84"/>
        <source>Read this fingerprint out to the township: {fingerprint}</source>
        <translation>请把此指纹念给乡镇核对：{fingerprint}</translation>
    </message>
    <message>
        <location filename="../../app/cli/sync.py" line="101"/>
        <source>Station {code} {name} enrolled (fingerprint {fingerprint}).</source>
        <translation>站点 {code} {name} 已入网（指纹 {fingerprint}）。</translation>
    </message>
    <message>
        <location filename="../../app/cli/sync.py" line="120"/>
        <source>No sync files found.</source>
        <translation>没有找到同步文件。</translation>
    </message>
    <message>
        <location filename="../../app/cli/sync.py" line="135"/>
        <source>Township {code} {name} enrolled (fingerprint {fingerprint}).</source>
        <translation>已登记乡镇 {code} {name}（指纹 {fingerprint}）。</translation>
    </message>
    <message>
        <location filename="../../app/cli/sync.py" line="152"/>
        <source>Config package version {version} written: {file}</source>
        <translation>已写出第 {version} 版配置包：{file}</translation>
    </message>
    <message>
        <location filename="../../app/cli/sync.py" line="156"/>
        <source>Secrets sealed for {n} stations.</source>
        <translation>密钥已为 {n} 个站点分别加密封装。</translation>
    </message>
    <message>
        <location filename="../../app/cli/sync.py" line="170"/>
        <source>Config version {version} of {township} applied: {parts}</source>
        <translation>已应用{township}的第 {version} 版配置：{parts}</translation>
    </message>
    <message>
        <location filename="../../app/cli/hub.py" line="114"/>
        <source>Copied {n} rows of {file} into the hub&apos;s database.</source>
        <translation>已将 {file} 的 {n} 行数据复制到乡镇服务器的数据库。</translation>
    </message>
    <message>
        <location filename="../../app/cli/hub.py" line="122"/>
        <source>Upgrading the township&apos;s store from schema {revision} to {head}. No backup is made of a store given by --db: a PostgreSQL store is saved with pg_dump before a new version is installed (README, Backups).</source>
        <translation>正在将乡镇的数据库结构从版本 {revision} 升级到 {head}。用 --db 指定的数据库不会自动备份：PostgreSQL 数据库应在安装新版本之前用 pg_dump 备份（见 README 的“Backups”一节）。</translation>
    </message>
    <message>
        <location filename="../../app/cli/hub.py" line="133"/>
        <source>The township&apos;s store is at schema {head} now.</source>
        <translation>乡镇的数据库结构已升级到版本 {head}。</translation>
    </message>
    <message>
        <location filename="../../app/cli/hub.py" line="164"/>
        <source>Hub of {code} {name} listening on http://{host}:{port} ({workers} workers).</source>
        <translation>{code} {name} 的乡镇服务器已在 http://{host}:{port} 上运行（{workers} 个工作进程）。</translation>
    </message>
    <message>
        <location filename="../../app/cli/hub.py" line="191"/>
        <source>Enrolment of station {code} {name} revoked ({when} UTC).</source>
        <translation>已撤销站点 {code} {name} 的入网（{when}，UTC）。</translation>
    </message>
    <message>
        <location filename="../../app/cli/hub.py" line="205"/>
        <source>Password: </source>
        <translation>密码：</translation>
    </message>
    <message>
        <location filename="../../app/cli/hub.py" line="206"/>
        <source>The password again: </source>
        <translation>再输入一次密码：</translation>
    </message>
    <message>
        <location filename="../../app/cli/hub.py" line="208"/>
        <source>The two passwords differ; nothing was changed.</source>
        <translation>两次输入的密码不一致，未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../app/cli/hub.py" line="224"/>
        <source>Hub user {name} added ({role}).</source>
        <translation>已添加网页用户 {name}（{role}）。</translation>
    </message>
    <message>
        <location filename="../../app/cli/hub.py" line="230"/>
        <source>Hub user {name} disabled.</source>
        <translation>网页用户 {name} 已停用。</translation>
    </message>
    <message>
        <location filename="../../app/cli/hub.py" line="233"/>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../app/services/activities.py" line="236"/>
        <source>Please enter the activity&apos;s title.</source>
        <translation>请填写活动名称。</translation>
    </message>
    <message>
        <location filename="../../app/services/activities.py" line="239"/>
        <source>A title can have at most 100 characters.</source>
        <translation>名称最多 100 个字。</translation>
    </message>
    <message>
        <location filename="../../app/services/activities.py" line="243"/>
        <source>Please choose one of the five tasks as the category.</source>
        <translation>请从五项任务中选择一项作为活动类别。</translation>
    </message>
    <message>
        <location filename="../../app/services/activities.py" line="247"/>
        <source>“{platform}” is not one of the platform types.</source>
        <translation>“{platform}”不是可选的平台类型，请重新选择。</translation>
    </message>
    <message>
        <location filename="../../app/services/activities.py" line="251"/>
        <source>The activity must end after it starts.</source>
        <translation>活动结束时间必须晚于开始时间。</translation>
    </message>
    <message>
        <location filename="../../app/services/activities.py" line="254"/>
        <source>An activity can last at most {days} days.</source>
        <translation>一次活动最长 {days} 天。</translation>
    </message>
    <message>
        <location filename="../../app/services/activities.py" line="259"/>
        <source>The capacity must be a number of people above 0.</source>
        <translation>人数上限必须是大于 0 的人数。</translation>
    </message>
    <message>
        <location filename="../../app/services/activities.py" line="263"/>
        <source>The hours cap must be more than 0 and at most 24 hours.</source>
        <translation>时长上限必须大于 0 小时，且不超过 24 小时。</translation>
    </message>
    <message>
        <location filename="../../app/services/activities.py" line="274"/>
        <source>No points rule in use has the code {code}.</source>
        <translation>没有编码为 {code} 的在用积分项。</translation>
    </message>
    <message>
        <location filename="../../app/services/activities.py" line="279"/>
        <source>Taking part earns points: choose a rule that adds points.</source>
        <translation>参加活动是加分的，请选择一个加分项。</translation>
    </message>
    <message>
        <location filename="../../app/services/activities.py" line="286"/>
        <location filename="../../app/services/orders/flow.py" line="612"/>
        <location filename="../../app/services/orders/menu.py" line="112"/>
        <location filename="../../app/services/volunteers/people.py" line="479"/>
        <source>No such volunteer team.</source>
        <translation>找不到该志愿服务队。</translation>
    </message>
    <message>
        <location filename="../../app/services/activities.py" line="327"/>
        <location filename="../../app/services/volunteers/certificates.py" line="452"/>
        <location filename="../../app/services/volunteers/hours.py" line="392"/>
        <source>No such activity.</source>
        <translation>找不到该活动。</translation>
    </message>
    <message>
        <location filename="../../app/services/activities.py" line="377"/>
        <source>The activity is closed: its times and hours cap can no longer change, because the volunteers&apos; hours were counted with them.</source>
        <translation>活动已结束：志愿者的服务时长已按原定时间和时长上限计算，因此这两项不能再修改。</translation>
    </message>
    <message>
        <location filename="../../app/services/activities.py" line="405"/>
        <source>The activity is closed. Ask the station head to reopen it.</source>
        <translation>活动已结束。如需修改，请站长重新开启。</translation>
    </message>
    <message>
        <location filename="../../app/services/activities.py" line="459"/>
        <source>The activity is already closed.</source>
        <translation>活动已经结束。</translation>
    </message>
    <message>
        <location filename="../../app/services/activities.py" line="535"/>
        <location filename="../../app/services/households/records.py" line="557"/>
        <location filename="../../app/services/points/awards.py" line="347"/>
        <location filename="../../app/services/points/awards.py" line="407"/>
        <location filename="../../app/services/points/awards.py" line="459"/>
        <location filename="../../app/services/supermarket/stock.py" line="138"/>
        <location filename="../../app/services/volunteers/certificates.py" line="552"/>
        <location filename="../../app/services/volunteers/hours.py" line="502"/>
        <location filename="../../app/services/volunteers/hours.py" line="522"/>
        <location filename="../../app/services/volunteers/hours.py" line="553"/>
        <location filename="../../app/services/volunteers/kiosk.py" line="720"/>
        <source>Please give a reason.</source>
        <translation>请填写原因。</translation>
    </message>
    <message>
        <location filename="../../app/services/activities.py" line="539"/>
        <source>The activity is not closed.</source>
        <translation>活动尚未结束。</translation>
    </message>
    <message>
        <location filename="../../app/services/activities.py" line="553"/>
        <source>People have already scanned in; the activity can only be closed.</source>
        <translation>已经有人扫码签到，活动只能结束，不能取消。</translation>
    </message>
    <message>
        <location filename="../../app/services/activities.py" line="584"/>
        <source>A month is written like 2026-05.</source>
        <translation>月份请按 2026-05 的格式填写。</translation>
    </message>
    <message>
        <location filename="../../app/services/photos.py" line="102"/>
        <source>Only pictures (JPG, PNG, WebP, BMP, GIF) can be added.</source>
        <translation>只能添加图片（JPG、PNG、WebP、BMP、GIF）。</translation>
    </message>
    <message>
        <location filename="../../app/services/photos.py" line="92"/>
        <source>The file {name} cannot be read.</source>
        <translation>无法读取文件 {name}。</translation>
    </message>
    <message>
        <location filename="../../app/services/photos.py" line="76"/>
        <source>The picture is larger than {mb} MB.</source>
        <translation>图片超过 {mb} MB，请换一张较小的图片。</translation>
    </message>
    <message>
        <location filename="../../app/services/photos.py" line="83"/>
        <source>The file is not a picture (JPG, PNG, WebP, BMP, GIF), or it is damaged.</source>
        <translation>这个文件不是图片（JPG、PNG、WebP、BMP、GIF），或者已经损坏。</translation>
    </message>
    <message>
        <location filename="../../app/services/photos.py" line="110"/>
        <source>{name} is a shortcut (a link) to another file. Choose the picture itself.</source>
        <translation>{name} 是指向其他文件的快捷方式（链接）。请选择图片文件本身。</translation>
    </message>
    <message>
        <location filename="../../app/services/photos.py" line="154"/>
        <source>The picture has more than {max} million pixels. Make it smaller and add it again.</source>
        <translation>这张图片超过 {max} 百万像素。请缩小后再添加。</translation>
    </message>
    <message>
        <location filename="../../app/services/photos.py" line="249"/>
        <source>The picture could not be copied: {error}</source>
        <translation>图片未能复制：{error}</translation>
    </message>
    <message>
        <location filename="../../app/services/activities.py" line="843"/>
        <source>No such photo.</source>
        <translation>找不到该照片。</translation>
    </message>
    <message>
        <location filename="../../app/services/auth.py" line="103"/>
        <source>Your role does not allow this action.</source>
        <translation>您的角色无权进行此操作。</translation>
    </message>
    <message>
        <location filename="../../app/services/auth.py" line="158"/>
        <source>Your account was changed by an administrator since you signed in and no longer allows this action. Please sign in again.</source>
        <translation>您登录后，管理员已更改了您的账号，现在不能再做这项操作。请重新登录。</translation>
    </message>
    <message>
        <location filename="../../app/services/auth.py" line="215"/>
        <source>A password needs at least {n} characters.</source>
        <translation>密码至少需要 {n} 个字符。</translation>
    </message>
    <message>
        <location filename="../../app/services/auth.py" line="224"/>
        <source>A user name is 1–40 characters without spaces.</source>
        <translation>用户名为 1–40 个字符，不能有空格。</translation>
    </message>
    <message>
        <location filename="../../app/services/auth.py" line="273"/>
        <source>Too many wrong passwords. Please wait {minutes} minute(s) and try again, or ask an administrator to reset the password.</source>
        <translation>密码错误次数太多。请等 {minutes} 分钟后再试，或请管理员重设密码。</translation>
    </message>
    <message>
        <location filename="../../app/services/auth.py" line="297"/>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <location filename="../../app/services/auth.py" line="306"/>
        <location filename="../../app/services/auth.py" line="333"/>
        <source>This account is disabled. Ask an administrator.</source>
        <translation>此账号已停用，请联系管理员。</translation>
    </message>
    <message>
        <location filename="../../app/services/auth.py" line="356"/>
        <source>The key file of this data folder does not belong to its station; the password was not reset.</source>
        <translation>这个数据文件夹的密钥文件不属于其中的站点；密码没有重设。</translation>
    </message>
    <message>
        <location filename="../../app/services/auth.py" line="411"/>
        <location filename="../../app/services/households/records.py" line="220"/>
        <location filename="../../app/services/volunteers/roster.py" line="224"/>
        <source>Please enter the person&apos;s name.</source>
        <translation>请填写姓名。</translation>
    </message>
    <message>
        <location filename="../../app/services/auth.py" line="418"/>
        <source>The user name {name} is already taken.</source>
        <translation>用户名 {name} 已被使用，请换一个。</translation>
    </message>
    <message>
        <location filename="../../app/services/auth.py" line="448"/>
        <source>The current password is not correct.</source>
        <translation>当前密码不正确。</translation>
    </message>
    <message>
        <location filename="../../app/services/auth.py" line="479"/>
        <source>The last active administrator cannot be disabled.</source>
        <translation>这是最后一位在用的管理员，不能停用。</translation>
    </message>
    <message>
        <location filename="../../app/services/auth.py" line="506"/>
        <source>The station needs at least one administrator.</source>
        <translation>本站至少需要一位管理员。</translation>
    </message>
    <message>
        <location filename="../../app/services/auth.py" line="364"/>
        <location filename="../../app/services/auth.py" line="561"/>
        <source>No such operator.</source>
        <translation>找不到该操作员。</translation>
    </message>
    <message>
        <location filename="../../app/services/backup.py" line="307"/>
        <source>The backup could not be written to {folder}: {error}</source>
        <translation>备份未能写入 {folder}：{error}</translation>
    </message>
    <message>
        <location filename="../../app/services/backup.py" line="172"/>
        <location filename="../../app/services/backup.py" line="343"/>
        <source>{file} is not a usable station backup: {problem}</source>
        <translation>{file} 不是可用的工作站备份：{problem}</translation>
    </message>
    <message>
        <location filename="../../app/services/backup.py" line="391"/>
        <source>{file} was made by a newer version of this program; update the program first.</source>
        <translation>{file} 是由更新版本的程序生成的，请先升级程序。</translation>
    </message>
    <message>
        <location filename="../../app/services/cards.py" line="213"/>
        <source>This code is not a station card or slip. If it was scanned, switch the input method to English and scan again.</source>
        <translation>这不是本站的卡或单据上的码。如果是扫码输入的，请把输入法切换到英文后重新扫描。</translation>
    </message>
    <message>
        <location filename="../../app/services/cards.py" line="223"/>
        <source>This card&apos;s security code does not match. It was not issued by this station (or its township), or it was altered.</source>
        <translation>这张卡的防伪码不符：它不是本站（或所属乡镇）发的卡，或者已被改动。</translation>
    </message>
    <message>
        <location filename="../../app/services/cards.py" line="232"/>
        <source>This code is damaged.</source>
        <translation>这个码已损坏，无法识别。</translation>
    </message>
    <message>
        <location filename="../../app/services/cards.py" line="243"/>
        <location filename="../../app/services/households/records.py" line="351"/>
        <source>No such household.</source>
        <translation>找不到该户。</translation>
    </message>
    <message>
        <location filename="../../app/services/cards.py" line="246"/>
        <source>This household is closed; it cannot get a card.</source>
        <translation>该户已注销，不能办卡。</translation>
    </message>
    <message>
        <location filename="../../app/services/cards.py" line="299"/>
        <source>Cards are made for households and volunteers only.</source>
        <translation>只能为户和志愿者制卡。</translation>
    </message>
    <message>
        <location filename="../../app/services/cards.py" line="459"/>
        <source>No such card.</source>
        <translation>找不到该卡。</translation>
    </message>
    <message>
        <location filename="../../app/services/cards.py" line="476"/>
        <source>This is a volunteer card, not a household card. Scan the family&apos;s card.</source>
        <translation>这是志愿者卡，不是家庭户卡。请扫该户的积分卡。</translation>
    </message>
    <message>
        <location filename="../../app/services/cards.py" line="482"/>
        <source>This is a household card, not a volunteer card. Scan the volunteer&apos;s own card.</source>
        <translation>这是家庭户卡，不是志愿者卡。请扫志愿者本人的卡。</translation>
    </message>
    <message>
        <location filename="../../app/services/cards.py" line="499"/>
        <source>This card&apos;s security code does not match: the card was altered. Keep it and tell the station head.</source>
        <translation>此卡的防伪码不符：卡已被改动。请收下此卡并告知站长。</translation>
    </message>
    <message>
        <location filename="../../app/services/cards.py" line="507"/>
        <source>This card was not issued in this township (or its code is damaged). Look the person up by name.</source>
        <translation>此卡不是本乡镇发放的（或二维码已损坏）。请按姓名查找。</translation>
    </message>
    <message>
        <location filename="../../app/services/cards.py" line="558"/>
        <source>This is the code of a slip or a certificate, not a card.</source>
        <translation>这是兑换单或证明上的码，不是卡。</translation>
    </message>
    <message>
        <location filename="../../app/services/cards.py" line="572"/>
        <source>This card is genuine but not registered at this station. Look the person up by name or number, or register them here.</source>
        <translation>此卡真实有效，但未在本站登记。请按姓名或编号查找，或在本站登记。</translation>
    </message>
    <message>
        <location filename="../../app/services/cards.py" line="583"/>
        <source>This card belongs to another station; it cannot be used here.</source>
        <translation>此卡属于其他实践站，不能在本站使用。</translation>
    </message>
    <message>
        <location filename="../../app/services/cards.py" line="602"/>
        <source>This card was replaced by card No. {serial} and no longer works. Keep it and tell the station head.</source>
        <translation>这张卡已被 {serial} 号卡替换，不能再使用。请收回此卡并告知站长。</translation>
    </message>
    <message>
        <location filename="../../app/services/cards.py" line="611"/>
        <source>This card was reported lost or cancelled and no longer works. Keep it and tell the station head.</source>
        <translation>这张卡已挂失或注销，不能再使用。请收回此卡并告知站长。</translation>
    </message>
    <message>
        <location filename="../../app/services/orders/flow.py" line="385"/>
        <source>No such service order.</source>
        <translation>没有这个服务单。</translation>
    </message>
    <message>
        <location filename="../../app/services/orders/flow.py" line="440"/>
        <source>Order {number} is {state}: this step is not possible.</source>
        <translation>服务单 {number} 当前为“{state}”，不能进行这一步。</translation>
    </message>
    <message>
        <location filename="../../app/services/orders/flow.py" line="478"/>
        <source>At most {n} characters, please.</source>
        <translation>请不超过 {n} 个字。</translation>
    </message>
    <message>
        <location filename="../../app/services/orders/flow.py" line="490"/>
        <location filename="../../app/services/points/awards.py" line="72"/>
        <location filename="../../app/services/volunteers/certificates.py" line="201"/>
        <location filename="../../app/services/volunteers/hours.py" line="384"/>
        <location filename="../../app/services/volunteers/hours.py" line="726"/>
        <location filename="../../app/services/volunteers/records.py" line="59"/>
        <source>The date {date} is in the future.</source>
        <translation>日期 {date} 还没到，请检查。</translation>
    </message>
    <message>
        <location filename="../../app/services/orders/flow.py" line="497"/>
        <source>{name} is no longer on the menu.</source>
        <translation>“{name}”已不在服务菜单中。</translation>
    </message>
    <message>
        <location filename="../../app/services/orders/flow.py" line="517"/>
        <source>Please pick the resident, or give the name of who asks.</source>
        <translation>请选择居民，或填写点单人的姓名。</translation>
    </message>
    <message>
        <location filename="../../app/services/orders/flow.py" line="523"/>
        <source>A name has at most 50 characters.</source>
        <translation>姓名不超过 50 个字。</translation>
    </message>
    <message>
        <location filename="../../app/services/orders/flow.py" line="529"/>
        <source>Please give a mobile number (11 digits) to call back.</source>
        <translation>请填写 11 位手机号码，以便回访。</translation>
    </message>
    <message>
        <location filename="../../app/services/orders/flow.py" line="574"/>
        <location filename="../../app/services/orders/flow.py" line="795"/>
        <source>Please give the reason.</source>
        <translation>请填写原因。</translation>
    </message>
    <message>
        <location filename="../../app/services/orders/flow.py" line="616"/>
        <source>Please choose a team or volunteers to send.</source>
        <translation>请选择派往的服务队或志愿者。</translation>
    </message>
    <message>
        <location filename="../../app/services/orders/flow.py" line="667"/>
        <source>Please write a short report of the service given.</source>
        <translation>请简要填写服务情况。</translation>
    </message>
    <message>
        <location filename="../../app/services/orders/flow.py" line="670"/>
        <source>Service time cannot be negative.</source>
        <translation>服务时长不能为负数。</translation>
    </message>
    <message>
        <location filename="../../app/services/orders/flow.py" line="682"/>
        <source>At most {n} photos can be kept with one order.</source>
        <translation>一张点单最多保存 {n} 张照片。</translation>
    </message>
    <message>
        <location filename="../../app/services/orders/flow.py" line="778"/>
        <source>A rating is 1 to 5 stars.</source>
        <translation>评价为 1 至 5 星。</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/certificates.py" line="314"/>
        <source>No such certificate.</source>
        <translation>找不到该证明。</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/certificates.py" line="337"/>
        <source>The period must end on or after its first day.</source>
        <translation>截止日期不能早于开始日期。</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/certificates.py" line="345"/>
        <source>{name} has no approved service hours from {start} to {end}, so there is nothing to certify. Approve the hours first or choose another period.</source>
        <translation>{name} 在 {start} 至 {end} 期间没有已审核的服务时长，无法开具证明。请先审核服务时长，或另选时间段。</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/certificates.py" line="375"/>
        <source>{name} has not been granted a star level yet.</source>
        <translation>{name} 还没有评定星级。</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/certificates.py" line="457"/>
        <source>{name} has no approved service hours at “{activity}”. Approve the hours first.</source>
        <translation>{name} 在“{activity}”中没有已审核的服务时长，请先审核服务时长。</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/certificates.py" line="506"/>
        <source>Certificate {number} was voided and cannot be printed again.</source>
        <translation>证明 {number} 已作废，不能再打印。</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/certificates.py" line="557"/>
        <source>Certificate {number} is already voided.</source>
        <translation>证明 {number} 已经作废。</translation>
    </message>
    <message>
        <location filename="../../app/demo/station.py" line="107"/>
        <source>Unknown demo size {size}; use small, medium or large.</source>
        <translation>不认识的演示数据规模 {size}，请使用 small、medium 或 large。</translation>
    </message>
    <message>
        <location filename="../../app/demo/station.py" line="218"/>
        <location filename="../../app/demo/township.py" line="105"/>
        <source>{folder} already holds a station; choose an empty folder.</source>
        <translation>{folder} 中已有工作站数据，请选择一个空文件夹。</translation>
    </message>
    <message>
        <location filename="../../app/services/households/records.py" line="222"/>
        <source>A name can have at most 50 characters.</source>
        <translation>姓名最多 50 个字。</translation>
    </message>
    <message>
        <location filename="../../app/services/households/records.py" line="225"/>
        <source>Sex must be male, female or empty.</source>
        <translation>性别只能是男、女或不填。</translation>
    </message>
    <message>
        <location filename="../../app/services/households/records.py" line="235"/>
        <source>The birth date is not a real date.</source>
        <translation>出生日期不是有效的日期。</translation>
    </message>
    <message>
        <location filename="../../app/services/households/records.py" line="240"/>
        <source>The birth date does not match the one in the ID number.</source>
        <translation>出生日期与身份证号中的出生日期不一致。</translation>
    </message>
    <message>
        <location filename="../../app/services/households/records.py" line="248"/>
        <source>The sex does not match the one in the ID number.</source>
        <translation>性别与身份证号中的性别不一致。</translation>
    </message>
    <message>
        <location filename="../../app/services/households/records.py" line="257"/>
        <source>Please enter the household number.</source>
        <translation>请填写户号。</translation>
    </message>
    <message>
        <location filename="../../app/services/households/records.py" line="260"/>
        <location filename="../../app/services/households/roster_import.py" line="128"/>
        <source>A household number has 1–20 characters without spaces.</source>
        <translation>户号为 1–20 个字符，不能有空格。</translation>
    </message>
    <message>
        <location filename="../../app/services/households/records.py" line="283"/>
        <source>Household number {number} is already in use.</source>
        <translation>户号 {number} 已被使用，请换一个。</translation>
    </message>
    <message>
        <location filename="../../app/services/households/records.py" line="301"/>
        <source>This ID number is already registered to {name} of household {number}.</source>
        <translation>这个身份证号已登记在户号 {number} 的 {name} 名下。</translation>
    </message>
    <message>
        <location filename="../../app/services/households/records.py" line="358"/>
        <location filename="../../app/services/orders/flow.py" line="505"/>
        <location filename="../../app/services/volunteers/people.py" line="428"/>
        <source>No such resident.</source>
        <translation>找不到该居民。</translation>
    </message>
    <message>
        <location filename="../../app/services/households/records.py" line="474"/>
        <location filename="../../app/services/households/records.py" line="502"/>
        <source>A household has one head. Use “Make head” to change the head.</source>
        <translation>每户只有一位户主。如需更换，请使用“设为户主”。</translation>
    </message>
    <message>
        <location filename="../../app/services/households/records.py" line="530"/>
        <source>A resident who has left cannot be the head.</source>
        <translation>已迁出的居民不能当户主。</translation>
    </message>
    <message>
        <location filename="../../app/services/households/records.py" line="562"/>
        <source>This is the head of the household. Make someone else head first.</source>
        <translation>此人是户主，请先把其他成员设为户主。</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/kiosk.py" line="320"/>
        <location filename="../../app/services/volunteers/kiosk.py" line="664"/>
        <source>The kiosk mode must be in, out or auto.</source>
        <translation>签到机模式只能是 in（签到）、out（签退）或 auto（自动）。</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/kiosk.py" line="324"/>
        <source>Nothing was scanned.</source>
        <translation>没有扫描到内容，请重新扫描。</translation>
    </message>
    <message>
        <location filename="../../app/services/orders/flow.py" line="590"/>
        <location filename="../../app/services/volunteers/kiosk.py" line="671"/>
        <location filename="../../app/services/volunteers/people.py" line="472"/>
        <source>No such volunteer.</source>
        <translation>找不到该志愿者。</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/kiosk.py" line="706"/>
        <source>The hours of this scan are already approved. Correct them on the service-hours page instead.</source>
        <translation>这次扫码的服务时长已审核通过，请到服务时长页面更正。</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/kiosk.py" line="725"/>
        <source>No such scan.</source>
        <translation>找不到该扫码记录。</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/kiosk.py" line="728"/>
        <source>An annulment cannot be annulled.</source>
        <translation>撤销记录本身不能再撤销。</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/kiosk.py" line="730"/>
        <source>This scan was already annulled.</source>
        <translation>这次扫码已经撤销过了。</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/kiosk.py" line="738"/>
        <source>The activity is closed; correct the hours on the service-hours page instead.</source>
        <translation>活动已结束，请到服务时长页面更正时长。</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/kiosk.py" line="746"/>
        <source>This sign-out was already undone.</source>
        <translation>这次签退已经撤销过了。</translation>
    </message>
    <message>
        <location filename="../../app/services/personal.py" line="72"/>
        <source>The ID number is not a number.</source>
        <translation>身份证号不是数字，请检查。</translation>
    </message>
    <message>
        <location filename="../../app/services/personal.py" line="75"/>
        <location filename="../../app/services/personal.py" line="93"/>
        <source>The ID number was stored as a number in Excel and has lost its last digits. Format the column as Text and type the numbers again.</source>
        <translation>身份证号在 Excel 中被存成了数字，最后几位已经丢失。请把该列设置为“文本”格式，再重新输入号码。</translation>
    </message>
    <message>
        <location filename="../../app/services/personal.py" line="84"/>
        <source>The ID number {value} is in scientific notation: Excel turned it into a number and lost its last digits. Format the column as Text and type the numbers again.</source>
        <translation>身份证号 {value} 是科学计数法：Excel 把它变成了数字，最后几位已经丢失。请把该列设置为“文本”格式，再重新输入号码。</translation>
    </message>
    <message>
        <location filename="../../app/services/personal.py" line="102"/>
        <source>The ID number has 15 digits: it is an old-style number or was cut short. Please enter the 18-character number.</source>
        <translation>身份证号只有 15 位：可能是旧号码或者被截短了。请填写 18 位身份证号。</translation>
    </message>
    <message>
        <location filename="../../app/services/personal.py" line="110"/>
        <source>The ID number has only 17 digits: the last character is missing.</source>
        <translation>身份证号只有 17 位，少了最后一位。</translation>
    </message>
    <message>
        <location filename="../../app/services/personal.py" line="116"/>
        <source>An ID number has 18 characters: 17 digits and a last digit or X.</source>
        <translation>身份证号为 18 位：前 17 位是数字，最后一位是数字或 X。</translation>
    </message>
    <message>
        <location filename="../../app/services/personal.py" line="123"/>
        <source>The ID number does not start with a valid province code.</source>
        <translation>身份证号开头不是有效的省份代码，请检查。</translation>
    </message>
    <message>
        <location filename="../../app/services/personal.py" line="129"/>
        <source>The birth date inside the ID number is not a real date.</source>
        <translation>身份证号中的出生日期不是有效日期，请检查。</translation>
    </message>
    <message>
        <location filename="../../app/services/personal.py" line="134"/>
        <source>The ID number ends in 000 and its check digit is wrong: Excel probably stored it as a number and lost the last digits. Format the column as Text and type the numbers again.</source>
        <translation>身份证号以 000 结尾且校验位不对：可能是 Excel 把它存成了数字，最后几位已经丢失。请把该列设置为“文本”格式，再重新输入号码。</translation>
    </message>
    <message>
        <location filename="../../app/services/personal.py" line="142"/>
        <source>The ID number&apos;s last character does not match the others: one of the digits was typed wrong.</source>
        <translation>身份证号的最后一位（校验位）与前面的数字对不上，可能有数字输错了，请核对。</translation>
    </message>
    <message>
        <location filename="../../app/services/personal.py" line="180"/>
        <source>A mobile number has 11 digits and starts with 13–19.</source>
        <translation>手机号为 11 位，以 13–19 开头。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/settings.py" line="61"/>
        <source>{period} is not a period (2026, 2026-Q4 or 2026-11).</source>
        <translation>{period} 不是有效的周期，请按 2026、2026-Q4 或 2026-11 的格式填写。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/rules.py" line="129"/>
        <source>A rule code has 1–20 letters, digits or dashes, e.g. HJ01.</source>
        <translation>积分项编码为 1–20 个字母、数字或短横线，如 HJ01。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/rules.py" line="135"/>
        <source>Please enter the rule&apos;s name.</source>
        <translation>请填写积分项名称。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/rules.py" line="138"/>
        <source>A rule&apos;s points must be between -{max} and {max}, and not 0.</source>
        <translation>积分项的分值必须在 -{max} 到 {max} 之间，且不能为 0。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/rules.py" line="146"/>
        <source>The cap per period ({cap}) is smaller than one award ({points}).</source>
        <translation>每周期上限（{cap}）小于单次分值（{points}），请调整。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/rules.py" line="168"/>
        <source>Rule code {code} is already in use.</source>
        <translation>积分项编码 {code} 已被使用，请换一个。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/rules.py" line="202"/>
        <source>A rule&apos;s code cannot change; make a new rule instead.</source>
        <translation>积分项编码不能修改，如需更改请新建一个积分项。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/rules.py" line="255"/>
        <source>No such points rule.</source>
        <translation>找不到该积分项。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/rules.py" line="268"/>
        <source>No points rule has the code {code}.</source>
        <translation>没有编码为 {code} 的积分项。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/rules.py" line="272"/>
        <source>The rule “{name}” is no longer in use.</source>
        <translation>积分项“{name}”已停用。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/periods.py" line="71"/>
        <source>Period {period} is finalized; its points can no longer change. Enter the points in the current period instead.</source>
        <translation>{period} 期积分已确认，不能再修改。请在当前周期中记分。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/awards.py" line="84"/>
        <location filename="../../app/services/supermarket/stock.py" line="103"/>
        <source>The quantity must be a whole number from 1 to {max}.</source>
        <translation>数量必须是 1 到 {max} 之间的整数。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/awards.py" line="110"/>
        <source>The cap for “{rule}” is {cap} points per period. In {period}, household {number} already has {used}, so {points} more would pass the cap.</source>
        <translation>“{rule}”每周期上限为 {cap} 分。户号 {number} 在 {period} 已得 {used} 分，再加 {points} 分就会超出上限。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/awards.py" line="194"/>
        <source>That resident is not a member of this household.</source>
        <translation>该居民不是这一户的成员。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/ledger.py" line="182"/>
        <source>{count} of the chosen households no longer exist.</source>
        <translation>所选的户中有 {count} 户已不存在，请重新选择。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/awards.py" line="248"/>
        <source>Please choose at least one household.</source>
        <translation>请至少选择一户。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/awards.py" line="271"/>
        <source>The cap for “{rule}” is {cap} points per period; {count} households ({numbers}) would pass it in {period}. Remove them or skip them.</source>
        <translation>“{rule}”每周期上限为 {cap} 分；有 {count} 户（{numbers}）在 {period} 会超出上限。请移除或跳过这些户。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/awards.py" line="288"/>
        <source>Every chosen household has reached the cap for “{rule}”.</source>
        <translation>所选的户都已达到“{rule}”的上限。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/awards.py" line="351"/>
        <source>No such batch.</source>
        <translation>找不到该批次。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/awards.py" line="354"/>
        <source>Only a batch award can be undone this way.</source>
        <translation>只有批量加分才能这样撤销。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/awards.py" line="358"/>
        <source>This batch has already been undone.</source>
        <translation>这一批已经撤销过了。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/awards.py" line="411"/>
        <source>No such points entry.</source>
        <translation>找不到该积分记录。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/awards.py" line="419"/>
        <source>This entry cannot be reversed here (a redemption is voided at the supermarket; a reversal cannot be reversed).</source>
        <translation>这条记录不能在这里冲正（兑换要到积分超市作废；冲正记录本身不能再冲正）。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/awards.py" line="427"/>
        <source>This entry has already been reversed.</source>
        <translation>这条记录已经冲正过了。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/awards.py" line="462"/>
        <source>An adjustment is a whole number of points, not 0.</source>
        <translation>调整的积分必须是整数，且不能为 0。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/periods.py" line="88"/>
        <source>Period {period} has not been opened.</source>
        <translation>{period} 期尚未开启。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/periods.py" line="115"/>
        <source>Period {period} is already open.</source>
        <translation>{period} 期已经开启。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/periods.py" line="122"/>
        <source>Finish period {period} (publicize and finalize it) first.</source>
        <translation>请先完成 {period} 期（公示并确认）。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/periods.py" line="195"/>
        <source>Period {period} is not open.</source>
        <translation>{period} 期未开启。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/periods.py" line="220"/>
        <source>Period {period} must be publicized (公示) before it is finalized.</source>
        <translation>{period} 期必须先公示，才能确认。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/redemption.py" line="69"/>
        <source>Household {number} has a score of {score} in {period}, below the pass line of {line}; it cannot redeem until it reaches the pass line.</source>
        <translation>户号 {number} 在 {period} 的得分为 {score} 分，低于及格线 {line} 分，达到及格线后才能兑换。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/redemption.py" line="46"/>
        <source>Household {number} has {balance} points; at least {minimum} are needed to redeem.</source>
        <translation>户号 {number} 现有 {balance} 分，至少需要 {minimum} 分才能兑换。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/redemption.py" line="84"/>
        <source>Household {number} has {balance} points; these goods need {cost}.</source>
        <translation>户号 {number} 现有 {balance} 分，这些商品需要 {cost} 分。</translation>
    </message>
    <message>
        <location filename="../../app/services/households/roster.py" line="322"/>
        <location filename="../../app/services/xlsx_safety.py" line="85"/>
        <source>{file} is not an Excel workbook (.xlsx). Open it in Excel or WPS and save it as .xlsx.</source>
        <translation>{file} 不是 Excel 工作簿（.xlsx）。请用 Excel 或 WPS 打开，另存为 .xlsx 格式。</translation>
    </message>
    <message>
        <location filename="../../app/services/households/roster.py" line="477"/>
        <source>The file {file} does not exist.</source>
        <translation>文件 {file} 不存在。</translation>
    </message>
    <message>
        <location filename="../../app/services/households/roster.py" line="480"/>
        <source>The file {file} is empty.</source>
        <translation>文件 {file} 是空的。</translation>
    </message>
    <message>
        <location filename="../../app/services/households/roster.py" line="490"/>
        <source>The workbook has no sheet named “{sheet}”.</source>
        <translation>工作簿中没有名为“{sheet}”的工作表。</translation>
    </message>
    <message>
        <location filename="../../app/services/households/roster.py" line="515"/>
        <source>The sheet has more than {max} rows. Split it into smaller files and import them one by one.</source>
        <translation>工作表超过 {max} 行。请拆分成几个较小的文件，逐个导入。</translation>
    </message>
    <message>
        <location filename="../../app/services/households/roster.py" line="530"/>
        <source>The sheet “{sheet}” is empty.</source>
        <translation>工作表“{sheet}”是空的。</translation>
    </message>
    <message>
        <location filename="../../app/services/households/roster.py" line="533"/>
        <source>No header row with 姓名 (name) was found in the first {n} rows of “{sheet}”. Choose the columns by hand.</source>
        <translation>在“{sheet}”的前 {n} 行中没有找到含“姓名”的表头行。请手动选择各列。</translation>
    </message>
    <message>
        <location filename="../../app/services/households/roster.py" line="543"/>
        <source>The sheet “{sheet}” has a header but no rows.</source>
        <translation>工作表“{sheet}”只有表头，没有数据。</translation>
    </message>
    <message>
        <location filename="../../app/services/households/roster.py" line="105"/>
        <location filename="../../app/services/volunteers/roster.py" line="96"/>
        <source>Choose which column holds the name (姓名).</source>
        <translation>请选择哪一列是姓名。</translation>
    </message>
    <message>
        <location filename="../../app/services/households/roster.py" line="106"/>
        <source>Choose which column holds the household number (户号).</source>
        <translation>请选择哪一列是户号。</translation>
    </message>
    <message>
        <location filename="../../app/services/households/roster.py" line="587"/>
        <source>The {column} cell is a formula without a value. Open the file in Excel or WPS, save it, and import again.</source>
        <translation>{column} 单元格是公式，没有计算结果。请用 Excel 或 WPS 打开文件并保存，然后重新导入。</translation>
    </message>
    <message>
        <location filename="../../app/services/households/roster_import.py" line="121"/>
        <source>The household number (户号) is missing.</source>
        <translation>缺少户号。</translation>
    </message>
    <message>
        <location filename="../../app/services/households/roster.py" line="620"/>
        <source>“{group}” is not one of the village&apos;s groups.</source>
        <translation>“{group}”不是本村的村民小组。</translation>
    </message>
    <message>
        <location filename="../../app/services/households/roster.py" line="339"/>
        <source>Cell {cell} holds more than {max} characters, more than any roster cell. Shorten it and import again.</source>
        <translation>单元格 {cell} 超过 {max} 个字符，花名册的单元格不会这么长。请缩短后再导入。</translation>
    </message>
    <message>
        <location filename="../../app/services/households/roster.py" line="606"/>
        <source>The birth date {value} is not a date like 1990-01-31.</source>
        <translation>出生日期 {value} 格式不对，请按 1990-01-31 的格式填写。</translation>
    </message>
    <message>
        <location filename="../../app/services/households/roster_import.py" line="163"/>
        <source>This person is already registered (as {name}).</source>
        <translation>此人已经登记过（登记为 {name}）。</translation>
    </message>
    <message>
        <location filename="../../app/services/households/roster_import.py" line="173"/>
        <location filename="../../app/services/volunteers/roster.py" line="328"/>
        <source>The same ID number is already on row {row}.</source>
        <translation>第 {row} 行已有相同的身份证号。</translation>
    </message>
    <message>
        <location filename="../../app/services/households/roster_import.py" line="184"/>
        <source>Household {number} is already registered with its head.</source>
        <translation>户号 {number} 已登记，并且已有户主。</translation>
    </message>
    <message>
        <location filename="../../app/services/households/roster_import.py" line="194"/>
        <source>Household {number} already has its head on row {row}.</source>
        <translation>户号 {number} 的户主已在第 {row} 行。</translation>
    </message>
    <message>
        <location filename="../../app/services/households/roster_import.py" line="243"/>
        <location filename="../../app/services/volunteers/roster.py" line="367"/>
        <source>Only rows without problems can be imported.</source>
        <translation>只能导入没有问题的行。</translation>
    </message>
    <message>
        <location filename="../../app/services/households/roster_import.py" line="246"/>
        <location filename="../../app/services/volunteers/roster.py" line="370"/>
        <source>There are no rows to import.</source>
        <translation>没有可导入的行。</translation>
    </message>
    <message>
        <location filename="../../app/services/households/roster_import.py" line="252"/>
        <location filename="../../app/services/volunteers/roster.py" line="374"/>
        <source>a roster import</source>
        <translation>花名册导入</translation>
    </message>
    <message>
        <location filename="../../app/services/households/roster_import.py" line="261"/>
        <location filename="../../app/services/volunteers/roster.py" line="392"/>
        <source>Row {row}: {problem} Nothing was imported.</source>
        <translation>第 {row} 行：{problem} 所有行均未导入。</translation>
    </message>
    <message>
        <location filename="../../app/services/households/roster_import.py" line="266"/>
        <source>Row {row}: {problem} The {done} households before it were imported; import the file again after fixing that row (they will show as already there).</source>
        <translation>第 {row} 行：{problem} 它之前的 {done} 户已经导入；改正这一行后请再次导入这个文件（已导入的户会显示为已存在）。</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/hours.py" line="254"/>
        <location filename="../../app/services/volunteers/hours.py" line="432"/>
        <source>No such service-hour record.</source>
        <translation>找不到该服务时长记录。</translation>
    </message>
    <message>
        <location filename="../../app/services/orders/flow.py" line="673"/>
        <location filename="../../app/services/volunteers/hours.py" line="356"/>
        <source>Service time must be more than 0 and at most 24 hours in one record.</source>
        <translation>每条记录的服务时长必须大于 0 小时，且不超过 24 小时。</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/hours.py" line="379"/>
        <source>Please say why these hours are entered by hand.</source>
        <translation>请说明为什么手工录入这些时长。</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/hours.py" line="396"/>
        <source>Please describe the service (what was done).</source>
        <translation>请填写服务内容（做了什么）。</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/hours.py" line="442"/>
        <source>This record was already approved; it cannot be decided again.</source>
        <translation>这条记录已经审核通过，不能再次审核。</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/hours.py" line="446"/>
        <source>This record was already rejected; it cannot be decided again.</source>
        <translation>这条记录已经被驳回，不能再次审核。</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/hours.py" line="452"/>
        <source>A record of 0 hours cannot be approved. Correct its hours or reject it.</source>
        <translation>0 小时的记录不能审核通过。请更正时长或驳回。</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/hours.py" line="560"/>
        <source>Service time must be from 0 to 24 hours in one record.</source>
        <translation>每条记录的服务时长必须在 0 到 24 小时之间。</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/hours.py" line="566"/>
        <source>A rejected record cannot be corrected; enter the hours again by hand.</source>
        <translation>已驳回的记录不能更正，请重新手工录入时长。</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/hours.py" line="573"/>
        <source>The new hours are the same as the current ones.</source>
        <translation>新时长与当前时长相同，无需更正。</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/hours.py" line="577"/>
        <source>An approved record cannot be corrected to 0 hours.</source>
        <translation>已审核通过的记录不能更正为 0 小时。</translation>
    </message>
    <message>
        <location filename="../../app/services/station.py" line="48"/>
        <source>The division code must be exactly 12 digits.</source>
        <translation>统计用区划代码必须是 12 位数字。</translation>
    </message>
    <message>
        <location filename="../../app/services/station.py" line="52"/>
        <source>The division code does not start with a valid province code.</source>
        <translation>统计用区划代码开头不是有效的省份代码，请检查。</translation>
    </message>
    <message>
        <location filename="../../app/services/station.py" line="58"/>
        <source>The division code must name a city, county and township (no 00/000).</source>
        <translation>统计用区划代码中的市、县、乡镇部分不能是 00/000。</translation>
    </message>
    <message>
        <location filename="../../app/services/station.py" line="64"/>
        <source>A village station&apos;s code ends in its village number, not 000.</source>
        <translation>村站的区划代码应以村的编号结尾，不能是 000。</translation>
    </message>
    <message>
        <location filename="../../app/services/station.py" line="69"/>
        <source>A township&apos;s code ends in 000.</source>
        <translation>乡镇的区划代码应以 000 结尾。</translation>
    </message>
    <message>
        <location filename="../../app/services/station.py" line="91"/>
        <source>Please enter the station&apos;s name.</source>
        <translation>请填写站点名称。</translation>
    </message>
    <message>
        <location filename="../../app/services/station.py" line="93"/>
        <source>Please enter the village&apos;s name.</source>
        <translation>请填写村名。</translation>
    </message>
    <message>
        <location filename="../../app/services/station.py" line="95"/>
        <source>Please enter the township&apos;s name.</source>
        <translation>请填写乡镇名称。</translation>
    </message>
    <message>
        <location filename="../../app/services/station.py" line="97"/>
        <source>Please enter the county&apos;s name.</source>
        <translation>请填写县（市、区）名称。</translation>
    </message>
    <message>
        <location filename="../../app/services/station.py" line="101"/>
        <source>The contact phone is not a phone number.</source>
        <translation>联系电话不是有效的电话号码，请检查。</translation>
    </message>
    <message>
        <location filename="../../app/services/station.py" line="164"/>
        <source>This station is already set up.</source>
        <translation>本站已经设置过了。</translation>
    </message>
    <message>
        <location filename="../../app/services/dashboard.py" line="143"/>
        <location filename="../../app/services/documents/cards.py" line="52"/>
        <location filename="../../app/services/station.py" line="235"/>
        <location filename="../../app/services/station.py" line="245"/>
        <location filename="../../app/services/station.py" line="310"/>
        <location filename="../../app/sync/enrol.py" line="63"/>
        <location filename="../../app/sync/export.py" line="250"/>
        <source>This station is not set up yet.</source>
        <translation>本站尚未设置。</translation>
    </message>
    <message>
        <location filename="../../app/services/supermarket/goods.py" line="78"/>
        <source>Please enter the goods&apos; name.</source>
        <translation>请填写商品名称。</translation>
    </message>
    <message>
        <location filename="../../app/services/supermarket/goods.py" line="82"/>
        <source>The points price must be a whole number from 1 to 100000.</source>
        <translation>所需积分必须是 1 到 100000 之间的整数。</translation>
    </message>
    <message>
        <location filename="../../app/services/supermarket/goods.py" line="86"/>
        <source>A barcode has 1–40 letters or digits.</source>
        <translation>条码为 1–40 个字母或数字。</translation>
    </message>
    <message>
        <location filename="../../app/services/supermarket/goods.py" line="90"/>
        <source>The low-stock warning level cannot be negative.</source>
        <translation>库存提醒数量不能是负数。</translation>
    </message>
    <message>
        <location filename="../../app/services/supermarket/goods.py" line="116"/>
        <source>The barcode {barcode} already belongs to “{name}”.</source>
        <translation>条码 {barcode} 已属于“{name}”。</translation>
    </message>
    <message>
        <location filename="../../app/services/supermarket/goods.py" line="137"/>
        <location filename="../../app/services/supermarket/redemption.py" line="253"/>
        <source>No such goods.</source>
        <translation>找不到该商品。</translation>
    </message>
    <message>
        <location filename="../../app/services/supermarket/redemption.py" line="260"/>
        <location filename="../../app/services/supermarket/stock.py" line="143"/>
        <source>Only {on_hand} {unit} of “{name}” are in stock.</source>
        <translation>“{name}”库存只有 {on_hand} {unit}。</translation>
    </message>
    <message>
        <location filename="../../app/services/supermarket/stock.py" line="171"/>
        <source>The counted quantity must be a whole number, 0 or more.</source>
        <translation>实盘数量必须是 0 或正整数。</translation>
    </message>
    <message>
        <location filename="../../app/services/supermarket/redemption.py" line="139"/>
        <source>Add at least one goods to redeem.</source>
        <translation>请至少添加一件要兑换的商品。</translation>
    </message>
    <message>
        <location filename="../../app/services/supermarket/redemption.py" line="144"/>
        <source>Each quantity must be a whole number, 1 or more.</source>
        <translation>每项数量必须是 1 或以上的整数。</translation>
    </message>
    <message>
        <location filename="../../app/services/supermarket/redemption.py" line="149"/>
        <source>A redemption can have at most {max} lines.</source>
        <translation>一张兑换单最多 {max} 项商品。</translation>
    </message>
    <message>
        <location filename="../../app/services/supermarket/redemption.py" line="155"/>
        <source>A quantity can be at most {max}.</source>
        <translation>数量最多为 {max}。</translation>
    </message>
    <message>
        <location filename="../../app/services/supermarket/redemption.py" line="224"/>
        <source>The redemption id is not valid.</source>
        <translation>兑换编号无效。</translation>
    </message>
    <message>
        <location filename="../../app/services/supermarket/redemption.py" line="232"/>
        <source>This checkout was already completed for another household. Start a new checkout.</source>
        <translation>这次兑换已为另一户办结，请重新开始兑换。</translation>
    </message>
    <message>
        <location filename="../../app/services/supermarket/redemption.py" line="242"/>
        <source>Household {number} is closed and cannot redeem.</source>
        <translation>户号 {number} 已注销，不能兑换。</translation>
    </message>
    <message>
        <location filename="../../app/services/supermarket/redemption.py" line="256"/>
        <source>“{name}” is no longer offered.</source>
        <translation>“{name}”已下架。</translation>
    </message>
    <message>
        <location filename="../../app/services/supermarket/redemption.py" line="349"/>
        <location filename="../../app/services/supermarket/redemption.py" line="388"/>
        <location filename="../../app/services/supermarket/redemption.py" line="458"/>
        <source>No such redemption.</source>
        <translation>找不到该兑换记录。</translation>
    </message>
    <message>
        <location filename="../../app/services/supermarket/redemption.py" line="383"/>
        <source>Please give the reason for voiding this redemption.</source>
        <translation>请填写作废这次兑换的原因。</translation>
    </message>
    <message>
        <location filename="../../app/services/supermarket/redemption.py" line="391"/>
        <source>Redemption {number} has already been voided.</source>
        <translation>兑换单 {number} 已经作废。</translation>
    </message>
    <message>
        <location filename="../../app/services/policy.py" line="132"/>
        <source>The points period is a month, a quarter or a year.</source>
        <translation>积分周期只能是月、季度或年。</translation>
    </message>
    <message>
        <location filename="../../app/services/policy.py" line="136"/>
        <source>At the end of a period points are carried or cleared.</source>
        <translation>周期结束时积分只能结转或清零。</translation>
    </message>
    <message>
        <location filename="../../app/services/policy.py" line="141"/>
        <source>The base score, pass line and minimum balance are 0 or more.</source>
        <translation>基础分、合格线和最低余额不能小于 0。</translation>
    </message>
    <message>
        <location filename="../../app/services/policy.py" line="152"/>
        <source>Points per hour of service and their caps are whole numbers from 0 to 10000.</source>
        <translation>每小时服务积分及其上限须为 0 到 10000 的整数。</translation>
    </message>
    <message>
        <location filename="../../app/services/policy.py" line="160"/>
        <source>Points for service are rounded down, to the nearest or up.</source>
        <translation>服务积分的取整方式为向下、四舍五入或向上。</translation>
    </message>
    <message>
        <location filename="../../app/services/policy.py" line="166"/>
        <source>Points for service go to the household or to the volunteer&apos;s own account.</source>
        <translation>服务积分记入所在户或志愿者本人账户。</translation>
    </message>
    <message>
        <location filename="../../app/services/policy.py" line="174"/>
        <source>The kinds of service that earn points are activity, manual, order.</source>
        <translation>可计积分的服务类型为：活动、手工录入、点单。</translation>
    </message>
    <message>
        <location filename="../../app/services/policy.py" line="183"/>
        <source>Each rating tier needs a title and a whole-number minimum score.</source>
        <translation>每个评定等级都需要称号和整数的最低积分。</translation>
    </message>
    <message>
        <location filename="../../app/services/policy.py" line="191"/>
        <source>The rating tiers are 1 to 10 tiers with different titles.</source>
        <translation>评定等级为 1 到 10 个，称号不能重复。</translation>
    </message>
    <message>
        <location filename="../../app/services/policy.py" line="260"/>
        <source>A list of categories cannot be empty.</source>
        <translation>类别列表不能为空。</translation>
    </message>
    <message>
        <location filename="../../app/services/policy.py" line="267"/>
        <source>Star thresholds must be rising numbers of hours, e.g. 100, 300, 600.</source>
        <translation>星级时长标准必须逐级递增，如 100、300、600。</translation>
    </message>
    <message>
        <location filename="../../app/services/policy.py" line="273"/>
        <source>Star thresholds must be more than 0 hours.</source>
        <translation>星级时长标准必须大于 0 小时。</translation>
    </message>
    <message>
        <location filename="../../app/services/policy.py" line="277"/>
        <source>Hours can be counted in steps of 1, 5, 6, 10, 15, 30 or 60 minutes.</source>
        <translation>时长计算单位只能是 1、5、6、10、15、30 或 60 分钟。</translation>
    </message>
    <message>
        <location filename="../../app/services/policy.py" line="283"/>
        <source>Rounding must be down or to the nearest step.</source>
        <translation>取整方式只能是向下取整或四舍五入。</translation>
    </message>
    <message>
        <location filename="../../app/services/policy.py" line="297"/>
        <source>Quotas and time windows must be 0 or more.</source>
        <translation>任务指标和时间范围不能小于 0。</translation>
    </message>
    <message>
        <location filename="../../app/services/policy.py" line="302"/>
        <source>The hours in one day that need review are 0 (no check) to 24.</source>
        <translation>需复核的单日时长为 0（不检查）到 24 小时。</translation>
    </message>
    <message>
        <location filename="../../app/services/policy.py" line="309"/>
        <source>The national export warning comes after 1 to 10 working days.</source>
        <translation>全国系统导出提醒须在 1 到 10 个工作日之间。</translation>
    </message>
    <message>
        <location filename="../../app/services/policy.py" line="317"/>
        <source>The certificate prefix is 1–6 Latin letters.</source>
        <translation>证明编号前缀为 1–6 个英文字母。</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/people.py" line="355"/>
        <source>Please choose the type of ID.</source>
        <translation>请选择证件类型。</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/people.py" line="373"/>
        <source>This ID number should have 5–30 Latin letters and digits.</source>
        <translation>该证件号码应为 5–30 个英文字母和数字。</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/people.py" line="380"/>
        <location filename="../../app/services/volunteers/teams.py" line="68"/>
        <source>“{category}” is not one of the service categories.</source>
        <translation>“{category}”不是可选的服务类别。</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/roster.py" line="237"/>
        <source>“{value}” is not a type of ID the station knows (身份证, 护照, 港澳/台湾通行证, 外国人永久居留身份证).</source>
        <translation>“{value}”不是本站认可的证件类型（身份证、护照、港澳/台湾通行证、外国人永久居留身份证）。</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/roster.py" line="273"/>
        <source>The station has no volunteer team called “{team}”. Add it under Teams first, or correct the name.</source>
        <translation>本站没有名为“{team}”的志愿服务队。请先在“志愿服务队”中添加，或改正队名。</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/people.py" line="415"/>
        <location filename="../../app/services/volunteers/roster.py" line="317"/>
        <source>This ID number is already registered to volunteer {name} ({number}).</source>
        <translation>这个证件号码已登记在志愿者 {name}（{number}）名下。</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/roster.py" line="386"/>
        <source>Row {row}: {problem} The {done} volunteers before it were registered; import the file again after fixing that row.</source>
        <translation>第 {row} 行：{problem} 它之前的 {done} 名志愿者已经登记；改正这一行后请再次导入这个文件。</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/people.py" line="437"/>
        <source>{name} is already registered as volunteer {number}.</source>
        <translation>{name} 已登记为志愿者，志愿者编号 {number}。</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/teams.py" line="60"/>
        <source>Please enter the team&apos;s name.</source>
        <translation>请填写志愿服务队名称。</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/teams.py" line="63"/>
        <source>A team name can have at most 60 characters.</source>
        <translation>志愿服务队名称最多 60 个字。</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/teams.py" line="82"/>
        <source>There is already a team called {name}.</source>
        <translation>已有名为 {name} 的志愿服务队。</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/roster.py" line="285"/>
        <location filename="../../app/services/volunteers/teams.py" line="258"/>
        <location filename="../../app/services/volunteers/teams.py" line="304"/>
        <source>The team {name} is no longer active.</source>
        <translation>志愿服务队 {name} 已停用。</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/records.py" line="52"/>
        <source>Please fill in the title.</source>
        <translation>请填写名称。</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/records.py" line="78"/>
        <source>The training time is not plausible.</source>
        <translation>培训时间不合理，请检查。</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/records.py" line="150"/>
        <source>The period is a year, a quarter or a month, e.g. 2026.</source>
        <translation>期间应为年、季度或月，如 2026、2026-Q1 或 2026-05。</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/records.py" line="154"/>
        <source>Please choose a rating.</source>
        <translation>请选择评价等级。</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/records.py" line="182"/>
        <source>Unknown kind of record.</source>
        <translation>未知的记录类型。</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/records.py" line="186"/>
        <source>No such record.</source>
        <translation>找不到该记录。</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/people.py" line="821"/>
        <source>{name} is marked inactive; make them active before printing a card.</source>
        <translation>{name} 已标记为不活跃，请先改为活跃再打印卡。</translation>
    </message>
    <message>
        <location filename="../../app/services/documents/certificates.py" line="165"/>
        <source>No certificate numbered {number}.</source>
        <translation>没有编号为 {number} 的证明。</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/certificates.py" line="716"/>
        <source>No volunteer was granted star level {level} in {year}.</source>
        <translation>{year} 年没有志愿者被评为 {level} 星级。</translation>
    </message>
    <message>
        <location filename="../../app/services/restore.py" line="73"/>
        <source>{file} is a backup of another station: {station} (code {code}), key fingerprint {theirs}; this PC&apos;s key is {ours}. Restoring it makes every card printed here invalid. Restore it only if this PC is to become that station.</source>
        <translation>{file} 是另一个站点的备份：{station}（代码 {code}），密钥指纹 {theirs}；本机密钥为 {ours}。恢复后，本站印制的所有卡片都将失效。只有当这台电脑要改作那个站点时才可恢复。</translation>
    </message>
    <message>
        <location filename="../../app/services/restore.py" line="117"/>
        <source>{file} contains database code this program did not write ({details}). It may have been tampered with; nothing was restored.</source>
        <translation>{file} 含有不是本程序写入的数据库代码（{details}），可能已被篡改；未恢复任何内容。</translation>
    </message>
    <message>
        <location filename="../../app/services/restore.py" line="127"/>
        <location filename="../../app/services/restore.py" line="138"/>
        <location filename="../../app/services/restore.py" line="249"/>
        <source>{file} does not have the tables of a station backup ({details}); nothing was restored.</source>
        <translation>{file} 的数据表与站点备份不符（{details}）；未恢复任何内容。</translation>
    </message>
    <message>
        <location filename="../../app/services/restore.py" line="150"/>
        <source>{file} carries a photo that is far too large ({photo}); nothing was restored.</source>
        <translation>{file} 中有一张照片过大（{photo}）；未恢复任何内容。</translation>
    </message>
    <message>
        <location filename="../../app/services/restore.py" line="160"/>
        <source>{file} carries a photo that is not a picture ({photo}); it may have been tampered with. Nothing was restored.</source>
        <translation>{file} 里有一张照片其实不是图片（{photo}），备份可能被篡改过。没有恢复任何内容。</translation>
    </message>
    <message>
        <location filename="../../app/services/restore.py" line="183"/>
        <source>{file} failed the data check “{check}”: {details}. Its data does not agree with itself (it may have been edited outside the program); nothing was restored.</source>
        <translation>{file} 未通过数据核对“{check}”：{details}。其中的数据前后不一致（可能在程序之外被改动过）；未恢复任何内容。</translation>
    </message>
    <message>
        <location filename="../../app/db/__init__.py" line="191"/>
        <source>The station&apos;s data is busy: {what} is running. Please try again in a moment.</source>
        <translation>站点数据正忙：正在进行{what}。请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../app/db/__init__.py" line="198"/>
        <source>The station&apos;s data is busy (another program is writing to it). Please try again in a moment.</source>
        <translation>站点数据正忙（另一个程序正在写入）。请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../app/db/__init__.py" line="323"/>
        <source>the start-up check of the station&apos;s data</source>
        <translation>站点数据的启动检查</translation>
    </message>
    <message>
        <location filename="../../app/db/__init__.py" line="132"/>
        <source>The station database failed its check, so nothing is written to it. Problem found: {problem}</source>
        <translation>站点数据库未通过检查，因此不会再写入任何内容。发现的问题：{problem}</translation>
    </message>
    <message>
        <location filename="../../app/services/documents/cards.py" line="161"/>
        <source>{number} has no card yet; issue its card in the app first.</source>
        <translation>{number} 还没有卡，请先在程序中制卡。</translation>
    </message>
    <message>
        <location filename="../../app/services/documents/cards.py" line="177"/>
        <source>No household numbered {number}.</source>
        <translation>没有户号为 {number} 的户。</translation>
    </message>
    <message>
        <location filename="../../app/services/documents/cards.py" line="194"/>
        <source>No volunteer numbered {number}.</source>
        <translation>没有编号为 {number} 的志愿者。</translation>
    </message>
    <message>
        <location filename="../../app/services/documents/slips.py" line="157"/>
        <source>No slip numbered {number}.</source>
        <translation>没有单号为 {number} 的兑换单。</translation>
    </message>
    <message>
        <location filename="../../app/services/xlsx_safety.py" line="96"/>
        <source>{file} is damaged and cannot be read. Open it in Excel or WPS, save it again as .xlsx, and import the new file.</source>
        <translation>{file} 已损坏，无法读取。请用 Excel 或 WPS 打开，重新另存为 .xlsx，再导入新文件。</translation>
    </message>
    <message>
        <location filename="../../app/services/xlsx_safety.py" line="107"/>
        <source>{file} unpacks to more than {mb} MB. A roster is far smaller; the file may be damaged or made to overload the computer. Nothing was imported.</source>
        <translation>这个 Excel 文件（{file}）解压后超过 {mb} MB。花名册远没有这么大，文件可能已损坏，或是被故意做成拖垮电脑的文件。没有导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../app/services/xlsx_safety.py" line="128"/>
        <source>Reading {file} took longer than {seconds} seconds and was stopped. Split it into smaller files and import them one by one.</source>
        <translation>读取 {file} 超过 {seconds} 秒，已停止。请拆分成几个较小的文件，逐个导入。</translation>
    </message>
    <message>
        <location filename="../../app/services/xlsx_safety.py" line="273"/>
        <source>{file} contains XML in an encoding Excel and WPS do not write. It is damaged or not a roster; nothing was imported.</source>
        <translation>{file} 里的 XML 使用了 Excel 和 WPS 不会使用的编码。文件已损坏或不是花名册，没有导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../app/services/xlsx_safety.py" line="295"/>
        <source>{file} contains XML entity or DOCTYPE declarations, which Excel and WPS never write and which can be used to attack the computer. Nothing was imported.</source>
        <translation>文件 {file} 里含有不允许的 XML 实体或 DOCTYPE 声明。Excel 和 WPS 从不写入这些内容，它们可被用来攻击电脑。没有导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../app/services/xlsx_safety.py" line="311"/>
        <source>{file} holds more than {max} different texts, far more than a roster. Split it into smaller files and import them one by one.</source>
        <translation>{file} 含有超过 {max} 条不同的文字，远多于一份花名册。请拆分成几个较小的文件，逐个导入。</translation>
    </message>
    <message>
        <location filename="../../app/services/xlsx_safety.py" line="321"/>
        <source>{file} has more than {max} merged cells. Unmerge the cells (or split the file) and import again.</source>
        <translation>{file} 有超过 {max} 个合并单元格。请取消合并（或拆分文件）后再导入。</translation>
    </message>
    <message>
        <location filename="../../app/services/xlsx_safety.py" line="331"/>
        <source>{file} has more than {max} cells, far more than a roster. Split it into smaller files and import them one by one.</source>
        <translation>{file} 有超过 {max} 个单元格，远多于一份花名册。请拆分成几个较小的文件，逐个导入。</translation>
    </message>
    <message>
        <location filename="../../app/services/xlsx_safety.py" line="341"/>
        <source>{file} has more than {max} rows, counting empty ones. Delete the empty rows at the end of the sheet, or split the file, and import again.</source>
        <translation>{file} 连同空行超过 {max} 行。请删除表格末尾的空行，或拆分文件，再导入。</translation>
    </message>
    <message>
        <location filename="../../app/services/xlsx_safety.py" line="358"/>
        <source>{file} is larger than {mb} MB. A roster is far smaller; check that you chose the right file, or split it.</source>
        <translation>{file} 超过 {mb} MB。花名册远没有这么大，请确认选对了文件，或把它拆分。</translation>
    </message>
    <message>
        <location filename="../../app/services/xlsx_safety.py" line="383"/>
        <source>{file} is packed far more tightly than any real workbook. It may be damaged or made to overload the computer; nothing was imported.</source>
        <translation>{file} 的压缩比远超任何正常的工作簿，可能已损坏，或是被故意做成拖垮电脑的文件。没有导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../app/sync/enrol.py" line="109"/>
        <source>{file} is not a valid enrolment file of a township (damaged, cut off, edited or not signed by the township&apos;s key). Nothing was changed; ask the township for a new one.</source>
        <translation>{file} 不是有效的乡镇登记文件（已损坏、不完整、被改动过，或不是用乡镇的密钥签名的）。没有做任何更改；请向乡镇重新索取。</translation>
    </message>
    <message>
        <location filename="../../app/sync/enrol.py" line="118"/>
        <source>{file} is not a valid enrolment file of a station (damaged, edited or not signed by the station&apos;s key). Ask the station for a new one.</source>
        <translation>{file} 不是有效的站点入网文件（已损坏、被改动或没有站点密钥的签名）。请让站点重新生成一份。</translation>
    </message>
    <message>
        <location filename="../../app/sync/enrol.py" line="189"/>
        <source>The fingerprint you typed does not match the one in {file} ({fingerprint}). The file may not come from that station; it was not enrolled.</source>
        <translation>您输入的指纹与 {file} 中的指纹（{fingerprint}）不一致。该文件可能不是那个站点的；未入网。</translation>
    </message>
    <message>
        <location filename="../../app/sync/enrol.py" line="201"/>
        <location filename="../../app/sync/enrol.py" line="406"/>
        <source>Stations are enrolled at the township (乡镇实践所), not here.</source>
        <translation>站点要在乡镇实践所入网，不能在本机入网。</translation>
    </message>
    <message>
        <location filename="../../app/sync/enrol.py" line="207"/>
        <source>{file} is this township&apos;s own enrolment file, not a station&apos;s.</source>
        <translation>{file} 是本乡镇自己的入网文件，不是站点的。</translation>
    </message>
    <message>
        <location filename="../../app/sync/enrol.py" line="214"/>
        <source>{file} is the enrolment file of a township ({name}), not of a station. Nothing was changed.</source>
        <translation>{file} 是乡镇（{name}）的登记文件，不是站点的。没有做任何更改。</translation>
    </message>
    <message>
        <location filename="../../app/sync/enrol.py" line="228"/>
        <source>Station {code} is already enrolled with another key. An enrolment is never replaced silently; nothing was changed.</source>
        <translation>站点 {code} 已用另一把密钥入网。入网信息不会被悄悄替换；未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../app/sync/enrol.py" line="289"/>
        <source>{file} is this station&apos;s own enrolment file, not the township&apos;s. Nothing was changed.</source>
        <translation>{file} 是本站自己的登记文件，不是乡镇的。没有做任何更改。</translation>
    </message>
    <message>
        <location filename="../../app/sync/enrol.py" line="298"/>
        <source>{file} is the enrolment file of the station {name} ({code}), not of a township. Ask the township for its own enrolment file; nothing was changed.</source>
        <translation>{file} 是站点{name}（{code}）的登记文件，不是乡镇的。请向乡镇索取它自己的登记文件；没有做任何更改。</translation>
    </message>
    <message>
        <location filename="../../app/sync/enrol.py" line="309"/>
        <source>{file} does not say that a township wrote it (it is from an older version of the program). Ask the township to write its enrolment file again; nothing was changed.</source>
        <translation>{file} 没有注明由乡镇生成（它来自旧版本的程序）。请乡镇重新生成登记文件；没有做任何更改。</translation>
    </message>
    <message>
        <location filename="../../app/sync/enrol.py" line="353"/>
        <source>The fingerprint you typed does not match the one in {file} ({fingerprint}). The file may not come from the township; nothing was changed.</source>
        <translation>您输入的指纹与 {file} 中的指纹（{fingerprint}）不一致。该文件可能不是乡镇发来的，未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../app/sync/enrol.py" line="400"/>
        <source>Say why the station&apos;s enrolment is revoked.</source>
        <translation>请说明撤销该站点入网的原因。</translation>
    </message>
    <message>
        <location filename="../../app/sync/enrol.py" line="413"/>
        <source>No station with code {code} is enrolled here.</source>
        <translation>本所没有编码为 {code} 的入网站点。</translation>
    </message>
    <message>
        <location filename="../../app/sync/enrol.py" line="283"/>
        <source>A township is enrolled at its village stations, not at a township.</source>
        <translation>乡镇应在其下属村站登记，不能在乡镇实践所登记。</translation>
    </message>
    <message>
        <location filename="../../app/sync/enrol.py" line="325"/>
        <source>This station is already enrolled with a township of another key. An enrolment is never replaced silently; nothing was changed.</source>
        <translation>本站已登记了另一密钥的乡镇。登记不会被悄悄替换，未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../app/sync/errors.py" line="44"/>
        <source>{file} is not a complete sync file (it is damaged or was cut off, e.g. the USB stick was pulled out while writing). Nothing was imported; export it again at the station.</source>
        <translation>{file} 不是完整的同步文件（已损坏或不完整，例如写入时拔出了U盘）。未导入任何数据；请在站点重新导出。</translation>
    </message>
    <message>
        <location filename="../../app/sync/errors.py" line="56"/>
        <source>{file} was changed after the station signed it (its contents do not match the signature). Nothing was imported; export it again at the station.</source>
        <translation>{file} 在站点签名后被改动过（内容与签名不符）。未导入任何数据；请在站点重新导出。</translation>
    </message>
    <message>
        <location filename="../../app/sync/errors.py" line="67"/>
        <source>{file} is far larger than any sync file a station writes; it was not opened. Nothing was imported.</source>
        <translation>{file} 远大于站点会写出的同步文件，未打开。未导入任何数据。</translation>
    </message>
    <message>
        <location filename="../../app/sync/errors.py" line="78"/>
        <source>{file} does not hold the tables of a sync file ({details}). It may have been tampered with; nothing was imported.</source>
        <translation>{file} 的内容不是同步文件应有的数据表（{details}），可能被篡改过；未导入任何数据。</translation>
    </message>
    <message>
        <location filename="../../app/sync/errors.py" line="90"/>
        <source>The import was cancelled; nothing from this file was kept.</source>
        <translation>导入已取消；此文件的数据一条也没有保留。</translation>
    </message>
    <message>
        <location filename="../../app/sync/export.py" line="286"/>
        <source>The export was cancelled; no sync file was written.</source>
        <translation>导出已取消；没有写出同步文件。</translation>
    </message>
    <message>
        <location filename="../../app/sync/export.py" line="359"/>
        <source>The sync file could not be written to {folder} ({error}). Check the USB stick and export again; nothing was marked as synced.</source>
        <translation>同步文件无法写入 {folder}（{error}）。请检查U盘后重新导出；没有任何数据被标记为已同步。</translation>
    </message>
    <message>
        <location filename="../../app/sync/export.py" line="373"/>
        <source>The sync file written to {folder} could not be read back: the USB stick may be failing. Use another stick and export again; nothing was marked as synced.</source>
        <translation>写入 {folder} 的同步文件无法读回：U 盘可能已损坏。请换一个 U 盘重新导出；没有任何数据被标记为已同步。</translation>
    </message>
    <message>
        <location filename="../../app/sync/importer.py" line="315"/>
        <source>This PC is set up as a village station; sync files are imported at the township (乡镇实践所).</source>
        <translation>本机设置为村文明实践站；同步文件要在乡镇实践所导入。</translation>
    </message>
    <message>
        <location filename="../../app/sync/importer.py" line="329"/>
        <source>{file} was written by an older version of the program at the station (data version {theirs}; this PC has {ours}). Update the program at the station and export again; nothing was imported.</source>
        <translation>{file} 是站点用旧版程序写出的（数据版本 {theirs}，本机为 {ours}）。请先升级站点的程序再重新导出；未导入任何数据。</translation>
    </message>
    <message>
        <location filename="../../app/sync/importer.py" line="340"/>
        <source>{file} was written by a newer version of the program (data version {theirs}; this PC has {ours}). Update the program on this PC first; nothing was imported.</source>
        <translation>{file} 是用更新版本的程序写出的（数据版本 {theirs}，本机为 {ours}）。请先升级本机的程序；未导入任何数据。</translation>
    </message>
    <message>
        <location filename="../../app/sync/importer.py" line="365"/>
        <source>{file} comes from station {code}, which is not enrolled at this township. Enrol the station with its enrolment file first; nothing was imported.</source>
        <translation>{file} 来自站点 {code}，该站点尚未在本乡镇入网。请先用它的入网文件办理入网；未导入任何数据。</translation>
    </message>
    <message>
        <location filename="../../app/sync/importer.py" line="380"/>
        <source>{file} says it comes from station {code}, but it was signed by station {signer} ({signer_name}). It was not imported.</source>
        <translation>{file} 自称来自站点 {code}，却是站点 {signer}（{signer_name}）签名的。未导入。</translation>
    </message>
    <message>
        <location filename="../../app/sync/importer.py" line="391"/>
        <source>{file} is not signed with the key enrolled for station {code} (it was changed, or made by another PC). It was not imported.</source>
        <translation>{file} 不是用站点 {code} 入网时登记的密钥签名的（被改动过，或出自另一台电脑）。未导入。</translation>
    </message>
    <message>
        <location filename="../../app/sync/importer.py" line="944"/>
        <source>{file}: after the import the control total of {table} did not match ({stored} stored, {incoming} in the file). Everything from this file was rolled back.</source>
        <translation>{file}：导入后 {table} 的控制合计不符（已存 {stored}，文件中 {incoming}）。此文件的数据已全部撤回。</translation>
    </message>
    <message>
        <location filename="../../app/demo/township.py" line="89"/>
        <source>{folder} holds a real station, not the demo; nothing was done.</source>
        <translation>{folder} 中是真实站点，不是演示站点；未做任何改动。</translation>
    </message>
    <message>
        <location filename="../../app/sync/config.py" line="217"/>
        <source>The layout {file} cannot be used ({details}); nothing was written.</source>
        <translation>版式 {file} 无法使用（{details}），未写出任何文件。</translation>
    </message>
    <message>
        <location filename="../../app/sync/config.py" line="260"/>
        <source>Config packages are published by the township (乡镇实践所).</source>
        <translation>配置包由乡镇实践所发布。</translation>
    </message>
    <message>
        <location filename="../../app/sync/config.py" line="398"/>
        <source>{file} is not a complete config package (damaged, cut off or edited). Nothing was changed; ask the township for the package again.</source>
        <translation>{file} 不是完整的配置包（已损坏、不完整或被改动）。未做任何更改，请向乡镇重新索取配置包。</translation>
    </message>
    <message>
        <location filename="../../app/sync/config.py" line="409"/>
        <source>{file} is far larger than any config package; it was not opened. Nothing was changed.</source>
        <translation>{file} 远大于任何配置包，未打开。未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../app/sync/config.py" line="419"/>
        <source>{file} was not signed by this station&apos;s township (another township, or changed after signing). Nothing was changed.</source>
        <translation>{file} 不是本站所属乡镇签名的（来自其他乡镇，或签名后被改动）。未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../app/sync/config.py" line="523"/>
        <source>This station has not enrolled its township yet, so it cannot check a config package. Enrol the township first (its enrolment file and fingerprint).</source>
        <translation>本站尚未登记所属乡镇，无法核验配置包。请先登记乡镇（乡镇的入网文件和指纹）。</translation>
    </message>
    <message>
        <location filename="../../app/sync/config.py" line="547"/>
        <source>{file} is config version {version}, but version {in_force} is already in force here; an older or repeated package is not applied. Nothing was changed.</source>
        <translation>{file} 是第 {version} 版配置，但本站已在使用第 {in_force} 版；旧的或重复的配置包不予应用。未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../app/sync/config.py" line="634"/>
        <source>{file} holds a setting this station refuses: {details}. Nothing was changed.</source>
        <translation>{file} 中有本站不接受的设置：{details}。未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../app/sync/config.py" line="643"/>
        <source>{file} holds nothing for this station (it was published before this station was enrolled, or it is damaged). Nothing was changed; ask the township for a new package.</source>
        <translation>{file} 中没有给本站的内容（发布时本站尚未入网，或文件已损坏）。未做任何更改，请向乡镇索取新的配置包。</translation>
    </message>
    <message>
        <location filename="../../app/sync/config.py" line="681"/>
        <source>the layout {name} cannot be printed</source>
        <translation>版式 {name} 无法打印</translation>
    </message>
    <message>
        <location filename="../../app/sync/config.py" line="809"/>
        <source>A newer config package was applied meanwhile; nothing was changed.</source>
        <translation>其间已应用了更新的配置包，未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../app/services/township/stations.py" line="41"/>
        <source>The number of days must be between 1 and 365.</source>
        <translation>天数须在 1 到 365 之间。</translation>
    </message>
    <message>
        <location filename="../../app/sync/upload.py" line="170"/>
        <source>The township server&apos;s address must start with http:// or https:// and name a host, e.g. https://hub.example.cn.</source>
        <translation>乡镇服务器的地址必须以 http:// 或 https:// 开头并写明主机，例如 https://hub.example.cn。</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/users.py" line="74"/>
        <source>A user name is 1 to 50 letters, digits, &apos;.&apos;, &apos;-&apos; or &apos;_&apos;.</source>
        <translation>用户名为 1 至 50 个字母、数字、“.”、“-”或“_”。</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/users.py" line="81"/>
        <source>The role is county or township.</source>
        <translation>角色只能是 county（县）或 township（乡镇）。</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/users.py" line="86"/>
        <source>A township user needs at least one --township.</source>
        <translation>乡镇用户至少要用 --township 指定一个乡镇。</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/users.py" line="90"/>
        <source>The password must have at least 8 characters.</source>
        <translation>密码至少 8 个字符。</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/users.py" line="95"/>
        <source>There is already a hub user {name}.</source>
        <translation>已有网页用户 {name}。</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/users.py" line="121"/>
        <source>There is no hub user {name}.</source>
        <translation>没有网页用户 {name}。</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/storage.py" line="154"/>
        <source>The database {store} cannot be reached: {reason}</source>
        <translation>无法连接数据库 {store}：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/storage.py" line="160"/>
        <source>The database {store} is empty. Copy the township&apos;s data folder into it first: main.py hub --data-dir FOLDER --db URL --copy-from-folder.</source>
        <translation>数据库 {store} 是空的。请先把乡镇的数据文件夹复制进去：main.py hub --data-dir FOLDER --db URL --copy-from-folder。</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/storage.py" line="172"/>
        <source>The database {store} is at schema {revision}; this program needs {head}. Start the hub of this version on it first: it upgrades the database.</source>
        <translation>数据库 {store} 的结构版本为 {revision}，本程序需要 {head}。请先在该数据库上启动本版本的乡镇服务器（main.py hub），由它升级数据库。</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/storage.py" line="184"/>
        <source>The database {store} holds no township (no station set up as 乡镇实践所). Only a township&apos;s desktop opens a shared database; a station keeps its data in its own folder.</source>
        <translation>数据库 {store} 中没有乡镇（没有设为乡镇实践所的站点）。只有乡镇的桌面程序才能打开共用数据库；村站的数据保存在它自己的数据文件夹中。</translation>
    </message>
    <message>
        <location filename="../../app/services/reports/figures.py" line="89"/>
        <source>A report period is written like 2026-05, 2026-Q2 or 2026.</source>
        <translation>报表期间的写法如 2026-05、2026-Q2 或 2026。</translation>
    </message>
    <message>
        <location filename="../../app/services/reports/submit.py" line="131"/>
        <location filename="../../app/services/reports/submit.py" line="201"/>
        <source>This submitted report was not found.</source>
        <translation>找不到这份报送的报表。</translation>
    </message>
    <message>
        <location filename="../../app/services/reports/submit.py" line="197"/>
        <source>Please give the reason for returning the report.</source>
        <translation>请填写退回报表的原因。</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/national.py" line="139"/>
        <source>The period&apos;s start is after its end.</source>
        <translation>时段的开始日期晚于结束日期。</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/national.py" line="272"/>
        <source>There are no approved service records to export.</source>
        <translation>没有可导出的已审核服务记录。</translation>
    </message>
    <message>
        <location filename="../../app/services/orders/menu.py" line="86"/>
        <source>No such service on the menu.</source>
        <translation>服务菜单中没有这一项。</translation>
    </message>
    <message>
        <location filename="../../app/services/orders/menu.py" line="96"/>
        <source>A service on the menu needs a category and a name.</source>
        <translation>服务菜单项需要类别和名称。</translation>
    </message>
    <message>
        <location filename="../../app/services/orders/menu.py" line="100"/>
        <source>A category has at most 30 characters and a service at most 60.</source>
        <translation>类别不超过 30 个字，服务项目不超过 60 个字。</translation>
    </message>
    <message>
        <location filename="../../app/services/orders/menu.py" line="166"/>
        <source>The menu already has {name} in {category}.</source>
        <translation>服务菜单“{category}”中已有“{name}”。</translation>
    </message>
    <message>
        <location filename="../../app/services/households/lookup.py" line="333"/>
        <source>This card names nobody in the households register (a volunteer from outside the village, or a household without a head): take the order as someone else.</source>
        <translation>这张卡在户籍名册里找不到对应的居民（外村志愿者，或该户没有户主）：请按“其他人”登记点单。</translation>
    </message>
</context>
<context>
    <name>hub</name>
    <message>
        <location filename="../../app/sync/hub/errors.py" line="85"/>
        <source>The upload has no Content-Length; send the file with its length.</source>
        <translation>上传缺少 Content-Length，请连同文件长度一起发送。</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/errors.py" line="88"/>
        <source>The Content-Length of the upload is not a number.</source>
        <translation>上传的 Content-Length 不是数字。</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/errors.py" line="89"/>
        <source>The upload is larger than this hub accepts ({limit} bytes); nothing was imported.</source>
        <translation>上传超过本服务接受的大小（{limit} 字节），未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/errors.py" line="92"/>
        <source>The upload was cut off before the end; nothing was imported. Send it again.</source>
        <translation>上传在结束前中断，未导入任何内容。请重新发送。</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/errors.py" line="95"/>
        <source>The upload took too long and was stopped; nothing was imported. Send it again.</source>
        <translation>上传耗时过长，已被停止，未导入任何内容。请重新发送。</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/errors.py" line="98"/>
        <source>X-Wb-File-Name must be the sync file&apos;s own name (letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;, ending in .wbsync).</source>
        <translation>X-Wb-File-Name 必须是同步文件本身的文件名（字母、数字、&apos;-&apos;、&apos;_&apos; 和 &apos;.&apos;，以 .wbsync 结尾）。</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/errors.py" line="103"/>
        <source>The upload must be sent as application/octet-stream (the file&apos;s raw bytes).</source>
        <translation>上传必须以 application/octet-stream 发送（文件的原始字节）。</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/errors.py" line="106"/>
        <source>The township revoked this station&apos;s enrolment; the hub takes nothing from it. Ask the township.</source>
        <translation>乡镇已撤销本站点的入网，乡镇服务器不再接收其任何内容。请联系乡镇。</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/errors.py" line="111"/>
        <source>The hub is busy; try again in a moment.</source>
        <translation>乡镇服务器正忙，请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/errors.py" line="112"/>
        <source>The hub lost its connection to its database; nothing of this request was kept. Try again in a moment.</source>
        <translation>乡镇服务器与其数据库的连接中断，本次请求的内容均未保存。请稍后重试。</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/errors.py" line="118"/>
        <source>The request is not signed by a station.</source>
        <translation>该请求没有站点签名。</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/errors.py" line="119"/>
        <source>This station is not enrolled at the township.</source>
        <translation>该站点未在乡镇入网。</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/errors.py" line="120"/>
        <source>The request&apos;s signature does not verify.</source>
        <translation>该请求的签名校验不通过。</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/errors.py" line="121"/>
        <source>This request was sent before; it is not accepted twice.</source>
        <translation>该请求已发送过，不会重复接受。</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/errors.py" line="122"/>
        <source>The station&apos;s clock differs from the hub&apos;s; sign again with the hub&apos;s time.</source>
        <translation>站点时钟与乡镇服务器不一致，请按乡镇服务器的时间重新签名。</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/errors.py" line="126"/>
        <source>Sign in with a user name and password of the township (HTTP Basic).</source>
        <translation>请使用乡镇的用户名和密码登录（HTTP Basic）。</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/errors.py" line="129"/>
        <source>This user&apos;s role may not enrol stations.</source>
        <translation>该用户的角色无权办理站点入网。</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/errors.py" line="130"/>
        <source>X-Wb-Fingerprint is missing: send the fingerprint the station read out.</source>
        <translation>缺少 X-Wb-Fingerprint：请发送站点报出的指纹。</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/errors.py" line="133"/>
        <source>This is far larger than any enrolment file; it was not read.</source>
        <translation>该内容远大于任何入网文件，未读取。</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/errors.py" line="136"/>
        <source>There is nothing at this address.</source>
        <translation>此地址下没有内容。</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/errors.py" line="137"/>
        <source>This address does not take this method.</source>
        <translation>此地址不接受该请求方法。</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/errors.py" line="138"/>
        <source>The request is malformed.</source>
        <translation>请求格式不正确。</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/errors.py" line="139"/>
        <source>The hub failed on this request (error {error_id}, logged). Try again later.</source>
        <translation>乡镇服务器处理该请求时出错（错误号 {error_id}，已记录日志）。请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/storage.py" line="35"/>
        <source>{folder} is not a township&apos;s data folder (no station set up as 乡镇实践所 in its database). Start the hub on the township&apos;s data folder.</source>
        <translation>{folder} 不是乡镇的数据文件夹（其数据库中没有设为乡镇实践所的站点）。请在乡镇的数据文件夹上启动乡镇服务器。</translation>
    </message>
</context>
<context>
    <name>id_types</name>
    <message>
        <location filename="../../app/services/volunteers/people.py" line="70"/>
        <source>Resident ID card</source>
        <translation>居民身份证</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/people.py" line="71"/>
        <source>Mainland travel permit (Hong Kong/Macao)</source>
        <translation>港澳居民来往内地通行证</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/people.py" line="72"/>
        <source>Mainland travel permit (Taiwan)</source>
        <translation>台湾居民来往大陆通行证</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/people.py" line="73"/>
        <source>Passport</source>
        <translation>护照</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/people.py" line="74"/>
        <source>Foreigner&apos;s permanent residence ID</source>
        <translation>外国人永久居留身份证</translation>
    </message>
</context>
<context>
    <name>kiosk</name>
    <message>
        <location filename="../../app/services/activities.py" line="492"/>
        <source>{name} was signed out when the activity closed</source>
        <translation>活动结束时已为 {name} 自动签退</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/kiosk.py" line="97"/>
        <source>{name} signed in at {time}</source>
        <translation>{name} 已于 {time} 签到</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/kiosk.py" line="98"/>
        <source>{name} signed out: {hours} h counted today, {total} h approved in all</source>
        <translation>{name} 已签退：本次计 {hours} 小时，累计已审核 {total} 小时</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/kiosk.py" line="101"/>
        <source>{name} signed out; the time looks wrong and will be checked by the station</source>
        <translation>{name} 已签退；时长似乎有误，将由站里核实</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/kiosk.py" line="104"/>
        <source>{name} is already signed in (since {time})</source>
        <translation>{name} 已经签到（{time} 起）</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/kiosk.py" line="105"/>
        <source>{name} has already signed in {count} times at this activity today, the most allowed.</source>
        <translation>{name} 今天已在本活动签到 {count} 次，已达上限。</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/kiosk.py" line="109"/>
        <source>{name} already signed in at {time} — scan again to sign out?</source>
        <translation>{name} 已于 {time} 签到 — 要签退请再扫一次</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/kiosk.py" line="112"/>
        <source>{name} has not signed in, so cannot sign out. Switch to sign-in.</source>
        <translation>{name} 还没有签到，不能签退。请切换到签到。</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/kiosk.py" line="115"/>
        <source>This activity is closed; scans are no longer taken.</source>
        <translation>本活动已结束，不再接受扫码。</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/kiosk.py" line="116"/>
        <source>This activity has not been opened for sign-in yet.</source>
        <translation>本活动还没有开始签到。</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/kiosk.py" line="117"/>
        <source>This is not a station card. Switch the input method to English and scan again.</source>
        <translation>这不是本站的卡。请把输入法切换到英文后重新扫描。</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/kiosk.py" line="120"/>
        <source>This card has been altered and is not valid. Keep it and tell the station head.</source>
        <translation>这张卡已被改动，无效。请收回此卡并告知站长。</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/kiosk.py" line="123"/>
        <source>This card was not issued in this township (or the code is damaged). Look the person up by name.</source>
        <translation>这张卡不是本乡镇发的（或码已损坏）。请按姓名查找此人。</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/kiosk.py" line="128"/>
        <source>This card is from another station and the person is not registered here. Look them up by name or register them.</source>
        <translation>这张卡是其他站发的，此人未在本站登记。请按姓名查找，或为其登记。</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/kiosk.py" line="133"/>
        <source>This card belongs to another station and cannot be used here. Please see the staff.</source>
        <translation>此卡属于其他实践站，不能在这里使用。请找工作人员。</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/kiosk.py" line="137"/>
        <source>This card was replaced or cancelled and no longer works. Please see the staff.</source>
        <translation>这张卡已被替换或注销，不能再使用。请找工作人员。</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/kiosk.py" line="140"/>
        <source>This is a certificate or slip code, not a card for signing in.</source>
        <translation>这是证明或兑换单上的码，不是签到用的卡。</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/kiosk.py" line="143"/>
        <source>{name} is marked as an inactive volunteer. Please see the staff.</source>
        <translation>{name} 已标记为不活跃志愿者。请找工作人员。</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/kiosk.py" line="146"/>
        <source>This is a household card; this activity takes volunteer cards only.</source>
        <translation>这是户卡；本活动只接受志愿者卡。</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/kiosk.py" line="149"/>
        <source>Household {number} is closed and cannot take part. Please see the staff.</source>
        <translation>户号 {number} 已注销，不能参加。请找工作人员。</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/kiosk.py" line="152"/>
        <source>Household {number} ({name}) recorded: +{points} points</source>
        <translation>已记录户号 {number}（{name}）：+{points} 分</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/kiosk.py" line="155"/>
        <source>Household {number} ({name}) recorded</source>
        <translation>已记录户号 {number}（{name}）</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/kiosk.py" line="156"/>
        <source>Household {number} ({name}) recorded, but no points: {why}</source>
        <translation>已记录户号 {number}（{name}），但未加分：{why}</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/kiosk.py" line="159"/>
        <source>Household {number} ({name}) is already recorded for this activity</source>
        <translation>户号 {number}（{name}）已记录过本次活动</translation>
    </message>
    <message>
        <location filename="../../app/services/volunteers/kiosk.py" line="162"/>
        <source>The scan of {name} at {time} was annulled</source>
        <translation>{name} 在 {time} 的扫码已撤销</translation>
    </message>
</context>
<context>
    <name>pdf_preview</name>
    <message>
        <location filename="../../app/views/pdf_preview.py" line="197"/>
        <source>Printing page {done} of {total}…</source>
        <translation>正在打印第 {done}/{total} 页…</translation>
    </message>
    <message>
        <location filename="../../app/views/pdf_preview.py" line="203"/>
        <source>Printing</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../app/views/pdf_preview.py" line="207"/>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
</context>
<context>
    <name>roles</name>
    <message>
        <location filename="../../app/services/auth.py" line="57"/>
        <source>Station head / administrator</source>
        <translation>站长/管理员</translation>
    </message>
    <message>
        <location filename="../../app/services/auth.py" line="58"/>
        <source>Practice worker</source>
        <translation>实践员</translation>
    </message>
    <message>
        <location filename="../../app/services/auth.py" line="59"/>
        <source>Supermarket counter</source>
        <translation>超市值守</translation>
    </message>
</context>
<context>
    <name>sync</name>
    <message>
        <location filename="../../app/sync/export.py" line="72"/>
        <source>{n} activities</source>
        <translation>{n} 条活动</translation>
    </message>
    <message>
        <location filename="../../app/sync/export.py" line="73"/>
        <source>{n} participations</source>
        <translation>{n} 条参与记录</translation>
    </message>
    <message>
        <location filename="../../app/sync/export.py" line="74"/>
        <source>{n} households</source>
        <translation>{n} 户</translation>
    </message>
    <message>
        <location filename="../../app/sync/export.py" line="75"/>
        <source>{n} residents</source>
        <translation>{n} 名居民</translation>
    </message>
    <message>
        <location filename="../../app/sync/export.py" line="76"/>
        <source>{n} points entries</source>
        <translation>{n} 条积分记录</translation>
    </message>
    <message>
        <location filename="../../app/sync/export.py" line="77"/>
        <source>{n} redemptions</source>
        <translation>{n} 笔兑换</translation>
    </message>
    <message>
        <location filename="../../app/sync/export.py" line="78"/>
        <source>{n} goods</source>
        <translation>{n} 种商品</translation>
    </message>
    <message>
        <location filename="../../app/sync/export.py" line="79"/>
        <source>{n} stock moves</source>
        <translation>{n} 条库存流水</translation>
    </message>
    <message>
        <location filename="../../app/sync/export.py" line="80"/>
        <source>{n} volunteers</source>
        <translation>{n} 名志愿者</translation>
    </message>
    <message>
        <location filename="../../app/sync/export.py" line="81"/>
        <source>{n} service-hour records</source>
        <translation>{n} 条服务时长记录</translation>
    </message>
    <message>
        <location filename="../../app/sync/export.py" line="82"/>
        <source>{n} certificates</source>
        <translation>{n} 张证书</translation>
    </message>
    <message>
        <location filename="../../app/sync/export.py" line="83"/>
        <source>{n} sign-in scans</source>
        <translation>{n} 次签到扫码</translation>
    </message>
    <message>
        <location filename="../../app/sync/export.py" line="84"/>
        <source>{n} audit log entries</source>
        <translation>{n} 条审计记录</translation>
    </message>
    <message>
        <location filename="../../app/sync/export.py" line="86"/>
        <source>{n} activity photos</source>
        <translation>{n} 张活动照片</translation>
    </message>
    <message>
        <location filename="../../app/sync/export.py" line="87"/>
        <source>{n} organising teams of activities</source>
        <translation>{n} 条活动组织队伍</translation>
    </message>
    <message>
        <location filename="../../app/sync/export.py" line="88"/>
        <source>{n} volunteer sign-ins</source>
        <translation>{n} 条志愿者签到</translation>
    </message>
    <message>
        <location filename="../../app/sync/export.py" line="89"/>
        <source>{n} cards</source>
        <translation>{n} 张卡</translation>
    </message>
    <message>
        <location filename="../../app/sync/export.py" line="90"/>
        <source>{n} points batches</source>
        <translation>{n} 个积分批次</translation>
    </message>
    <message>
        <location filename="../../app/sync/export.py" line="91"/>
        <source>{n} points periods</source>
        <translation>{n} 个积分周期</translation>
    </message>
    <message>
        <location filename="../../app/sync/export.py" line="93"/>
        <source>{n} redemption lines</source>
        <translation>{n} 条兑换明细</translation>
    </message>
    <message>
        <location filename="../../app/sync/export.py" line="94"/>
        <source>{n} voided redemptions</source>
        <translation>{n} 条兑换作废</translation>
    </message>
    <message>
        <location filename="../../app/sync/export.py" line="95"/>
        <source>{n} print log entries</source>
        <translation>{n} 条打印记录</translation>
    </message>
    <message>
        <location filename="../../app/sync/export.py" line="96"/>
        <source>{n} service-hour states</source>
        <translation>{n} 条服务时长状态</translation>
    </message>
    <message>
        <location filename="../../app/sync/export.py" line="97"/>
        <source>{n} service-hour decisions</source>
        <translation>{n} 条服务时长审核</translation>
    </message>
    <message>
        <location filename="../../app/sync/export.py" line="98"/>
        <source>{n} service-hour corrections</source>
        <translation>{n} 条服务时长更正</translation>
    </message>
    <message>
        <location filename="../../app/sync/export.py" line="99"/>
        <source>{n} star grants</source>
        <translation>{n} 条星级认定</translation>
    </message>
    <message>
        <location filename="../../app/sync/export.py" line="100"/>
        <source>{n} certificate register entries</source>
        <translation>{n} 条证明登记</translation>
    </message>
    <message>
        <location filename="../../app/sync/export.py" line="101"/>
        <source>{n} volunteer teams</source>
        <translation>{n} 支志愿服务队</translation>
    </message>
    <message>
        <location filename="../../app/sync/export.py" line="102"/>
        <source>{n} team memberships</source>
        <translation>{n} 条队员记录</translation>
    </message>
    <message>
        <location filename="../../app/sync/export.py" line="103"/>
        <source>{n} volunteers&apos; points accounts</source>
        <translation>{n} 个志愿者积分账户</translation>
    </message>
    <message>
        <location filename="../../app/sync/export.py" line="104"/>
        <source>{n} volunteer trainings</source>
        <translation>{n} 条志愿者培训</translation>
    </message>
    <message>
        <location filename="../../app/sync/export.py" line="105"/>
        <source>{n} volunteer awards</source>
        <translation>{n} 条志愿者表彰</translation>
    </message>
    <message>
        <location filename="../../app/sync/export.py" line="106"/>
        <source>{n} volunteer evaluations</source>
        <translation>{n} 条志愿者评价</translation>
    </message>
    <message>
        <location filename="../../app/sync/export.py" line="107"/>
        <source>{n} exports to the national volunteer system</source>
        <translation>{n} 次全国志愿服务信息系统导出</translation>
    </message>
    <message>
        <location filename="../../app/sync/export.py" line="108"/>
        <source>{n} service-hour records exported to the national system</source>
        <translation>{n} 条已导出到全国系统的服务时长记录</translation>
    </message>
    <message>
        <location filename="../../app/sync/export.py" line="111"/>
        <source>{n} station records</source>
        <translation>{n} 条站点信息</translation>
    </message>
    <message>
        <location filename="../../app/sync/export.py" line="112"/>
        <source>{n} submitted reports</source>
        <translation>{n} 份报送报表</translation>
    </message>
    <message>
        <location filename="../../app/sync/config.py" line="114"/>
        <location filename="../../app/sync/export.py" line="113"/>
        <source>{n} report reviews</source>
        <translation>{n} 条报表审核记录</translation>
    </message>
    <message>
        <location filename="../../app/sync/export.py" line="114"/>
        <source>{n} service menu items</source>
        <translation>{n} 个服务菜单项</translation>
    </message>
    <message>
        <location filename="../../app/sync/export.py" line="115"/>
        <source>{n} service orders</source>
        <translation>{n} 个服务单</translation>
    </message>
    <message>
        <location filename="../../app/sync/export.py" line="116"/>
        <source>{n} service order steps</source>
        <translation>{n} 条服务单流转记录</translation>
    </message>
    <message>
        <location filename="../../app/sync/export.py" line="117"/>
        <source>{n} photos of services given</source>
        <translation>{n} 张服务照片</translation>
    </message>
    <message>
        <location filename="../../app/sync/export.py" line="120"/>
        <source>{n} other records</source>
        <translation>{n} 条其他记录</translation>
    </message>
    <message>
        <location filename="../../app/sync/importer.py" line="134"/>
        <source>Missing sequence {ranges}.</source>
        <translation>缺少序号 {ranges}。</translation>
    </message>
    <message>
        <location filename="../../app/sync/importer.py" line="135"/>
        <source>Audit chain verified to #{seq}.</source>
        <translation>审计链已核验到第 {seq} 条。</translation>
    </message>
    <message>
        <location filename="../../app/sync/importer.py" line="136"/>
        <source>{file}: already imported on {when} (UTC); nothing was changed.</source>
        <translation>{file}：已于 {when}（UTC）导入过；未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../app/sync/importer.py" line="139"/>
        <source>{file}: imported {rows} rows from station {code} (sequence {a}–{b}).</source>
        <translation>{file}：已从站点 {code} 导入 {rows} 条数据（序号 {a}–{b}）。</translation>
    </message>
    <message>
        <location filename="../../app/sync/importer.py" line="142"/>
        <source>{n} rows held back for checking (quarantine).</source>
        <translation>{n} 条数据已隔离待核查。</translation>
    </message>
    <message>
        <location filename="../../app/sync/importer.py" line="145"/>
        <source>The audit chain forked at #{seq} (the station was restored from a backup).</source>
        <translation>审计链在第 {seq} 条处分叉（站点曾从备份恢复）。</translation>
    </message>
    <message>
        <location filename="../../app/sync/importer.py" line="148"/>
        <source>The audit chain is broken at #{seq}: the station&apos;s history was edited.</source>
        <translation>审计链在第 {seq} 条处断开：站点的历史记录被改动过。</translation>
    </message>
    <message>
        <location filename="../../app/sync/importer.py" line="151"/>
        <source>The audit chain differs from the station&apos;s signed anchor at #{seq}.</source>
        <translation>审计链与站点签名的链头在第 {seq} 条处不符。</translation>
    </message>
    <message>
        <location filename="../../app/sync/importer.py" line="154"/>
        <source>A signed anchor of the audit chain does not verify.</source>
        <translation>审计链的一个签名链头验证不通过。</translation>
    </message>
    <message>
        <location filename="../../app/sync/importer.py" line="1140"/>
        <source>a sync file import</source>
        <translation>同步文件导入</translation>
    </message>
    <message>
        <location filename="../../app/sync/importer.py" line="1235"/>
        <source>The station was restored or reinstalled (a new incarnation).</source>
        <translation>该站点曾恢复备份或重装（新的实例）。</translation>
    </message>
    <message>
        <location filename="../../app/sync/config.py" line="108"/>
        <location filename="../../app/sync/export.py" line="92"/>
        <source>{n} points rules</source>
        <translation>{n} 条积分细则</translation>
    </message>
    <message>
        <location filename="../../app/sync/config.py" line="109"/>
        <source>{n} goods templates</source>
        <translation>{n} 种商品模板</translation>
    </message>
    <message>
        <location filename="../../app/sync/config.py" line="110"/>
        <source>{n} services added to the menu</source>
        <translation>新增 {n} 个服务菜单项</translation>
    </message>
    <message>
        <location filename="../../app/sync/config.py" line="111"/>
        <source>station policy and activity quotas</source>
        <translation>站点规则和活动指标</translation>
    </message>
    <message>
        <location filename="../../app/sync/config.py" line="112"/>
        <source>{n} document layouts</source>
        <translation>{n} 个文书版式</translation>
    </message>
    <message>
        <location filename="../../app/sync/config.py" line="113"/>
        <source>the township&apos;s acknowledgement</source>
        <translation>乡镇的接收确认</translation>
    </message>
    <message>
        <location filename="../../app/sync/config.py" line="115"/>
        <source>the shared card key and keyed-hash key</source>
        <translation>共用卡密钥和身份信息哈希密钥</translation>
    </message>
</context>
<context>
    <name>upload</name>
    <message>
        <location filename="../../app/sync/upload.py" line="87"/>
        <source>Uploaded {rows} changes; the township has acknowledged up to change {seq}.</source>
        <translation>已上传 {rows} 条更改，乡镇已确认到第 {seq} 条。</translation>
    </message>
    <message>
        <location filename="../../app/sync/upload.py" line="90"/>
        <source>Uploaded {rows} changes; the township&apos;s acknowledgement has not come back yet.</source>
        <translation>已上传 {rows} 条更改，乡镇的确认尚未返回。</translation>
    </message>
    <message>
        <location filename="../../app/sync/upload.py" line="93"/>
        <source>No new changes to upload; the township has acknowledged up to change {seq}.</source>
        <translation>没有新的更改要上传，乡镇已确认到第 {seq} 条。</translation>
    </message>
    <message>
        <location filename="../../app/sync/upload.py" line="96"/>
        <source>Config package version {version} applied.</source>
        <translation>已应用第 {version} 版配置包。</translation>
    </message>
    <message>
        <location filename="../../app/sync/upload.py" line="97"/>
        <source>The township server cannot be reached; retrying in {delay}.</source>
        <translation>乡镇服务器无法连接，将在 {delay}后重试。</translation>
    </message>
    <message>
        <location filename="../../app/sync/upload.py" line="100"/>
        <source>The township server did not answer in time; retrying in {delay}.</source>
        <translation>乡镇服务器未及时应答，将在 {delay}后重试。</translation>
    </message>
    <message>
        <location filename="../../app/sync/upload.py" line="103"/>
        <source>The connection to the township server broke off; retrying in {delay}.</source>
        <translation>与乡镇服务器的连接中断，将在 {delay}后重试。</translation>
    </message>
    <message>
        <location filename="../../app/sync/upload.py" line="106"/>
        <source>The township server&apos;s certificate was not accepted (check the address and the PC&apos;s date); retrying in {delay}.</source>
        <translation>乡镇服务器的证书未通过验证（请检查地址和本机日期），将在 {delay}后重试。</translation>
    </message>
    <message>
        <location filename="../../app/sync/upload.py" line="111"/>
        <source>The township server refused the sync file: {why} Retrying in {delay}.</source>
        <translation>乡镇服务器拒收了同步文件：{why}将在 {delay}后重试。</translation>
    </message>
    <message>
        <location filename="../../app/sync/upload.py" line="114"/>
        <source>The township server does not know this station: enrol this station at the township first. Retrying in {delay}.</source>
        <translation>乡镇服务器认不出本站：请先在乡镇登记本站。将在 {delay}后重试。</translation>
    </message>
    <message>
        <location filename="../../app/sync/upload.py" line="119"/>
        <source>The township has revoked this station&apos;s enrolment; ask the township. Retrying in {delay}.</source>
        <translation>乡镇已撤销本站的登记，请与乡镇联系。将在 {delay}后重试。</translation>
    </message>
    <message>
        <location filename="../../app/sync/upload.py" line="123"/>
        <source>The sync file is larger than the township server accepts; take it on a USB stick instead. Retrying in {delay}.</source>
        <translation>同步文件超过乡镇服务器允许的大小，请改用U盘送达。将在 {delay}后重试。</translation>
    </message>
    <message>
        <location filename="../../app/sync/upload.py" line="128"/>
        <source>The township server is busy; retrying in {delay}.</source>
        <translation>乡镇服务器正忙，将在 {delay}后重试。</translation>
    </message>
    <message>
        <location filename="../../app/sync/upload.py" line="129"/>
        <source>This PC&apos;s clock differs too much from the township server&apos;s; retrying in {delay}.</source>
        <translation>本机时钟与乡镇服务器相差太大，将在 {delay}后重试。</translation>
    </message>
    <message>
        <location filename="../../app/sync/upload.py" line="132"/>
        <source>The township server did not accept this station&apos;s signature; check the enrolment with the township. Retrying in {delay}.</source>
        <translation>乡镇服务器不认可本站的签名，请与乡镇核对登记。将在 {delay}后重试。</translation>
    </message>
    <message>
        <location filename="../../app/sync/upload.py" line="137"/>
        <source>The township server answered unexpectedly (HTTP {status}); retrying in {delay}.</source>
        <translation>乡镇服务器的应答异常（HTTP {status}），将在 {delay}后重试。</translation>
    </message>
    <message>
        <location filename="../../app/sync/upload.py" line="140"/>
        <source>The address does not answer as a township server; check it in Settings → Sync. Retrying in {delay}.</source>
        <translation>该地址不是乡镇服务器，请在“设置 → 同步”中检查。将在 {delay}后重试。</translation>
    </message>
    <message>
        <location filename="../../app/sync/upload.py" line="145"/>
        <source>The township&apos;s config package was not applied: {why} Retrying in {delay}.</source>
        <translation>乡镇的配置包未能应用：{why}将在 {delay}后重试。</translation>
    </message>
    <message>
        <location filename="../../app/sync/upload.py" line="148"/>
        <source>The sync file could not be written: {why} Retrying in {delay}.</source>
        <translation>无法写出同步文件：{why}将在 {delay}后重试。</translation>
    </message>
    <message>
        <location filename="../../app/sync/upload.py" line="151"/>
        <source>No township server is set; enter its address in Settings → Sync.</source>
        <translation>尚未设置乡镇服务器，请在“设置 → 同步”中填写地址。</translation>
    </message>
    <message>
        <location filename="../../app/sync/upload.py" line="155"/>
        <source>{n} s</source>
        <translation>{n} 秒</translation>
    </message>
    <message>
        <location filename="../../app/sync/upload.py" line="156"/>
        <source>{n} min</source>
        <translation>{n} 分钟</translation>
    </message>
    <message>
        <location filename="../../app/sync/upload.py" line="157"/>
        <source>{n} h</source>
        <translation>{n} 小时</translation>
    </message>
    <message>
        <location filename="../../app/sync/upload.py" line="160"/>
        <source>Connected: the township server of {township} answers (its clock: {time} UTC).</source>
        <translation>连接正常：{township} 的乡镇服务器有应答（其时钟：UTC {time}）。</translation>
    </message>
    <message>
        <location filename="../../app/sync/upload.py" line="163"/>
        <source>No connection: {why}</source>
        <translation>无法连接：{why}</translation>
    </message>
    <message>
        <location filename="../../app/sync/upload.py" line="164"/>
        <source>the server cannot be reached.</source>
        <translation>服务器无法连接。</translation>
    </message>
    <message>
        <location filename="../../app/sync/upload.py" line="165"/>
        <source>the server did not answer in time.</source>
        <translation>服务器未及时应答。</translation>
    </message>
    <message>
        <location filename="../../app/sync/upload.py" line="166"/>
        <source>its certificate was not accepted.</source>
        <translation>服务器证书未通过验证。</translation>
    </message>
    <message>
        <location filename="../../app/sync/upload.py" line="167"/>
        <source>the address answers, but not as a township server.</source>
        <translation>该地址有应答，但不是乡镇服务器。</translation>
    </message>
</context>
<context>
    <name>web</name>
    <message>
        <location filename="../../app/sync/hub/web.py" line="64"/>
        <source>Station Workbench · township hub</source>
        <translation>文明实践站工作台 · 乡镇服务器</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/web.py" line="65"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/web.py" line="66"/>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/web.py" line="67"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/web.py" line="68"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/web.py" line="69"/>
        <source>The user name or the password is wrong.</source>
        <translation>用户名或密码不正确。</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/web.py" line="70"/>
        <source>Too many wrong passwords for this user: try again in 5 minutes.</source>
        <translation>该用户密码错误次数过多，请 5 分钟后再试。</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/web.py" line="71"/>
        <source>Signed in as {name}</source>
        <translation>当前用户：{name}</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/web.py" line="72"/>
        <source>county</source>
        <translation>县级</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/web.py" line="73"/>
        <source>township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/web.py" line="74"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/web.py" line="75"/>
        <source>Show</source>
        <translation>查看</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/web.py" line="76"/>
        <source>All my townships</source>
        <translation>我的全部乡镇</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/web.py" line="77"/>
        <source>Stations&apos; sync status</source>
        <translation>各站同步状态</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/web.py" line="78"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/web.py" line="79"/>
        <source>Station</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/web.py" line="80"/>
        <source>Last upload</source>
        <translation>最近上传</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/web.py" line="81"/>
        <source>Days silent</source>
        <translation>未同步天数</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/web.py" line="82"/>
        <source>Gaps</source>
        <translation>缺口</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/web.py" line="83"/>
        <source>Quarantined rows</source>
        <translation>隔离记录</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/web.py" line="84"/>
        <source>Audit chain</source>
        <translation>审计链</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/web.py" line="85"/>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/web.py" line="86"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/web.py" line="87"/>
        <source>(enrolment revoked)</source>
        <translation>（已撤销入网）</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/web.py" line="88"/>
        <source>No station of this township is enrolled yet.</source>
        <translation>本乡镇尚无入网站点。</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/web.py" line="89"/>
        <source>Figures of {month}</source>
        <translation>{month} 数据</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/web.py" line="90"/>
        <source>Activities by category, {month}</source>
        <translation>{month} 各类活动</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/web.py" line="91"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/web.py" line="92"/>
        <source>Activities (场次)</source>
        <translation>场次</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/web.py" line="93"/>
        <source>Attendances (人次)</source>
        <translation>人次</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/web.py" line="94"/>
        <source>Active volunteers</source>
        <translation>活跃志愿者</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/web.py" line="95"/>
        <source>New volunteers</source>
        <translation>新增志愿者</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/web.py" line="96"/>
        <source>Service hours</source>
        <translation>服务时长（小时）</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/web.py" line="97"/>
        <source>Points issued</source>
        <translation>发放积分</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/web.py" line="98"/>
        <source>Points redeemed</source>
        <translation>兑换积分</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/web.py" line="99"/>
        <source>Redemptions</source>
        <translation>兑换户次</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/web.py" line="100"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/web.py" line="101"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/web.py" line="102"/>
        <source>Activities per month, last 12 months</source>
        <translation>近 12 个月每月活动场次</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/web.py" line="103"/>
        <source>Points issued per month, last 12 months</source>
        <translation>近 12 个月每月发放积分</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/web.py" line="104"/>
        <source>Not allowed</source>
        <translation>无权查看</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/web.py" line="105"/>
        <source>You may not see this township&apos;s figures. Ask the county for access.</source>
        <translation>您无权查看该乡镇的数据。如需查看，请联系县级管理员。</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/web.py" line="108"/>
        <source>Back to my townships</source>
        <translation>返回我的乡镇</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/web.py" line="109"/>
        <source>Read-only view of the figures the stations uploaded; nothing here changes them.</source>
        <translation>只读：显示各站上传的数据，本页不会更改任何数据。</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/web.py" line="112"/>
        <source>You are signed out.</source>
        <translation>已退出登录。</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/web.py" line="113"/>
        <source>The form has expired; sign in again.</source>
        <translation>表单已过期，请重新登录。</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/web.py" line="114"/>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <location filename="../../app/sync/hub/web.py" line="115"/>
        <source>Township: {name}</source>
        <translation>乡镇：{name}</translation>
    </message>
</context>
</TS>
