; Inno Setup script for the Windows installer: built by `python dev.py build` (tools/package.py) with
;   iscc /DAppVersion=<version from pyproject.toml> packaging\windows\securemailmerge.iss
; from the PyInstaller folder dist\SecureMailMerge. It installs for the current user without admin
; rights (into %LOCALAPPDATA%\Programs\SecureMailMerge), or for all users with /ALLUSERS.
; Silent deployment: SecureMailMerge-<version>-windows-x64-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
; Silent removal:    "%LOCALAPPDATA%\Programs\SecureMailMerge\unins000.exe" /VERYSILENT
; When a certificate is configured, tools/package.py defines SignTool and the installer and its
; uninstaller are signed (the program files are signed before this script runs).

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z
#endif
#define AppName "SecureMailMerge"
#define AppExe "SecureMailMerge.exe"
#define CampaignExt ".smmcampaign"
#define CampaignProgId "SecureMailMerge.Campaign"

[Setup]
AppId={{FA35CB75-D392-4DA8-BAA0-52947F1826B2}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=SecureMailMerge
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename={#AppName}-{#AppVersion}-windows-x64-setup
SetupIconFile=..\..\resources\icons\securemailmerge.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes
CloseApplications=yes
#ifdef SignTool
SignTool={#SignTool}
SignedUninstaller=yes
#endif

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "de"; MessagesFile: "compiler:Languages\German.isl"
Name: "es"; MessagesFile: "compiler:Languages\Spanish.isl"

[Files]
Source: "..\..\dist\SecureMailMerge\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; A new version's bundle replaces the old one whole: no stale module survives an update.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"

[Registry]
; HKA is HKCU for a per-user installation and HKLM with /ALLUSERS; the uninstaller removes both keys.
Root: HKA; Subkey: "Software\Classes\{#CampaignExt}\OpenWithProgids"; ValueType: string; ValueName: "{#CampaignProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#CampaignExt}"; ValueType: string; ValueName: ""; ValueData: "{#CampaignProgId}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#CampaignExt}"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-securemailmerge-campaign"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#CampaignProgId}"; ValueType: string; ValueName: ""; ValueData: "SecureMailMerge campaign"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#CampaignProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\{#CampaignProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: "{#CampaignExt}"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
