; Inno Setup 6 script (6.5 or later): the Windows installer of Station Workbench
; (文明实践站工作台), made from the PyInstaller one-folder bundle.
;
; Built on Windows by installers\windows\build-installer.ps1 (README, "Building the
; Windows installer"), which makes the bundle and then runs, from the repository root:
;
;   iscc /DAppVersion=0.1.0 installers\windows\station-workbench.iss
;
; AppVersion comes from the single version source, app/__init__.py (`__version__`):
; the build step passes it; without /DAppVersion= it is read from that file here.
; /DBundle=<folder> names another bundle folder; /DSign=<name> signs Setup, the
; uninstaller and StationWorkbench.exe with the Sign Tool <name> given to iscc by
; /S<name>=... (README, "Signing the installer").
;
; The station's data folder is NOT in the installation: each Windows user's
; %LOCALAPPDATA%\StationWorkbench (app/paths.py) holds the database, keys, backups and
; settings. Installing, upgrading and uninstalling never touch it: nothing below names
; it, and [InstallDelete]/[UninstallDelete] name only folders under {app}.
; tests/installers/test_windows_script.py checks all of this and every file named here.
;
; ChineseSimplified.isl (beside this script) is the Simplified Chinese translation of
; Inno Setup's messages, maintained by Zhenghan Yang
; (https://github.com/kira-96/Inno-Setup-Chinese-Simplified-Translation) and shipped by
; Inno Setup 6 as an unofficial translation: copied unchanged from
; https://github.com/jrsoftware/issrc, tag is-6_7_3,
; Files/Languages/Unofficial/ChineseSimplified.isl (Inno Setup licence, which asks to
; keep its notices; the file's own header names its maintainer).

#ifndef AppVersion
  ; the fallback: the line `__version__ = "x.y.z"` of app/__init__.py
  #define VersionHandle
  #define VersionLine
  #sub ReadVersionLine
    #define VersionLine = FileRead(VersionHandle)
    #if Pos("__version__ = ", VersionLine) == 1
      #define public AppVersion = RemoveQuotes(Trim(Copy(VersionLine, 15)))
    #endif
  #endsub
  #for {VersionHandle = FileOpen(AddBackslash(SourcePath) + "..\..\app\__init__.py"); \
    VersionHandle && !FileEof(VersionHandle) && !Defined(AppVersion); ""} ReadVersionLine
  #if VersionHandle
    #expr FileClose(VersionHandle)
  #endif
  #ifndef AppVersion
    #error app\__init__.py has no __version__ line; pass /DAppVersion=
  #endif
#endif
#ifndef Bundle
  #define Bundle "..\..\dist\StationWorkbench"
#endif
#define AppExe "StationWorkbench.exe"
; the named mutex the running program holds (app/instance.py, APP_MUTEX)
#define AppMutex "StationWorkbenchRunning"
#ifdef Sign
  #define SignFlag "signonce"
#else
  #define SignFlag ""
#endif

[Setup]
; Fixed for ever: a newer version with the same AppId upgrades the installed one in place.
AppId={{6E3B7B0C-4E7A-4B1D-9C55-2D8E0A7F1B21}
AppName={cm:AppDisplayName}
AppVersion={#AppVersion}
AppPublisher=Station Workbench
AppComments={cm:AppComments}
; per machine: Program Files, shortcuts for every user; needs an administrator
PrivilegesRequired=admin
DefaultDirName={autopf}\StationWorkbench
; one Start-menu shortcut, for every user, no folder of its own
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
; the bundle is 64-bit (PyInstaller from a 64-bit Python)
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
; an upgrade closes the running program first (Windows Restart Manager); .pyd are the
; bundle's Python extension modules, loaded while it runs. AppMutex: Setup and the
; uninstaller see the program running (in any session) and ask to close it first.
AppMutex={#AppMutex},Global\{#AppMutex}
CloseApplications=yes
CloseApplicationsFilter=*.exe,*.dll,*.pyd
RestartApplications=no
SetupIconFile=..\..\resources\icons\app.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={cm:AppDisplayName}
OutputDir=..\..\dist
OutputBaseFilename=StationWorkbench-{#AppVersion}-Setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=yes
#ifdef Sign
SignTool={#Sign}
SignedUninstaller=yes
#endif

[Languages]
; Chinese first: the default when Windows' language is neither
Name: "zh"; MessagesFile: "ChineseSimplified.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Messages]
zh.ConfirmUninstall=您确认要从本机移除 %1 吗？%n%n站点的数据不会被删除：数据库、密钥、备份和设置保留在每个用户的数据文件夹（AppData\Local\StationWorkbench）里，重新安装后可以继续使用。
en.ConfirmUninstall=Are you sure you want to remove %1 from this computer?%n%nThe station's data is not deleted: the database, keys, backups and settings stay in each user's data folder (AppData\Local\StationWorkbench), ready for a new installation.
zh.UninstalledAll=已从本机移除 %1。站点的数据文件夹（AppData\Local\StationWorkbench）已保留。
en.UninstalledAll=%1 was removed from this computer. The station's data folder (AppData\Local\StationWorkbench) was kept.

[CustomMessages]
zh.AppDisplayName=文明实践站工作台
en.AppDisplayName=Station Workbench
zh.AppComments=新时代文明实践站的积分、志愿服务和活动台账
en.AppComments=Points, volunteer service and activity records of a village civilisation practice station

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; an upgrade replaces the whole bundle: a module the older version had and the newer
; one dropped must not stay beside it
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#Bundle}\{#AppExe}"; DestDir: "{app}"; Flags: ignoreversion {#SignFlag}
Source: "{#Bundle}\_internal\*"; DestDir: "{app}\_internal"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{cm:AppDisplayName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; IconFilename: "{app}\_internal\resources\icons\app.ico"
Name: "{autodesktop}\{cm:AppDisplayName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; IconFilename: "{app}\_internal\resources\icons\app.ico"; Tasks: desktopicon

[Run]
; postinstall entries run as the user who started Setup (not elevated), so the
; station's data folder is made in that user's AppData
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{cm:AppDisplayName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; only what the program may leave inside its own folder; never the data folder
Type: dirifempty; Name: "{app}"
