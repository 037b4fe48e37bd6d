#!/bin/sh
# Install SecureMailMerge for this user from the unpacked archive: no root, nothing outside $HOME.
# Usage: ./install.sh            (run inside the unpacked SecureMailMerge-<version>-linux folder)
#        ./install.sh --uninstall
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
target=$data/securemailmerge/app
bin=$HOME/.local/bin

if [ "${1:-}" = "--uninstall" ]; then
    rm -rf "$data/securemailmerge/app" "$bin/SecureMailMerge" "$bin/securemailmerge"
    rm -f "$data/applications/securemailmerge.desktop" "$data/mime/packages/securemailmerge-campaign.xml"
    find "$data/icons/hicolor" -name securemailmerge.png -delete 2>/dev/null || true
    update-mime-database "$data/mime" 2>/dev/null || true
    echo "SecureMailMerge removed (your campaigns and settings in $data/SecureMailMerge are kept)."
    exit 0
fi

mkdir -p "$target" "$bin" "$data/applications" "$data/mime/packages"
rm -rf "$target"
cp -R "$here/SecureMailMerge" "$target"
ln -sf "$target/SecureMailMerge" "$bin/SecureMailMerge"
ln -sf "$target/securemailmerge-cli" "$bin/securemailmerge"
for icon in "$here"/icons/securemailmerge-*.png; do
    size=$(basename "$icon" .png | sed 's/securemailmerge-//')
    mkdir -p "$data/icons/hicolor/${size}x${size}/apps"
    cp "$icon" "$data/icons/hicolor/${size}x${size}/apps/securemailmerge.png"
done
sed "s#^Exec=SecureMailMerge#Exec=$target/SecureMailMerge#; s#^TryExec=SecureMailMerge#TryExec=$target/SecureMailMerge#" \
    "$here/securemailmerge.desktop" > "$data/applications/securemailmerge.desktop"
cp "$here/securemailmerge-campaign.xml" "$data/mime/packages/"
update-mime-database "$data/mime" 2>/dev/null || true
update-desktop-database "$data/applications" 2>/dev/null || true
echo "SecureMailMerge installed in $target; start it from the applications menu or with $bin/SecureMailMerge."
