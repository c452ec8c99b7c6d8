#!/usr/bin/env bash
# Waits until no process holds any of the given lock files, for at most TIMEOUT seconds. apt and dpkg
# hold theirs (fcntl locks) while they run; on a fresh machine unattended upgrades can hold them for
# minutes, and apt-get fails at once on a held lock. Says what it waits for, and gives up after TIMEOUT.
# Usage: wait-for-apt-lock.sh TIMEOUT LOCKFILE...
set -euo pipefail
timeout=$1
shift
deadline=$((SECONDS + timeout))

# Prints "FILE PID" for the first held lock. /proc/locks names fcntl and flock locks alike by
# device:inode; lines with "->" are processes still waiting for a lock, not holding one.
first_held() {
  local lock id
  for lock in "$@"; do
    [ -e "$lock" ] || continue
    id=$(stat -c '%Hd %Ld %i' "$lock" | { read -r major minor inode; printf '%02x:%02x:%s' "$major" "$minor" "$inode"; })
    awk -v lock="$lock" -v id="$id" '$2 != "->" && $6 == id { print lock, $5; found = 1; exit } END { exit !found }' /proc/locks && return 0
  done
  return 1
}

announced=
while held=$(first_held "$@"); do
  read -r lock pid <<<"$held"
  holder="$(cat "/proc/$pid/comm" 2>/dev/null || echo process) (pid $pid)"
  if [ "$SECONDS" -ge "$deadline" ]; then
    echo "e2e setup: $lock is still held by $holder after $timeout s; giving up. Run the setup again once it is done." >&2
    exit 1
  fi
  if [ "$announced" != "$held" ]; then
    echo "e2e setup: waiting for $lock, held by $holder: another apt or dpkg is running (waiting up to $timeout s)" >&2
    announced=$held
  fi
  sleep 1
done
