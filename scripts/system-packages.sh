#!/bin/sh
# Installs the Debian packages deskbreak needs when they are missing.
#   runtime: the X11/EGL libraries Qt's xcb platform plugin loads, and
#            notify-send, which plyer uses for native notifications.
#   test:    runtime plus the virtual desktop the desktop test tier drives
#            (Xvfb, openbox, trayer, dunst, a D-Bus session, xdotool, ImageMagick,
#            PipeWire with WirePlumber and pw-record for a call to hold a break,
#            and at-spi2-core, the accessibility bus a screen reader listens on),
#            the two Wayland desktops of tests/wayland (headless GNOME Shell with
#            the AppIndicator tray; KWin with plasmashell for its tray; gdbus to
#            talk to them; about 1 GB the first time),
#            and the validators tests/test_packaging.py runs: desktop-file-validate
#            (the menu and autostart entries we ship and write), appstreamcli (the
#            AppStream metainfo), and gtk-update-icon-cache, which
#            `make install-desktop` refreshes when a user's icon cache exists.
#   venv:    python3-venv, without which `python3 -m venv` cannot make .venv
#            (Debian and Ubuntu ship ensurepip separately); PYTHON names the
#            interpreter to check (default python3).
# As root it installs them with apt-get; otherwise it says loudly what is
# missing and leaves it to you (the desktop tier then skips itself; without
# venv support nothing can run, so that case stops with the command to type).
set -eu

if [ "${1:-}" = venv ]; then
    python="${PYTHON:-python3}"
    "$python" -c "import ensurepip, venv" 2>/dev/null && exit 0
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "system-packages: installing python3-venv"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends python3-venv >/dev/null
        "$python" -c "import ensurepip, venv" && exit 0
    fi
    echo "system-packages: $python cannot create a virtual environment (no ensurepip)." >&2
    echo "  on Debian/Ubuntu run: sudo apt-get install python3-venv" >&2
    exit 1
fi

runtime="libegl1 libgl1 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0
libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1
libfontconfig1 libdbus-1-3 fonts-dejavu-core libnotify-bin
libwayland-client0 libwayland-cursor0 libwayland-egl1"
desktop="xvfb xauth openbox trayer dunst dbus dbus-x11 xdotool imagemagick x11-utils
pipewire pipewire-bin wireplumber at-spi2-core"
wayland="gnome-shell gnome-shell-extension-appindicator gjs libglib2.0-bin
kwin-wayland plasma-workspace plasma-desktop kactivitymanagerd kded5 qtwayland5"
validators="desktop-file-utils appstream gtk-update-icon-cache"

case "${1:-test}" in
    runtime) wanted="$runtime" ;;
    test) wanted="$runtime $desktop $wayland $validators" ;;
    *) echo "usage: $0 runtime|test|venv" >&2; exit 2 ;;
esac

command -v dpkg-query >/dev/null 2>&1 || {
    echo "system-packages: not a Debian/Ubuntu system; install the equivalents of: $wanted" >&2
    exit 0
}

missing=""
for pkg in $wanted; do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    case "$status" in
        *" installed") ;;
        *) missing="$missing $pkg" ;;
    esac
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
    echo "####################################################################" >&2
    echo "system-packages: NOT ROOT, cannot install:$missing" >&2
    echo "  run: sudo apt-get install$missing" >&2
    echo "  (the desktop test tier skips itself until they are installed)" >&2
    echo "####################################################################" >&2
    exit 0
fi

echo "system-packages: installing$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >/dev/null
