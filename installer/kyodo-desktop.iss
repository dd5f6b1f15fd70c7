; Inno Setup 6 script: the Windows installer of 協働デスク (Kyodo Desktop).
;
; Build the PyInstaller folder first (installer/README.md), then, from the repository root:
;   iscc installer\kyodo-desktop.iss
; The version comes from the built kyodo-desktop.exe (its version resource is filled in from
; pyproject.toml by the spec); override with  iscc /DAppVersion=1.2.3 installer\kyodo-desktop.iss
; This file is UTF-8 with a byte-order mark, which Inno Setup 6 needs for the Japanese text.
;
; What it does:
; - installs per user by default (no administrator: %LOCALAPPDATA%\Programs\KyodoDesktop), or for all
;   users when chosen in the dialog that PrivilegesRequiredOverridesAllowed shows;
; - start-menu shortcuts (the program, and uninstall), an optional desktop shortcut;
; - opens register files (.kyodo) with the program: kyodo-desktop.exe --register "<file>";
; - uninstalling removes the program only. Registers, settings and backups live in the user's data
;   folder (%LOCALAPPDATA%\KyodoDesktop, or wherever the officer saved a register), never in {app},
;   and are kept; the uninstaller says so and where they are.

#define AppName "協働デスク"
#define AppNameEn "Kyodo Desktop"
#define AppExe "kyodo-desktop.exe"
#define CliExe "kyodo.exe"
#define RegisterSuffix ".kyodo"
#define ProgId "KyodoDesktop.Register"
#ifndef DistDir
  #define DistDir AddBackslash(SourcePath) + "..\dist\kyodo-desktop"
#endif
#ifndef AppVersion
  #define AppVersion GetVersionNumbersString(AddBackslash(DistDir) + AppExe)
#endif
#if AppVersion == ""
  #error "kyodo-desktop.exe has no version: build the PyInstaller folder first (installer\README.md)"
#endif

[Setup]
; AppId identifies the program to Windows across versions: never change it.
AppId={{1DCB3ABD-E1D9-4987-A6DF-B6A8CCF55DCB}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Kyodo Desktop
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppNameEn}
DefaultDirName={autopf}\KyodoDesktop
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
WizardStyle=modern
SetupIconFile=kyodo.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} ({#AppNameEn})
OutputDir={#DistDir}\..\installer
OutputBaseFilename=kyodo-desktop-setup-{#AppVersion}
Compression=lzma2/max
SolidCompression=yes
ChangesAssociations=yes
CloseApplications=yes
RestartApplications=no
ShowLanguageDialog=auto
LanguageDetectionMethod=uilanguage

[Languages]
Name: "japanese"; MessagesFile: "compiler:Languages\Japanese.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Messages]
japanese.ConfirmUninstall=%1 を削除します。よろしいですか？%n%n町会の台帳・設定・バックアップは削除されません（このパソコンのユーザーのデータフォルダーと、台帳を保存した場所に残ります）。
english.ConfirmUninstall=Are you sure you want to remove %1?%n%nThe associations' registers, settings and backups are not removed (they stay in your user data folder and wherever a register was saved).

[CustomMessages]
japanese.AssocTask=台帳ファイル（{#RegisterSuffix}）を協働デスクで開く
english.AssocTask=Open register files ({#RegisterSuffix}) with Kyodo Desktop
japanese.AssocGroup=ファイルの関連付け:
english.AssocGroup=File association:
japanese.RegisterFileType=協働デスクの台帳
english.RegisterFileType=Kyodo Desktop register
japanese.DataKept=協働デスクを削除しました。%n%n町会の台帳・設定・バックアップは残してあります:%n%1%n（USBメモリなど、台帳を保存した別の場所にあるものもそのままです）%n%nもう使わない場合は、内容を確かめてから、このフォルダーを手で削除してください。台帳には個人情報が入っています。
english.DataKept=Kyodo Desktop has been removed.%n%nThe registers, settings and backups were kept:%n%1%n(registers saved elsewhere, e.g. on a USB stick, are untouched too)%n%nIf they are no longer needed, check them and delete that folder yourself: registers hold personal data.
japanese.LaunchProgram=協働デスクを起動する
english.LaunchProgram=Start Kyodo Desktop

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "assoc"; Description: "{cm:AssocTask}"; GroupDescription: "{cm:AssocGroup}"

[Files]
; (never a portable marker or portable data folder that a test may have left in the build folder)
Source: "{#DistDir}\*"; DestDir: "{app}"; Excludes: "\portable,\portable.txt,\kyodo-data"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; files of an older version that the new one no longer has (the folder is the program's alone)
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "町会・自治会の名簿と運営"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; HKA: the current user's classes for a per-user install, the machine's for an all-users one
Root: HKA; Subkey: "Software\Classes\{#RegisterSuffix}"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue; Tasks: assoc
Root: HKA; Subkey: "Software\Classes\{#RegisterSuffix}\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: assoc
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:RegisterFileType}"; Flags: uninsdeletekey; Tasks: assoc
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"; Tasks: assoc
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""--register"" ""%1"""; Tasks: assoc
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: "{#RegisterSuffix}"; ValueData: ""; Flags: uninsdeletekey; Tasks: assoc

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram}"; Flags: nowait postinstall skipifsilent

; [UninstallDelete] is left out on purpose: the uninstaller removes only what it installed, so the
; user data folder ({localappdata}\KyodoDesktop) with the registers and backups stays.

[Code]
{ The user data folder, as kyodo_desktop/paths.py finds it (platformdirs, not roaming). }
function UserDataDir(): String;
begin
  Result := ExpandConstant('{localappdata}\KyodoDesktop');
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent() then
    MsgBox(FmtMessage(CustomMessage('DataKept'), [UserDataDir()]), mbInformation, MB_OK);
end;
