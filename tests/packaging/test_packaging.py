"""The bundle recipe, the installers and the release workflow agree with each other and hold up to actionlint.

The bundle itself is built and its frozen program smoke-tested by ``python3 dev.py build``, which CI
runs after the tests (.ci/run); these checks are the fast part that needs no build.
"""

from __future__ import annotations

import ast
import io
import plistlib
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PIL import Image

from securemailmerge.campaign import EXTENSION, MIME_TYPE
from tests.helpers import REPO

SPEC = REPO / "build.spec"
ISS = REPO / "packaging" / "windows" / "securemailmerge.iss"


def spec_constants() -> dict[str, object]:
    """The literal constants at the top of build.spec."""
    tree = ast.parse(SPEC.read_text("utf-8"))
    found: dict[str, object] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            try:
                found[node.targets[0].id] = ast.literal_eval(node.value)
            except ValueError:
                continue
    return found


def test_the_bundle_carries_translations_sample_icons_and_the_graph_schema() -> None:
    text = SPEC.read_text("utf-8")
    patterns = ('"translations/*.qm"', '"translations/*.ts"', '"sample/*.*"', '"sample/attachments/*.pdf"')
    for pattern in (*patterns, '"icons/*.png"'):
        assert pattern in text
    assert "securemailmerge/sandbox/graph-openapi-subset.json" in text
    assert 'copy_metadata("securemailmerge")' in text  # the version, frozen


def test_no_test_or_development_tool_is_bundled() -> None:
    excludes = spec_constants()["EXCLUDES"]
    assert isinstance(excludes, list)
    assert {"tests", "pytest", "_pytest", "pytestqt", "hypothesis", "mypy", "ruff", "PyInstaller"} <= set(
        excludes
    )


def test_the_campaign_file_type_is_the_same_everywhere() -> None:
    """The app's own extension and MIME type, in the bundle, the Windows installer and the Linux entry."""
    constants = spec_constants()
    assert constants["CAMPAIGN_EXTENSION"] == EXTENSION.lstrip(".") == "smmcampaign"
    assert constants["CAMPAIGN_MIME"] == MIME_TYPE
    spec = SPEC.read_text("utf-8")
    assert '"public.filename-extension": [CAMPAIGN_EXTENSION]' in spec  # macOS Info.plist
    assert '"public.mime-type": [CAMPAIGN_MIME]' in spec
    assert spec.count("CAMPAIGN_UTI") >= 3  # defined, exported, and the document type's content type
    iss = ISS.read_text("utf-8")
    assert f'#define CampaignExt "{EXTENSION}"' in iss
    assert f'ValueName: "Content Type"; ValueData: "{MIME_TYPE}"' in iss
    # Windows starts the app with the file as its one argument, which the app opens.
    assert 'ValueData: """{app}\\{#AppExe}"" ""%1"""' in iss
    mime = ElementTree.parse(REPO / "packaging" / "linux" / "securemailmerge-campaign.xml").getroot()
    namespace = "{http://www.freedesktop.org/standards/shared-mime-info}"
    kinds = mime.findall(f"{namespace}mime-type")
    assert [kind.get("type") for kind in kinds] == [MIME_TYPE]
    assert [glob.get("pattern") for glob in kinds[0].findall(f"{namespace}glob")] == [f"*{EXTENSION}"]
    desktop = (REPO / "packaging" / "linux" / "securemailmerge.desktop").read_text("utf-8").splitlines()
    assert f"MimeType={MIME_TYPE};" in desktop
    exec_line = next(line for line in desktop if line.startswith("Exec="))
    assert exec_line.endswith(" %f")  # the file the user opened, as the app's argument


def test_the_windows_installer_needs_no_admin_and_removes_what_it_registers() -> None:
    script = ISS.read_text("utf-8")
    assert "PrivilegesRequired=lowest" in script
    assert "ChangesAssociations=yes" in script
    assert "{autoprograms}" in script  # the Start menu entry
    registry = [line for line in script.splitlines() if line.startswith("Root: HKA")]
    assert registry
    assert all("uninsdelete" in line or "DefaultIcon" in line or "shell\\open" in line for line in registry)


def test_macos_info_plist_declares_the_document_type_and_minimum_version() -> None:
    constants = spec_constants()
    assert constants["MINIMUM_MACOS"] == "12.0"
    assert constants["CAMPAIGN_UTI"] == "com.securemailmerge.campaign"
    entitlements = plistlib.loads((REPO / "packaging" / "macos" / "entitlements.plist").read_bytes())
    assert entitlements == {
        "com.apple.security.cs.allow-unsigned-executable-memory": True,
        "com.apple.security.cs.disable-library-validation": True,
    }


def test_every_icon_is_made_from_the_one_drawing() -> None:
    icons = REPO / "resources" / "icons"
    assert (icons / "securemailmerge.svg").exists()
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        assert image(icons / f"securemailmerge-{size}.png").size == (size, size)
    assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(
        image(icons / "securemailmerge.ico").info["sizes"]
    )
    assert image(icons / "securemailmerge.icns").size == (1024, 1024)


def image(path: Path) -> Image.Image:
    with Image.open(io.BytesIO(path.read_bytes())) as opened:
        opened.load()
        return opened


def actionlint(*files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(REPO / "tools" / "actionlint.py"), *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_release_workflow_passes_actionlint() -> None:
    result = actionlint()
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_catches_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\njobs:\n  build:\n    runs-on: macos-15\n    steps:\n"
        "      - run: echo ${{ matrix.nope }}\n",
        encoding="utf-8",
    )
    unreadable = tmp_path / "unreadable.yml"
    unreadable.write_text("on: push\njobs: [build\n", encoding="utf-8")
    result = actionlint(broken, unreadable)
    assert result.returncode == 1
    assert 'broken.yml:6:23: property "nope" is not defined' in result.stdout
    assert "unreadable.yml" in result.stdout


@pytest.mark.parametrize("name", ["securemailmerge.desktop"])
def test_the_desktop_entry_has_the_keys_a_menu_needs(name: str) -> None:
    lines = (REPO / "packaging" / "linux" / name).read_text("utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    keys = {line.split("=", 1)[0] for line in lines[1:] if "=" in line}
    assert {"Type", "Name", "Exec", "Icon", "Categories", "MimeType"} <= keys


def test_the_linux_archive_installs_and_uninstalls_for_one_user(tmp_path: Path) -> None:
    unpacked = tmp_path / "SecureMailMerge-1.0-linux-x86_64"
    (unpacked / "SecureMailMerge").mkdir(parents=True)
    (unpacked / "icons").mkdir()
    for name in ("SecureMailMerge", "securemailmerge-cli"):
        program = unpacked / "SecureMailMerge" / name
        program.write_text("#!/bin/sh\necho frozen\n")
        program.chmod(0o755)
    linux = REPO / "packaging" / "linux"
    for name in ("install.sh", "securemailmerge.desktop", "securemailmerge-campaign.xml"):
        (unpacked / name).write_bytes((linux / name).read_bytes())
    (unpacked / "install.sh").chmod(0o755)
    (unpacked / "icons" / "securemailmerge-48.png").write_bytes(
        (REPO / "resources" / "icons" / "securemailmerge-48.png").read_bytes()
    )
    home = tmp_path / "home"
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin"}
    subprocess.run([str(unpacked / "install.sh")], env=env, check=True, capture_output=True)
    data = home / ".local" / "share"
    target = data / "securemailmerge" / "app"
    entry = (data / "applications" / "securemailmerge.desktop").read_text("utf-8")
    assert f"Exec={target}/SecureMailMerge %f" in entry.splitlines()
    assert (data / "icons" / "hicolor" / "48x48" / "apps" / "securemailmerge.png").exists()
    assert (data / "mime" / "packages" / "securemailmerge-campaign.xml").exists()
    ran = subprocess.run([str(home / ".local" / "bin" / "securemailmerge")], capture_output=True, text=True)
    assert ran.stdout == "frozen\n"
    subprocess.run([str(unpacked / "install.sh"), "--uninstall"], env=env, check=True, capture_output=True)
    assert not target.exists()
    assert not (data / "applications" / "securemailmerge.desktop").exists()
    assert not (home / ".local" / "bin" / "securemailmerge").exists()
