; Inno Setup script: turns dist\pippi-desktop\ (built by PyInstaller from
; build_scripts\pippi_desktop.spec) into one installer, dist\pippi-desktop-<version>-setup.exe.
;
;   iscc /DAppVersion=0.1.0 build_scripts\windows\pippi_desktop.iss
;
; The version is passed in (read from the package metadata, see build_scripts\README.md), never
; typed here. The installer works without administrator rights (per-user install, the usual
; case on an educator's laptop) and offers an all-users install when it has them.
; Workspaces live in folders the user chose: uninstalling never touches them.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z build_scripts\windows\pippi_desktop.iss
#endif

#define AppName "PIPPI Desktop"
#define AppExe "pippi-desktop.exe"
#define DistDir "..\..\dist\pippi-desktop"

[Setup]
; AppId identifies the application for upgrades and uninstall: never change it.
AppId={{B4D49B93-F956-4739-B1B8-203FAA9AAC71}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=PIPPI Desktop
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=pippi-desktop-{#AppVersion}-setup
SetupIconFile=pippi-desktop.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto

[Languages]
Name: "it"; MessagesFile: "compiler:Languages\Italian.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-folder application; the PyInstaller folder layout is kept as it is.
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the bundled libraries completely (no stale DLL from an older release).
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
