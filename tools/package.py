"""Build the bundle and the installer for this system, then smoke-test the frozen program.

``python3 dev.py build`` runs this with the project's ``.venv``:

1. PyInstaller with ``build.spec`` into ``dist/SecureMailMerge`` (``SecureMailMerge.app`` on macOS).
2. The package for this system, into ``dist/``:
   - Linux: ``SecureMailMerge-<version>-linux-x86_64.tar.gz`` (the bundle, the ``.desktop`` entry,
     the campaign file type, the icons and ``install.sh`` for a per-user installation).
   - Windows: the Inno Setup installer (``iscc``); with ``SMM_WINDOWS_CERT`` (a .pfx file) and
     ``SMM_WINDOWS_CERT_PASSWORD`` the programs, the installer and its uninstaller are signed.
   - macOS: with ``SMM_MACOS_SIGN_IDENTITY`` the app is signed (hardened runtime), then a ``.dmg``
     is made; with ``SMM_NOTARY_APPLE_ID``, ``SMM_NOTARY_TEAM_ID`` and ``SMM_NOTARY_PASSWORD`` it is
     notarized and the ticket stapled.
3. The frozen program's ``--self-test`` (offscreen, on the built-in sandbox), the command line's
   ``--version``, a German answer of it (its ``.ts`` catalogues) and a long ``check`` whose workers
   start as new interpreters; the build time, the bundle's size and the start times are printed.

``--smoke-only`` repeats step 3 on the bundle already built.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import tomllib
from pathlib import Path

from securemailmerge.campaign.parallel import START_METHOD_ENV

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
NAME = "SecureMailMerge"
PACKAGING = ROOT / "packaging"
TIMESTAMP_URL = os.environ.get("SMM_TIMESTAMP_URL", "http://timestamp.digicert.com")
SMOKE_TIMEOUT = 300  # seconds; the self-test itself needs a few


def version() -> str:
    """The version, from pyproject.toml (the one place it is set)."""
    return str(tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"])


def step(*command: str | Path, **kwargs: object) -> None:
    """Run one command, echoing it; a failure stops the build."""
    print("+", " ".join(str(part) for part in command), flush=True)
    subprocess.run([str(part) for part in command], check=True, **kwargs)  # type: ignore[call-overload]


def folder_size(path: Path) -> int:
    """The bytes of every file under ``path``."""
    return sum(
        entry.stat().st_size for entry in path.rglob("*") if entry.is_file() and not entry.is_symlink()
    )


def bundle() -> Path:
    """The built bundle: the folder, or the .app on macOS."""
    return DIST / (f"{NAME}.app" if sys.platform == "darwin" else NAME)


def program() -> Path:
    """The window's executable inside the bundle."""
    if sys.platform == "darwin":
        return bundle() / "Contents" / "MacOS" / NAME
    return bundle() / (f"{NAME}.exe" if sys.platform == "win32" else NAME)


def command_line() -> Path:
    """The command line's executable inside the bundle."""
    folder = program().parent
    return folder / ("securemailmerge-cli.exe" if sys.platform == "win32" else "securemailmerge-cli")


def pyinstaller() -> float:
    """Build the bundle; the seconds it took."""
    start = time.perf_counter()
    step(
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level=WARN",
        "--distpath",
        DIST,
        "--workpath",
        WORK,
        ROOT / "build.spec",
    )
    return time.perf_counter() - start


def linux_archive(release: str) -> Path:
    """The .tar.gz with the bundle, its desktop entry, file type, icons and per-user installer."""
    machine = platform.machine() or "x86_64"
    top = f"{NAME}-{release}-linux-{machine}"
    archive = DIST / f"{top}.tar.gz"
    partial = archive.with_suffix(".partial")
    with tarfile.open(partial, "w:gz", compresslevel=6) as tar:
        tar.add(bundle(), arcname=f"{top}/{NAME}")
        for name in ("securemailmerge.desktop", "securemailmerge-campaign.xml", "install.sh"):
            tar.add(PACKAGING / "linux" / name, arcname=f"{top}/{name}")
        for icon in sorted((ROOT / "resources" / "icons").glob("securemailmerge-*.png")):
            tar.add(icon, arcname=f"{top}/icons/{icon.name}")
    partial.replace(archive)  # never a half-written archive under its final name
    return archive


def windows_installer(release: str) -> Path:
    """Sign the programs when a certificate is configured, then build the Inno Setup installer."""
    certificate = os.environ.get("SMM_WINDOWS_CERT")
    defines = [f"/DAppVersion={release}"]
    if certificate:
        sign = [
            "signtool",
            "sign",
            "/f",
            certificate,
            "/p",
            os.environ.get("SMM_WINDOWS_CERT_PASSWORD", ""),
            "/fd",
            "sha256",
            "/tr",
            TIMESTAMP_URL,
            "/td",
            "sha256",
        ]
        step(*sign, program(), command_line())
        # Inno Setup signs the installer and the uninstaller with the same command ($f: the file).
        quoted = " ".join(f"$q{part}$q" if " " in part else part for part in sign)
        defines += [f"/Ssmmsign={quoted} $f", "/DSignTool=smmsign"]
    iscc = shutil.which("iscc") or r"C:\Program Files (x86)\Inno Setup 6\ISCC.exe"
    step(iscc, *defines, PACKAGING / "windows" / "securemailmerge.iss")
    return DIST / f"{NAME}-{release}-windows-x64-setup.exe"


def macos_dmg(release: str) -> Path:
    """Sign (when configured), make the .dmg, and notarize it (when configured)."""
    identity = os.environ.get("SMM_MACOS_SIGN_IDENTITY")
    entitlements = PACKAGING / "macos" / "entitlements.plist"
    if identity:
        step(
            "codesign",
            "--force",
            "--deep",
            "--timestamp",
            "--options",
            "runtime",
            "--entitlements",
            entitlements,
            "--sign",
            identity,
            bundle(),
        )
        step("codesign", "--verify", "--deep", "--strict", bundle())
    dmg = DIST / f"{NAME}-{release}-macos-{platform.machine()}.dmg"
    dmg.unlink(missing_ok=True)
    step("hdiutil", "create", "-volname", NAME, "-srcfolder", bundle(), "-ov", "-format", "UDZO", dmg)
    if identity:
        step("codesign", "--force", "--timestamp", "--sign", identity, dmg)
    notary = [os.environ.get(f"SMM_NOTARY_{key}") for key in ("APPLE_ID", "TEAM_ID", "PASSWORD")]
    if identity and all(notary):
        apple_id, team, password = notary
        step(
            "xcrun",
            "notarytool",
            "submit",
            dmg,
            "--apple-id",
            str(apple_id),
            "--team-id",
            str(team),
            "--password",
            str(password),
            "--wait",
        )
        step("xcrun", "stapler", "staple", dmg)
    return dmg


def smoke_test() -> tuple[float, float, float]:
    """Run the frozen ``--self-test`` and ``--version``; seconds to the window, in all, of ``--version``."""
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", SMM_DATA_DIR=tempfile.mkdtemp())
    print("+", program(), "--self-test", flush=True)
    start = time.perf_counter()
    shown = 0.0
    with subprocess.Popen(
        [str(program()), "--self-test"], env=environment, stdout=subprocess.PIPE, text=True
    ) as process:
        assert process.stdout is not None
        for line in process.stdout:
            print("  " + line.rstrip(), flush=True)
            if line.startswith("ok window shown"):
                shown = time.perf_counter() - start
        code = process.wait(timeout=SMOKE_TIMEOUT)
    total = time.perf_counter() - start
    if code != 0:
        sys.exit(f"The frozen program's self-test failed (exit code {code}).")
    start = time.perf_counter()
    answer = subprocess.run(
        [str(command_line()), "--version"], env=environment, capture_output=True, text=True, check=True
    ).stdout.split()
    cli = time.perf_counter() - start
    if answer[-1:] != [version()]:
        sys.exit(f"The frozen command line says {answer}, pyproject.toml says {version()}.")
    # The command line reads the .ts catalogues: with no tenant anywhere it must say so in German.
    nowhere = dict(environment, SMM_MACHINE_CONFIG_DIR=tempfile.mkdtemp())
    nowhere.pop("SMM_TENANT_CONFIG", None)
    german = subprocess.run(
        [str(command_line()), "--lang", "de", "tenant-info"], env=nowhere, capture_output=True, text=True
    )
    if german.returncode != 2 or "Kein Mandant konfiguriert" not in german.stderr:
        sys.exit(f"The frozen command line did not answer in German: {german.stderr.strip()}")
    check_in_new_interpreters(environment)
    return shown, total, cli


def check_in_new_interpreters(environment: dict[str, str]) -> None:
    """A long ``check`` in the frozen command line, its workers started as Windows and macOS start
    them: the program itself again, once per worker. It must find exactly the bad rows and say
    nothing on its error output, and on Linux the workers must be seen running (a worker that
    fails leaves the work to one process, which finds the same rows)."""
    rows, every = 40_000, 1_000
    folder = Path(tempfile.mkdtemp())
    lines = ["First Name;Email"] + [
        f"Person {row};{'bad@@' if row % every == 0 else f'person{row}@'}example.com"
        for row in range(2, rows + 2)
    ]
    (folder / "recipients.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "template.json").write_text('{"subject": "Hi {{ FirstName }}", "html": "<p>Hi</p>"}')
    command = [str(command_line()), "check", "--json", "--recipients", "recipients.csv"]
    command += ["--template", "template.json"]
    print("+", f"{START_METHOD_ENV}=spawn", *command, flush=True)
    workers: set[int] = set()
    with (
        (folder / "report.json").open("w+", encoding="utf-8") as out,
        (folder / "errors.txt").open("w+", encoding="utf-8") as errors,
    ):
        # Both outputs go to files: a pipe that nobody reads while the check runs could fill and stall it.
        process = subprocess.Popen(
            command,
            cwd=folder,
            env=dict(environment, **{START_METHOD_ENV: "spawn"}),
            stdout=out,
            stderr=errors,
        )
        deadline = time.monotonic() + SMOKE_TIMEOUT
        while process.poll() is None and time.monotonic() < deadline:
            workers |= spawned_workers(process.pid)
            time.sleep(0.02)
        if process.poll() is None:
            process.kill()
            sys.exit(f"The frozen check in new interpreters did not end within {SMOKE_TIMEOUT} s.")
        out.seek(0)
        errors.seek(0)
        err = errors.read()
        try:
            report = json.load(out)
        except ValueError:
            sys.exit(f"The frozen check gave no report (exit code {process.returncode}): {err.strip()}")
    if err.strip():  # a worker that fails says why there (and its rows are checked again here)
        sys.exit(f"The frozen check in new interpreters wrote: {err.strip()[:2000]}")
    bad = sorted(problem["row"] for problem in report["problems"])
    expected = [row for row in range(2, rows + 2) if row % every == 0]
    if report["ready"] != rows - len(expected) or bad != expected:
        sys.exit(f"The frozen check in new interpreters found {report['ready']} ready, bad rows {bad[:5]}...")
    if sys.platform == "linux" and not workers:
        sys.exit("The frozen check started no worker: it checked in one process.")
    print(f"  ok {rows:,} rows checked, {len(workers)} workers started as new interpreters", flush=True)


def spawned_workers(parent: int) -> set[int]:
    """The children of ``parent`` running now that multiprocessing started as new interpreters
    (Linux only: the other systems have no ``/proc``)."""
    found = set()
    for entry in Path("/proc").glob("[0-9]*") if sys.platform == "linux" else ():
        try:
            status = (entry / "status").read_text()
            if (
                f"\nPPid:\t{parent}\n" in status
                and b"\0--multiprocessing-fork\0" in (entry / "cmdline").read_bytes()
            ):
                found.add(int(entry.name))
        except OSError:  # it ended meanwhile
            continue
    return found


def main(argv: list[str]) -> int:
    """Build, package and smoke-test; print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke-only", action="store_true", help="only smoke-test the bundle already built")
    args = parser.parse_args(argv)
    release = version()
    figures: list[str] = []
    if not args.smoke_only:
        seconds = pyinstaller()
        figures.append(f"build time: {seconds:.0f} s")
        if sys.platform == "win32":
            package = windows_installer(release)
        elif sys.platform == "darwin":
            package = macos_dmg(release)
        else:
            package = linux_archive(release)
        figures.append(f"package: {package.relative_to(ROOT)} ({package.stat().st_size / 2**20:.1f} MiB)")
    figures.append(f"bundle size: {folder_size(bundle()) / 2**20:.1f} MiB ({bundle().relative_to(ROOT)})")
    shown, total, cli = smoke_test()
    # A Windows GUI program has no console, so it cannot report when its window appeared.
    window = f"{shown:.2f} s" if shown else "not reported (no console)"
    figures.append(
        f"frozen start to window (sandbox started first): {window}; whole self-test: {total:.2f} s; "
        f"securemailmerge-cli --version: {cli:.2f} s"
    )
    print("\n".join(figures), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
