#!/bin/sh
# A short tour of the tools that exist: each step shows what the kernel
# sees. Run by `scripts/demo` (which builds the tools and puts them on PATH).
set -eu

if [ -t 1 ]; then bold=$(printf '\033[1m') plain=$(printf '\033[0m'); else bold="" plain=""; fi
say() { printf '\n%s$ %s%s\n' "$bold" "$*" "$plain"; }

say "nsrun --pid --mount-proc ps -e            # its own PID namespace and /proc"
nsrun --pid --mount-proc ps -e

say "nsrun -U -r id                            # root of a new user namespace"
nsrun -U -r id

say "nsrun --net ip -br link                   # a network namespace: only lo, and it is up"
nsrun --net ip -br link

say "nsrun --uts --hostname box hostname"
nsrun --uts --hostname box hostname

say "nsrun --time --boottime 86400 cat /proc/uptime   # booted a day earlier"
nsrun --time --boottime 86400 cat /proc/uptime

say 'pid=$(nsrun --net --pid --detach --hold -- sleep 30); nsrun --release -t "$pid"'
pid=$(nsrun --net --pid --detach --hold -- sleep 30)
trap 'kill "$pid" 2>/dev/null || true' EXIT
echo "handle: $pid   net: $(readlink "/proc/$pid/ns/net")   ours: $(readlink /proc/self/ns/net)"
nsrun --release -t "$pid"
sleep 0.2
echo "released; the init's children: $(ps -o comm= --ppid "$pid")"
kill "$pid"

say "nsrun -p sh -c 'exit 7'; echo \$?           # the command's status"
st=0
nsrun -p sh -c 'exit 7' || st=$?
echo "$st"
