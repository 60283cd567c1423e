; Inno Setup 6 script: Windows installer for the PyInstaller bundle.
; Build on Windows after PyInstaller:  iscc installers\windows\station-workbench.iss
#define AppName "文明实践站工作台"
#define AppVersion GetEnv("WB_VERSION")
#if AppVersion == ""
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6E3B7B0C-4E7A-4B1D-9C55-2D8E0A7F1B21}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Station Workbench
DefaultDirName={autopf}\StationWorkbench
DefaultGroupName={#AppName}
PrivilegesRequired=lowest
OutputBaseFilename=StationWorkbench-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "zh"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "..\..\dist\StationWorkbench\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\StationWorkbench.exe"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\StationWorkbench.exe"

[Run]
Filename: "{app}\StationWorkbench.exe"; Description: "启动 {#AppName}"; Flags: nowait postinstall skipifsilent

; The station's data folder (%LOCALAPPDATA%\StationWorkbench) is not touched
; by install, upgrade or uninstall.
