# Build the Windows installer of Station Workbench on a Windows PC:
# dist\StationWorkbench-<version>-Setup.exe (README, "Building the Windows installer").
#
#   powershell -ExecutionPolicy Bypass -File installers\windows\build-installer.ps1
#   ... -SignTool stationsign -SignCommand 'signtool sign /fd SHA256 /tr http://timestamp.digicert.com /td SHA256 /a $f'
#
# Run from a checkout. It makes a Python 3.11 environment in .venv-win from the lock
# file (exact versions with hashes, as ./dev.sh does on Linux), compiles the
# translations, builds the PyInstaller bundle dist\StationWorkbench\ and compiles the
# Inno Setup script with the version of app\__init__.py (the single version source).
param(
    [string]$Lock = "requirements\lock.txt",
    [string]$Iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe",
    [string]$SignTool = "",   # a name for the Sign Tool; empty: no signing
    [string]$SignCommand = "" # its command line, with $f for the file to sign
)
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")

function Run([string]$exe, [string[]]$arguments) {
    & $exe @arguments
    if ($LASTEXITCODE -ne 0) { throw "$exe $arguments failed ($LASTEXITCODE)" }
}

if (-not (Test-Path ".venv-win\Scripts\python.exe")) {
    Run "py" @("-3.11", "-m", "venv", ".venv-win")
}
$py = ".venv-win\Scripts\python.exe"
Run $py @("-m", "pip", "install", "--require-hashes", "-r", $Lock)
Run $py @("scripts\build_translations.py")
Run $py @("-m", "PyInstaller", "installers\station-workbench.spec", "--noconfirm",
          "--workpath", "build\pyinstaller", "--distpath", "dist")

$version = (& $py -c "from app import __version__; print(__version__)").Trim()
$isccArgs = @("/DAppVersion=$version")
if ($SignTool) {
    $isccArgs += @("/S$SignTool=$SignCommand", "/DSign=$SignTool")
}
Run $Iscc ($isccArgs + @("installers\windows\station-workbench.iss"))
Write-Host "dist\StationWorkbench-$version-Setup.exe"
