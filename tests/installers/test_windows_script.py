"""The Windows installer script (installers/windows/station-workbench.iss), checked here
because Windows cannot build it on this machine.

:func:`check_script` reads the script as Inno Setup would: a small preprocessor for
the ISPP directives the script uses (``#define``, ``#ifdef``/``#ifndef``/``#else``,
``{#Name}``; anything it cannot evaluate in an active block is a problem, so the
script stays within what is checked), then its sections.  Every file it names must
exist: a repository file in the repository, a bundle file in the layout the
PyInstaller spec produces (the spec is run with its build steps recorded, not done:
EXE's and COLLECT's ``name=``, and PyInstaller 6's one-folder rule — the executable
at the top, everything else under ``_internal/``, the spec's ``datas`` copied from
the repository into it) and, when a Linux bundle was built
under ``dist/``, in that bundle too (every file but the ``.exe``).  It also checks
what the installer promises: a fixed AppId, a per-machine 64-bit install that closes
the running program (whose mutex, app/instance.py's, it names), Chinese and English pages, the Start-menu and (optional)
desktop shortcuts, the version from app/__init__.py, and that nothing it deletes or
writes is outside the installation folder — the station's data folder survives.
The second half of the file shows that each check fails on a modified copy.
"""

from __future__ import annotations

import functools
import re
import sys
import types
from dataclasses import dataclass, field
from pathlib import Path, PureWindowsPath

import pytest

from app import APP_NAME, __version__

ROOT = Path(__file__).resolve().parents[2]
SCRIPT_DIR = ROOT / "installers" / "windows"
SCRIPT = SCRIPT_DIR / "station-workbench.iss"
SPEC = ROOT / "installers" / "station-workbench.spec"

GUID = re.compile(
    r"^\{\{[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\}$"
)
CHINESE_SIMPLIFIED = "$0804"  # LanguageID of an .isl in Simplified Chinese
# Inno Setup constants that point into a user's profile: the data folder lives there
USER_AREAS = ("{localappdata}", "{userappdata}", "{userdocs}", "{%", "{commonappdata}", "{app}\\..")


class ScriptError(Exception):
    """The script uses something this check cannot evaluate."""


# --- the bundle layout, from the PyInstaller spec ---------------------------------------


@dataclass(frozen=True)
class BundleLayout:
    """What ``pyinstaller <spec>`` puts in ``dist/<folder>/`` (one-folder, PyInstaller 6)."""

    folder: str  # COLLECT(name=...)
    exe: str  # EXE(name=...), without .exe
    contents: str  # EXE(contents_directory=...), "_internal" by default
    datas: tuple[tuple[Path, str], ...]  # (file or folder, folder under contents)

    def repo_file_for(self, inside: PureWindowsPath) -> Path | None:
        """The file a bundle path under *contents* is copied from (PyInstaller's rule:
        a file goes into its destination folder, a folder's contents do)."""
        parts = inside.parts
        for src, dest in self.datas:
            dest_parts = PureWindowsPath(dest.replace("/", "\\")).parts
            if dest_parts == (".",):
                dest_parts = ()
            if tuple(parts[: len(dest_parts)]) != dest_parts:
                continue
            rest = parts[len(dest_parts) :]
            if src.is_dir():
                if rest:
                    return src.joinpath(*rest)
            elif rest == (src.name,):
                return src
        return None


class _Recorded:
    """Stands for PyInstaller's build targets while the spec runs: keeps the arguments."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        self.args, self.kwargs = args, kwargs
        self.pure: list[object] = []
        self.scripts: list[object] = []
        self.binaries: list[object] = []
        self.datas: list[object] = []


@functools.cache
def read_spec(spec: Path = SPEC) -> BundleLayout:
    """Run the spec with its build steps recorded instead of done: its own code says
    what it copies (PyInstaller's hook helpers answer nothing: only the repository's
    files are looked up)."""
    calls: dict[str, _Recorded] = {}

    def target(name: str) -> type[_Recorded]:
        class Target(_Recorded):
            def __init__(self, *args: object, **kwargs: object) -> None:
                super().__init__(*args, **kwargs)
                calls[name] = self

        return Target

    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.__getattr__ = lambda _name: lambda *a, **k: []  # type: ignore[method-assign]
    stubs = {
        "PyInstaller": types.ModuleType("PyInstaller"),
        "PyInstaller.utils": types.ModuleType("PyInstaller.utils"),
        "PyInstaller.utils.hooks": hooks,
    }
    namespace: dict[str, object] = {"SPECPATH": str(spec.parent), "__file__": str(spec)}
    namespace.update({name: target(name) for name in ("Analysis", "PYZ", "EXE", "COLLECT")})
    saved = {name: sys.modules.get(name) for name in stubs}
    sys.modules.update(stubs)
    try:
        exec(compile(spec.read_text(encoding="utf-8"), str(spec), "exec"), namespace)
    finally:
        for name, module in saved.items():
            if module is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = module
    if not {"Analysis", "EXE", "COLLECT"} <= calls.keys():
        raise ScriptError(f"{spec.name} makes no Analysis, EXE and COLLECT")
    exe, collect = calls["EXE"].kwargs, calls["COLLECT"].kwargs
    datas = tuple(
        (Path(str(src)), str(dest))
        for src, dest in calls["Analysis"].kwargs.get("datas", [])  # type: ignore[attr-defined]
    )
    return BundleLayout(
        str(collect["name"]),
        str(exe["name"]),
        str(exe.get("contents_directory", "_internal")),
        datas,
    )


# --- reading the script ------------------------------------------------------------------


def preprocess(text: str, defines: dict[str, str]) -> list[tuple[int, str]]:
    """The script's lines after ISPP, with their line numbers (1-based)."""
    defines = dict(defines)
    out: list[tuple[int, str]] = []
    active: list[bool] = []  # one per open #if…, whether that branch is taken
    in_sub = False
    lines = text.splitlines()
    number = 0
    while number < len(lines):
        line = lines[number]
        number += 1
        start = number
        stripped = line.strip()
        while stripped.startswith("#") and stripped.endswith("\\") and number < len(lines):
            stripped = stripped[:-1] + " " + lines[number].strip()
            number += 1
        on = all(active)
        if in_sub:
            in_sub = stripped != "#endsub"
            continue
        if not stripped.startswith("#"):
            if on:
                out.append((start, _expand(line, defines, start)))
            continue
        word, _, rest = stripped[1:].strip().partition(" ")
        rest = rest.strip()
        if word in ("ifdef", "ifndef"):
            active.append((rest in defines) == (word == "ifdef"))
        elif word == "if":
            if on:
                raise ScriptError(f"line {start}: #if {rest} cannot be checked here")
            active.append(False)
        elif word == "else":
            active[-1] = not active[-1]
        elif word == "endif":
            active.pop()
        elif not on:
            continue
        elif word == "define":
            match = re.fullmatch(r'(?:public\s+|private\s+)?(\w+)\s*=?\s*(?:"([^"]*)")?', rest)
            if match is None:
                raise ScriptError(f"line {start}: #define {rest} is not a string")
            defines[match.group(1)] = match.group(2) or ""
        elif word == "sub":
            in_sub = True
        elif word == "error":
            raise ScriptError(f"line {start}: #error {rest}")
        else:
            raise ScriptError(f"line {start}: #{word} cannot be checked here")
    if active:
        raise ScriptError("an #if… has no #endif")
    return out


def _expand(line: str, defines: dict[str, str], number: int) -> str:
    def value(match: re.Match[str]) -> str:
        if match.group(1) not in defines:
            raise ScriptError(f"line {number}: {{#{match.group(1)}}} is not defined")
        return defines[match.group(1)]

    return re.sub(r"\{#(\w+)\}", value, line)


def parse_entry(line: str) -> dict[str, str]:
    """``Name: "a"; Flags: b c`` -> {"Name": "a", "Flags": "b c"} (Inno's quoting)."""
    entry: dict[str, str] = {}
    for match in re.finditer(r'\s*(\w+):\s*("(?:[^"]|"")*"|[^;]*)\s*(?:;|$)', line):
        raw = match.group(2).strip()
        if raw.startswith('"'):
            raw = raw[1:-1].replace('""', '"')
        entry[match.group(1)] = raw
    return entry


@dataclass
class Script:
    setup: dict[str, str] = field(default_factory=dict)
    messages: dict[str, str] = field(default_factory=dict)  # [Messages] + [CustomMessages]
    entries: dict[str, list[dict[str, str]]] = field(default_factory=dict)


def parse_script(text: str, defines: dict[str, str]) -> Script:
    script = Script()
    section = ""
    for number, line in preprocess(text, defines):
        stripped = line.strip()
        if not stripped or stripped.startswith(";"):
            continue
        if stripped.startswith("[") and stripped.endswith("]"):
            section = stripped[1:-1]
            script.entries.setdefault(section, [])
        elif section == "Setup":
            key, _, value = stripped.partition("=")
            script.setup[key.strip()] = value.strip()
        elif section in ("Messages", "CustomMessages"):
            key, _, value = stripped.partition("=")
            script.messages[key.strip()] = value.strip()
        elif section:
            script.entries[section].append(parse_entry(stripped))
        else:
            raise ScriptError(f"line {number}: outside any section: {stripped}")
    return script


# --- the checks ----------------------------------------------------------------------------


def _relative(path: str) -> Path:
    return Path(*PureWindowsPath(path).parts)


def fallback_version(text: str) -> str:
    """What the script's ``#ifndef AppVersion`` block reads from app/__init__.py."""
    opened = re.search(r'FileOpen\(AddBackslash\(SourcePath\) \+ "([^"]+)"\)', text)
    prefix = re.search(r'#if Pos\("([^"]+)", VersionLine\) == 1', text)
    copy = re.search(r"Copy\(VersionLine, (\d+)\)", text)
    if not (opened and prefix and copy):
        raise ScriptError("no fallback that reads __version__ from app/__init__.py")
    source = (SCRIPT_DIR / _relative(opened.group(1))).resolve()
    for line in source.read_text(encoding="utf-8").splitlines():
        if line.startswith(prefix.group(1)):
            return line[int(copy.group(1)) - 1 :].strip().strip('"')
    raise ScriptError(f"{source} has no line starting {prefix.group(1)!r}")


class Checker:
    def __init__(self, script: Script, layout: BundleLayout, built: Path | None) -> None:
        self.script = script
        self.layout = layout
        self.built = built  # a bundle built on this machine (Linux), if any
        self.problems: list[str] = []

    def problem(self, text: str) -> None:
        self.problems.append(text)

    # where the bundle folder is, as the script names it (relative to the script)
    def bundle_dir(self, source: str) -> Path | None:
        path = (SCRIPT_DIR / _relative(source)).resolve()
        expected = (ROOT / "dist" / self.layout.folder).resolve()
        return path.relative_to(expected) if path.is_relative_to(expected) else None

    def check_bundle_path(self, inside: Path, named: str) -> None:
        """*inside*: a path relative to the bundle folder, as the installed {app}."""
        parts = inside.parts
        if not parts:
            return
        if parts == (self.layout.exe + ".exe",):
            if self.built is not None and not (self.built / self.layout.exe).is_file():
                self.problem(f"{named}: {self.built / self.layout.exe} was not built")
            return
        if parts[0] != self.layout.contents:
            self.problem(
                f"{named}: the bundle has no {inside} (only the exe and {self.layout.contents})"
            )
            return
        rest = Path(*parts[1:]) if len(parts) > 1 else None
        found = inside.parent if "*" in inside.name else inside
        if self.built is not None and not (self.built / found).exists():
            self.problem(f"{named}: the built bundle {self.built} has no {found}")
        if rest is None or "*" in rest.name:
            return  # the contents folder itself (or all of it)
        source = self.layout.repo_file_for(PureWindowsPath(*rest.parts))
        if source is None:
            if self.built is None:
                self.problem(f"{named}: {inside} is not copied from the repository by the spec")
        elif not source.exists():
            self.problem(
                f"{named}: {inside} comes from {source.relative_to(ROOT)}, which does not exist"
            )

    def check_installed(self, path: str, named: str) -> None:
        """A path on the installed PC: ``{app}\\…`` must be in the bundle."""
        if path == "{app}" or not path.startswith("{app}\\"):
            if not path.startswith("{app}"):
                self.problem(f"{named}: {path} is not inside the installation folder {{app}}")
            return
        self.check_bundle_path(_relative(path[len("{app}\\") :]), named)

    def check_repo_file(self, path: str, named: str) -> None:
        if not (SCRIPT_DIR / _relative(path)).resolve().is_file():
            self.problem(
                f"{named}: {path} does not exist (relative to {SCRIPT_DIR.relative_to(ROOT)})"
            )

    def run(self) -> list[str]:
        s = self.script.setup
        if not GUID.match(s.get("AppId", "")):
            self.problem(
                f"AppId {s.get('AppId')!r} is not a fixed GUID: upgrades would not find the old install"
            )
        if s.get("PrivilegesRequired") != "admin":
            self.problem("PrivilegesRequired is not admin: not a per-machine install")
        if not s.get("DefaultDirName", "").startswith("{autopf}\\"):
            self.problem("DefaultDirName is not under {autopf} (Program Files)")
        if "x64" not in s.get("ArchitecturesInstallIn64BitMode", ""):
            self.problem("ArchitecturesInstallIn64BitMode does not name x64")
        if s.get("CloseApplications", "yes") == "no":
            self.problem("CloseApplications=no: an upgrade would not close the running program")
        self.check_mutex(s.get("AppMutex", ""))
        for key in ("SetupIconFile", "LicenseFile", "InfoBeforeFile", "InfoAfterFile"):
            if key in s:
                self.check_repo_file(s[key], f"[Setup] {key}")
        if "UninstallDisplayIcon" in s:
            self.check_installed(s["UninstallDisplayIcon"], "[Setup] UninstallDisplayIcon")
        self.check_languages()
        self.check_files()
        self.check_shortcuts()
        self.check_deletes()
        return self.problems

    def check_mutex(self, names: str) -> None:
        """The names must be the mutex the running program holds, in its session and
        in every session (``Global\\``)."""
        from app.instance import APP_MUTEX

        if {n.strip() for n in names.split(",")} != {APP_MUTEX, "Global\\" + APP_MUTEX}:
            self.problem(f"AppMutex {names}: the program holds {APP_MUTEX} (app/instance.py)")

    def check_languages(self) -> None:
        languages = self.script.entries.get("Languages", [])
        names = [entry.get("Name", "") for entry in languages]
        chinese = english = False
        for position, entry in enumerate(languages):
            messages = entry.get("MessagesFile", "")
            if messages == "compiler:Default.isl":
                english = True
                continue
            if messages.startswith("compiler:"):
                self.problem(f"[Languages] {messages}: Inno Setup 6 ships no such official file")
                continue
            path = (SCRIPT_DIR / _relative(messages)).resolve()
            if not path.is_file():
                self.problem(f"[Languages] {messages} does not exist")
                continue
            if f"LanguageID={CHINESE_SIMPLIFIED}" in path.read_text(encoding="utf-8"):
                chinese = True
                if position != 0:
                    self.problem("Chinese is not the first language (the default)")
        if not (chinese and english):
            self.problem("the installer does not have both Chinese and English pages")
        for key in self.script.messages:
            prefix, dot, name = key.partition(".")
            if dot and prefix in names:
                for other in names:
                    if f"{other}.{name}" not in self.script.messages:
                        self.problem(f"message {name} has no {other} text")
        confirm = [v for k, v in self.script.messages.items() if k.endswith("ConfirmUninstall")]
        if len(confirm) != len(names) or not all(APP_NAME in text for text in confirm):
            self.problem(
                "the uninstall question does not say, in every language, that the data folder stays"
            )

    def check_files(self) -> None:
        for entry in self.script.entries.get("Files", []):
            source, dest = entry.get("Source", ""), entry.get("DestDir", "")
            named = f"[Files] {source}"
            if not dest.startswith("{app}"):
                self.problem(f"{named}: installs outside {{app}} ({dest})")
            inside = self.bundle_dir(source)
            if inside is None:
                self.check_repo_file(source, named)
                continue
            self.check_bundle_path(inside, named)
            # the file lands where the shortcuts and the program expect it
            installed = _relative(dest[len("{app}") :].lstrip("\\")) if dest != "{app}" else Path()
            where = installed / inside.name if "*" not in inside.name else installed
            target = inside.parent if "*" in inside.name else inside
            if where != target:
                self.problem(f"{named}: goes to {dest}, not to where the bundle has it ({target})")

    def check_shortcuts(self) -> None:
        icons = self.script.entries.get("Icons", [])
        tasks = {t.get("Name", "") for t in self.script.entries.get("Tasks", [])}
        exe = "{app}\\" + self.layout.exe + ".exe"
        menu = [i for i in icons if i.get("Name", "").startswith(("{autoprograms}", "{group}"))]
        desktop = [
            i for i in icons if i.get("Name", "").startswith(("{autodesktop}", "{commondesktop}"))
        ]
        if not any(i.get("Filename") == exe for i in menu):
            self.problem(f"no Start-menu shortcut to {exe}")
        if not any(i.get("Filename") == exe for i in desktop):
            self.problem(f"no desktop shortcut to {exe}")
        for icon in desktop:
            if not icon.get("Tasks") or icon["Tasks"] not in tasks:
                self.problem("the desktop shortcut is not an optional task")
        for icon in icons:
            for key in ("Filename", "IconFilename", "WorkingDir"):
                if key in icon:
                    self.check_installed(icon[key], f"[Icons] {icon.get('Name')} {key}")
        for run in self.script.entries.get("Run", []):
            self.check_installed(run.get("Filename", ""), f"[Run] {run.get('Filename')}")
            if "runascurrentuser" in run.get("Flags", ""):
                self.problem(
                    "[Run] starts the program as the administrator: its data folder would be theirs"
                )

    def check_deletes(self) -> None:
        for section in ("InstallDelete", "UninstallDelete", "Dirs"):
            for entry in self.script.entries.get(section, []):
                name = entry.get("Name", "")
                if not name.startswith("{app}") or any(u in name.lower() for u in USER_AREAS):
                    self.problem(f"[{section}] {name}: outside the installation folder")


def check_script(
    text: str, defines: dict[str, str] | None = None, built: Path | None = None
) -> list[str]:
    """Every problem of the script *text* (as if it lay in installers/windows/)."""
    given = {"AppVersion": __version__} if defines is None else dict(defines)
    try:
        if "AppVersion" not in given:
            # what the script's `#ifndef AppVersion` block computes (ISPP, not run here)
            given["AppVersion"] = fallback_version(text)
        script = parse_script(text, given)
    except ScriptError as err:
        return [str(err)]
    problems = Checker(script, read_spec(), built).run()
    version = script.setup.get("AppVersion", "")
    if version != given["AppVersion"]:
        problems.append(f"AppVersion is {version!r}, not the version passed")
    if not version or version not in script.setup.get("OutputBaseFilename", ""):
        problems.append("Setup's file name does not carry the version")
    return problems


def built_bundle() -> Path | None:
    """A bundle PyInstaller built on this machine (Linux: the exe has no .exe)."""
    folder = ROOT / "dist" / read_spec().folder
    return folder if (folder / read_spec().exe).is_file() else None


# --- the script as it is ---------------------------------------------------------------------


def test_the_spec_gives_the_bundle_layout() -> None:
    layout = read_spec()
    assert (layout.folder, layout.exe, layout.contents) == ("StationWorkbench",) * 2 + (
        "_internal",
    )
    icon = layout.repo_file_for(PureWindowsPath(r"resources\icons\app.ico"))
    assert icon == ROOT / "resources" / "icons" / "app.ico"
    assert layout.repo_file_for(PureWindowsPath(r"elsewhere\app.ico")) is None
    # the changelog the first start after an upgrade tells from is in the bundle
    changelog = layout.repo_file_for(PureWindowsPath(r"resources\changelog.json"))
    assert changelog == ROOT / "resources" / "changelog.json" and changelog.is_file()


def test_the_script_names_only_files_that_exist_and_keeps_its_promises() -> None:
    assert check_script(SCRIPT.read_text(encoding="utf-8"), built=built_bundle()) == []


def test_without_a_version_passed_the_script_reads_app_init() -> None:
    text = SCRIPT.read_text(encoding="utf-8")
    assert fallback_version(text) == __version__
    assert check_script(text, defines={}) == []


def test_signing_signs_setup_the_uninstaller_and_the_program() -> None:
    text = SCRIPT.read_text(encoding="utf-8")
    defines = {"AppVersion": __version__, "Sign": "stationsign"}
    assert check_script(text, defines) == []
    script = parse_script(text, defines)
    assert script.setup["SignTool"] == "stationsign"
    assert script.setup["SignedUninstaller"] == "yes"
    exe = [f for f in script.entries["Files"] if f["Source"].endswith(".exe")]
    assert exe and "signonce" in exe[0]["Flags"].split()
    assert "SignTool" not in parse_script(text, {"AppVersion": __version__}).setup


def test_the_chinese_messages_are_the_unchanged_inno_translation() -> None:
    isl = (SCRIPT_DIR / "ChineseSimplified.isl").read_text(encoding="utf-8")
    assert "Inno Setup version 6.5.0+ Chinese Simplified messages" in isl
    assert "Zhenghan Yang" in isl  # its notices kept, as its licence asks
    assert "CreateDesktopIcon=" in isl and "LaunchProgram=" in isl  # used by the script


# --- a modified copy fails ---------------------------------------------------------------------

BROKEN = {
    "a missing icon": (
        r"SetupIconFile=..\..\resources\icons\app.ico",
        r"SetupIconFile=..\..\resources\icons\missing.ico",
        "missing.ico does not exist",
    ),
    "a bundle file the spec does not copy": (
        r'IconFilename: "{app}\_internal\resources\icons\app.ico"; Tasks',
        r'IconFilename: "{app}\_internal\resources\icons\gone.ico"; Tasks',
        "resources/icons/gone.ico, which does not exist",
    ),
    "an exe the spec does not build": (
        '#define AppExe "StationWorkbench.exe"',
        '#define AppExe "Workbench.exe"',
        "the bundle has no Workbench.exe",
    ),
    "a per-user install": ("PrivilegesRequired=admin", "PrivilegesRequired=lowest", "per-machine"),
    "an AppId that changes": (
        "AppId={{6E3B7B0C-4E7A-4B1D-9C55-2D8E0A7F1B21}",
        "AppId={cm:AppDisplayName}",
        "not a fixed GUID",
    ),
    "English only": ('Name: "zh"; MessagesFile: "ChineseSimplified.isl"\n', "", "both Chinese"),
    "no desktop task": ("; Tasks: desktopicon", "", "not an optional task"),
    "the data folder deleted": (
        'Type: dirifempty; Name: "{app}"',
        r'Type: filesandordirs; Name: "{localappdata}\StationWorkbench"',
        "outside the installation folder",
    ),
    "a mutex the program does not hold": (
        '#define AppMutex "StationWorkbenchRunning"',
        '#define AppMutex "StationWorkbench"',
        "the program holds StationWorkbenchRunning",
    ),
    "a hard-coded version": (
        "AppVersion={#AppVersion}",
        "AppVersion=0.0.1",
        "not the version passed",
    ),
    "an unchecked directive": (
        "#ifndef Bundle",
        "#if 1\n#endif\n#ifndef Bundle",
        "cannot be checked",
    ),
}


@pytest.mark.parametrize("case", BROKEN, ids=list(BROKEN))
def test_a_modified_copy_fails(case: str, tmp_path: Path) -> None:
    old, new, said = BROKEN[case]
    text = SCRIPT.read_text(encoding="utf-8")
    assert old in text  # the case still edits the script
    copy = tmp_path / "station-workbench.iss"
    copy.write_text(text.replace(old, new), encoding="utf-8")
    problems = check_script(copy.read_text(encoding="utf-8"))
    assert any(said in p for p in problems), problems


def test_a_file_missing_from_a_built_bundle_fails(tmp_path: Path) -> None:
    """With a bundle built on this machine, every file but the .exe is looked up in it."""
    built = tmp_path / "dist" / "StationWorkbench"
    (built / "_internal" / "resources" / "icons").mkdir(parents=True)
    (built / "StationWorkbench").write_bytes(b"")
    text = SCRIPT.read_text(encoding="utf-8")
    problems = check_script(text, built=built)
    assert any(
        r"has no _internal\resources\icons\app.ico" in p.replace("/", "\\") for p in problems
    )
    (built / "_internal" / "resources" / "icons" / "app.ico").write_bytes(b"")
    assert check_script(text, built=built) == []


def test_the_windows_build_passes_the_version_and_names_existing_files() -> None:
    build = (SCRIPT_DIR / "build-installer.ps1").read_text(encoding="utf-8")
    assert "from app import __version__; print(__version__)" in build
    assert '"/DAppVersion=$version"' in build
    named = re.findall(r'"((?:installers|scripts)\\[^"$]+)"', build)
    assert {
        "installers\\station-workbench.spec",
        "installers\\windows\\station-workbench.iss",
    } <= set(named)
    for path in named:
        assert (ROOT / _relative(path)).is_file(), path
