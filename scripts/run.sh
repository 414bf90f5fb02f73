#!/usr/bin/env bash
# The run command: installs what is missing, builds, starts muster-server on its embedded
# PostgreSQL with a demo organisation, prints the demo logins (and the badges and PINs for the
# kiosk), and opens the desktop app when there is a display. With --kiosk it also opens a kiosk
# (windowed), left waiting for a lead to approve it in the app's Kiosks place, as at a real
# convention (--approve-kiosk approves it at once). Ctrl+C stops everything, the server and its
# database cleanly.
set -euo pipefail
cd "$(dirname "$0")/.."

with_kiosk=0
approve_kiosk=0
for arg in "$@"; do
    case "$arg" in
        --kiosk) with_kiosk=1 ;;
        --approve-kiosk) with_kiosk=1; approve_kiosk=1 ;;
        *) echo "usage: $0 [--kiosk | --approve-kiosk]" >&2; exit 2 ;;
    esac
done

port="${MUSTER_PORT:-8440}"
if [ "$(id -u)" -eq 0 ]; then
    data_dir="${MUSTER_DATA_DIR:-/var/lib/muster}"
else
    data_dir="${MUSTER_DATA_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/muster}"
fi

scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --parallel "$(nproc)"
server=build/release/server/muster-server
app=build/release/app/muster
kiosk=build/release/kiosk/muster-kiosk

logins="$data_dir/demo-logins.txt"
if [ ! -s "$logins" ]; then
    echo "Creating the demo organisation in $data_dir …"
    mkdir -p "$data_dir"
    "$server" --data-dir "$data_dir" --create-org "Demo Organisation" 2>/dev/null \
        || "$server" --data-dir "$data_dir" --list-users --org "Demo Organisation" >/dev/null
    tmp=$(mktemp)
    while read -r login role name; do
        out=$("$server" --data-dir "$data_dir" --create-user "$login" --org "Demo Organisation" \
              --role "$role" --display-name "${name//_/ }" 2>/dev/null) || continue
        printf '%-8s %-10s %s\n' "$login" "$role" "$(sed -n 's/^password: //p' <<<"$out")" >>"$tmp"
    done <<'USERS'
alice admin Alice_Admin
bob lead Bob_Lead
carol staff Carol_Staff
dave volunteer Dave_Volunteer
erin volunteer Erin_Volunteer
frank volunteer Frank_Volunteer
gina volunteer Gina_Volunteer
USERS
    # An active event, teams, a bonus window, rewards, and a badge and kiosk PIN for everyone.
    echo >>"$tmp"
    echo "Kiosk badges and PINs:" >>"$tmp"
    seeded=$("$server" --data-dir "$data_dir" --seed-demo --org "Demo Organisation" 2>/dev/null)
    awk '$1 == "badge" { printf "%-8s badge %-6s PIN %s\n", $2, $3, $4 }' <<<"$seeded" >>"$tmp"
    key=$(awk '$1 == "anteroom" { print $2 }' <<<"$seeded")
    if [ -n "$key" ]; then
        echo >>"$tmp"
        echo "The chat's anteroom (a client's page; carol, bob and alice are on chat duty):" >>"$tmp"
        echo "    http://127.0.0.1:$port/anteroom/$key" >>"$tmp"
    fi
    install -m 600 "$tmp" "$logins"
    rm -f "$tmp"
fi

echo
echo "Demo logins (organisation \"Demo Organisation\"; kept in $logins):"
sed 's/^/    /' "$logins"
echo

"$server" --data-dir "$data_dir" --port "$port" &
server_pid=$!
trap 'kill -TERM "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null' INT TERM EXIT

for _ in $(seq 1 100); do
    curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
    kill -0 "$server_pid" 2>/dev/null || { echo "muster-server failed to start" >&2; exit 1; }
    sleep 0.2
done
echo "muster-server is up: http://127.0.0.1:$port/healthz answers $(curl -fs "http://127.0.0.1:$port/healthz")"

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    echo "Opening the desktop app …"
    "$app" --server "127.0.0.1:$port" &
    if [ "$with_kiosk" -eq 1 ]; then
        echo "Opening a kiosk (windowed; its log is $data_dir/kiosk.log) …"
        "$kiosk" --server "127.0.0.1:$port" --data-dir "$data_dir/kiosk" --windowed \
            2>"$data_dir/kiosk.log" &
        # A new kiosk writes its pairing code to its log.
        for _ in $(seq 1 50); do
            code=$(sed -n 's/.*pairing code \([A-Z0-9]\{6\}\).*/\1/p' "$data_dir/kiosk.log" | tail -1)
            [ -n "$code" ] && break
            sleep 0.2
        done
        if [ -n "${code:-}" ] && [ "$approve_kiosk" -eq 1 ]; then
            "$server" --data-dir "$data_dir" --authorize-kiosk "$code" --name "Front desk" \
                --location "Main hall" --org "Demo Organisation" 2>/dev/null | tail -1
        elif [ -n "${code:-}" ]; then
            echo "The kiosk waits for approval with pairing code $code: sign in as bob (a lead)"
            echo "or alice, open Kiosks, and approve it with that code."
        fi
    fi
fi
echo "Press Ctrl+C to stop."
wait "$server_pid"
