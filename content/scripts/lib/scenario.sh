# shellcheck shell=bash
# The shared half of every scenario's run.sh: parameters with bounds, requirement checks
# with install hints, machine-readable progress lines, and an undo log that makes cleanup
# exact: everything a run creates is registered with the command that removes it, the log
# is kept in a state file, and cleanup replays it newest first on exit, on INT/TERM, and
# (with --cleanup-only) after a run that was killed with SIGKILL left it behind.
#
# A run.sh sets SCENARIO_ID, DEFAULT_DURATION and MAX_DURATION, declares its parameters
# with pl_param, sources this file, calls pl_main "$@", then does its work.
#
# Progress lines (stdout, one JSON object per line, prefix "PERFLAB "):
#   PERFLAB {"event":"phase","phase":"requirements|setup|running|cleanup|done"}
#   PERFLAB {"event":"missing","requirement":"stress-ng","hint":"apt-get install stress-ng"}
#   PERFLAB {"event":"note","message":"..."}
#   PERFLAB {"event":"error","message":"..."}
# Any other line is output for the learner to read.
# Exit codes: 0 done, 1 failed, 2 bad parameters, 3 a requirement is missing.

set -uo pipefail

PL_STATE_DIR="${PERFLAB_SCENARIO_STATE_DIR:-/run/perflab-scenarios}"
PL_PARAM_NAMES=()
declare -A PL_PARAM_DEFAULT=() PL_PARAM_MIN=() PL_PARAM_MAX=() PL_PARAM_HELP=()
PL_MISSING=0
PL_CLEANED=0

pl_json_escape() {
  local text=${1//\\/\\\\}
  text=${text//\"/\\\"}
  text=${text//$'\n'/\\n}
  text=${text//$'\t'/\\t}
  printf '%s' "$text"
}

pl_progress() { # event key value [key value ...]
  local line="{\"event\":\"$1\""
  shift
  while [ $# -ge 2 ]; do
    line+=",\"$1\":\"$(pl_json_escape "$2")\""
    shift 2
  done
  printf 'PERFLAB %s}\n' "$line"
}
pl_phase() { pl_progress phase phase "$1"; }
pl_note() { pl_progress note message "$1"; }
pl_fail() {
  pl_progress error message "$1"
  echo "$SCENARIO_ID: $1" >&2
  exit 1
}

# pl_param NAME DEFAULT MIN MAX "what it means" — an integer parameter, given as --NAME N.
pl_param() {
  PL_PARAM_NAMES+=("$1")
  PL_PARAM_DEFAULT[$1]=$2
  PL_PARAM_MIN[$1]=$3
  PL_PARAM_MAX[$1]=$4
  PL_PARAM_HELP[$1]=$5
  printf -v "P_${1//-/_}" '%s' "$2"
}

pl_usage() {
  echo "usage: run.sh [--duration SECONDS] [--cleanup-only]$(for name in "${PL_PARAM_NAMES[@]}"; do printf ' [--%s N]' "$name"; done)"
  echo "  --duration SECONDS   how long the problem lasts (default $DEFAULT_DURATION, at most $MAX_DURATION)"
  for name in "${PL_PARAM_NAMES[@]}"; do
    echo "  --$name N   ${PL_PARAM_HELP[$name]} (default ${PL_PARAM_DEFAULT[$name]}, ${PL_PARAM_MIN[$name]}-${PL_PARAM_MAX[$name]})"
  done
  echo "  --cleanup-only       undo what an interrupted run left behind, then exit"
  echo "  --check-only         check the requirements (exit 0, or 3 naming what is missing), change nothing"
}

pl_bad_parameter() {
  pl_progress error message "$1"
  echo "$SCENARIO_ID: $1" >&2
  pl_usage >&2
  exit 2
}

pl_check_integer() { # name value min max
  [[ $2 =~ ^[0-9]+$ ]] || pl_bad_parameter "--$1 must be a whole number, got '$2'"
  if [ "$2" -lt "$3" ] || [ "$2" -gt "$4" ]; then pl_bad_parameter "--$1 must be between $3 and $4, got $2"; fi
}

pl_parse_arguments() {
  DURATION=$DEFAULT_DURATION
  CLEANUP_ONLY=0
  CHECK_ONLY=0
  while [ $# -gt 0 ]; do
    case "$1" in
      --help | -h) pl_usage; exit 0 ;;
      --cleanup-only) CLEANUP_ONLY=1; shift ;;
      --check-only) CHECK_ONLY=1; shift ;;
      --duration)
        [ $# -ge 2 ] || pl_bad_parameter "--duration needs a value"
        pl_check_integer duration "$2" 1 "$MAX_DURATION"
        DURATION=$2
        shift 2
        ;;
      --*)
        local name=${1#--}
        [ -n "${PL_PARAM_DEFAULT[$name]+set}" ] || pl_bad_parameter "unknown option $1"
        [ $# -ge 2 ] || pl_bad_parameter "$1 needs a value"
        pl_check_integer "$name" "$2" "${PL_PARAM_MIN[$name]}" "${PL_PARAM_MAX[$name]}"
        printf -v "P_${name//-/_}" '%s' "$2"
        shift 2
        ;;
      *) pl_bad_parameter "unexpected argument '$1'" ;;
    esac
  done
}

# Requirements: each check reports what is missing and how to get it; pl_requirements_met
# exits 3 after all of them ran, so the learner sees every missing piece at once.
pl_require_root() {
  [ "$(id -u)" -eq 0 ] && return 0
  pl_progress missing requirement root hint "run as root (sudo), or let the perflab agent run it as root"
  PL_MISSING=1
}
pl_require_tool() { # tool "how to install"
  command -v "$1" >/dev/null 2>&1 && return 0
  pl_progress missing requirement "$1" hint "$2"
  PL_MISSING=1
}
pl_require_path() { # path "what provides it"
  [ -e "$1" ] && return 0
  pl_progress missing requirement "$1" hint "$2"
  PL_MISSING=1
}
# pl_require_disk_dir DIR "why tmpfs will not do": DIR must be a writable directory on a
# file system backed by a disk; tmpfs and ramfs are reported with the reason given (a
# clause: "which has no writeback"). Returns 1 when DIR is missing or not writable, so the
# caller can skip the checks that look inside it (pl_require_free_space).
pl_require_disk_dir() {
  if [ ! -d "$1" ] || [ ! -w "$1" ]; then
    pl_progress missing requirement "$1" hint "a writable directory on a disk-backed file system (set PERFLAB_SCENARIO_TMPDIR)"
    PL_MISSING=1
    return 1
  fi
  local fstype
  fstype=$(stat -f -c %T "$1" 2>/dev/null)
  case "$fstype" in
    tmpfs | ramfs)
      pl_progress missing requirement "$1 on a disk" hint "$1 is on $fstype, $2; set PERFLAB_SCENARIO_TMPDIR to a directory on a disk"
      PL_MISSING=1
      ;;
  esac
  return 0
}

# pl_require_free_space DIR MIB "the file needs" --parameter: room in DIR's file system for
# MIB MiB of the run's files, with 5 % of the file system, and at least 1 GiB, still free
# after them: a scenario must never be what fills a disk. The hint reads "<the file needs>
# MIB MiB and ... : free space, or lower --parameter".
pl_require_free_space() {
  local size_kb avail_kb reserve_mb
  read -r size_kb avail_kb < <(df -Pk "$1" | awk 'NR == 2 { print $2, $4 }')
  reserve_mb=$((size_kb / 1024 / 20))
  [ "$reserve_mb" -lt 1024 ] && reserve_mb=1024
  [ $((avail_kb / 1024 - $2)) -ge "$reserve_mb" ] && return 0
  pl_progress missing requirement "free space in $1" hint "$3 $2 MiB and $reserve_mb MiB must stay free, but only $((avail_kb / 1024)) MiB are available: free space, or lower $4"
  PL_MISSING=1
}

pl_requirements_met() {
  if [ "$PL_MISSING" -ne 0 ]; then
    echo "$SCENARIO_ID: requirements missing (see above); nothing was changed" >&2
    exit 3
  fi
  if [ "${CHECK_ONLY:-0}" -eq 1 ]; then
    trap - EXIT INT TERM
    exit 0
  fi
}

# The undo log: one shell command per line, replayed newest first.
pl_state_file() { echo "$PL_STATE_DIR/$SCENARIO_ID.undo"; }
pl_undo() {
  mkdir -p "$PL_STATE_DIR"
  chmod 700 "$PL_STATE_DIR" 2>/dev/null || true
  local file
  file=$(pl_state_file)
  # The first line names the run that owns the log, so nobody undoes a run still going.
  [ -f "$file" ] || printf '# owner %s\n' "$$" >"$file"
  printf '%s\n' "$1" >>"$file"
}

# The pid of a live run that owns the undo log (a run.sh of this scenario), or nothing.
pl_live_owner() {
  local file owner
  file=$(pl_state_file)
  [ -f "$file" ] || return 0
  owner=$(sed -n '1s/^# owner \([0-9]*\)$/\1/p' "$file")
  [ -n "$owner" ] && [ "$owner" != "$$" ] && kill -0 "$owner" 2>/dev/null && tr '\0' ' ' <"/proc/$owner/cmdline" 2>/dev/null | grep -q "$SCENARIO_ID" && echo "$owner"
  return 0
}

pl_replay_undo_log() {
  local file command
  file=$(pl_state_file)
  [ -f "$file" ] || return 0
  while IFS= read -r command; do
    [ -n "$command" ] && eval "$command" >/dev/null 2>&1
  done < <(tac "$file")
  rm -f "$file"
}

pl_cleanup() {
  [ "$PL_CLEANED" -eq 1 ] && return 0
  PL_CLEANED=1
  trap - EXIT INT TERM
  if [ -f "$(pl_state_file)" ]; then
    pl_phase cleanup
    pl_replay_undo_log
  fi
}

# Kills every process this run started (the workload runs in its own process group).
# (A process's pid is only known once it runs; its undo is logged right after.)
pl_spawn() { # command...: runs in the background in its own process group, killed with its children on cleanup
  setsid "$@" 9>&- &
  local pid=$!
  disown "$pid" # no "Killed" notice from bash when cleanup kills it
  pl_undo "kill -KILL -- -$pid 2>/dev/null; kill -KILL $pid 2>/dev/null; true"
  PL_LAST_PID=$pid
}

# A sysctl changed for the run and restored afterwards, whatever happens.
pl_sysctl() { # key value
  local path="/proc/sys/${1//.//}" old
  old=$(cat "$path") || pl_fail "cannot read sysctl $1"
  case "$1" in
    vm.dirty_bytes | vm.dirty_ratio) pl_undo "$(pl_dirty_pair_undo dirty)" ;;
    vm.dirty_background_bytes | vm.dirty_background_ratio) pl_undo "$(pl_dirty_pair_undo dirty_background)" ;;
    *) pl_undo "echo '$old' > $path" ;;
  esac
  echo "$2" >"$path" || pl_fail "cannot set sysctl $1 to $2"
  pl_note "sysctl $1: $old -> $2 (restored at the end)"
}

# vm.dirty_ratio/vm.dirty_bytes (and the dirty_background_ pair) are two views of one
# limit: writing either zeroes the other (for dirty_ratio/dirty_bytes only when the value
# changes), and *_bytes refuses 0. Echoing the old value back would fail or leave the
# run's limit in place, so the undo restores the pair as it is now: the non-zero *_bytes,
# or else the ratio, written via a different value first so that *_bytes is always cleared.
pl_dirty_pair_undo() { # dirty | dirty_background: prints the command that restores the pair
  local dir=/proc/sys/vm ratio bytes
  ratio=$(cat "$dir/$1_ratio") && bytes=$(cat "$dir/$1_bytes") || pl_fail "cannot read vm.$1_ratio and vm.$1_bytes"
  if [ "$bytes" != 0 ]; then
    echo "echo '$bytes' > $dir/$1_bytes"
  else
    echo "echo '$((ratio < 100 ? ratio + 1 : ratio - 1))' > $dir/$1_ratio; echo '$ratio' > $dir/$1_ratio"
  fi
}

# Undo commands are logged before the change they undo: a run killed in between leaves an
# undo that fails harmlessly, never a change nobody undoes.
pl_netns() { # name: a private network namespace, deleted on cleanup (with its veth ends)
  pl_undo "ip netns del $1"
  ip netns add "$1" || pl_fail "cannot create network namespace $1"
}

# pl_free_subnet FIRST: a /30 for a veth pair in 198.18.0.0/15 (RFC 2544 benchmarking range,
# never a real network) that no address or route of the host namespace uses yet:
# 198.18.N.0/30 for the first free N from FIRST to FIRST + 31. Each scenario starts at a
# FIRST of its own, so that runs of different scenarios set up at the same moment do not
# pick the same one. Sets PL_HOST_ADDR (.1, the host end) and PL_PEER_ADDR (.2, the
# namespace's end); fails if all 32 are taken.
pl_free_subnet() {
  local n
  for n in $(seq "$1" $(($1 + 31))); do
    ip -4 -o addr show | grep -q " 198\.18\.$n\." && continue
    ip -4 route show match "198.18.$n.1" | grep -qv '^default' && continue
    PL_HOST_ADDR=198.18.$n.1
    PL_PEER_ADDR=198.18.$n.2
    return 0
  done
  pl_fail "no free /30 in 198.18.$1.0-198.18.$(($1 + 31)).0 in the host namespace"
}

# pl_veth_pair HOST_IF PEER_IF NETNS [HOST_ADDR PEER_ADDR]: a private network namespace
# (pl_netns) joined to the host namespace by a veth pair. HOST_IF stays in the host
# namespace, where the agent sees it (/proc/net/dev and /proc/net/snmp are per namespace);
# PEER_IF goes into NETNS. With the addresses, both ends get theirs (/30) and come up, and
# so does NETNS's loopback; without them the caller configures both ends itself.
# The names are the scenario's own, so anything by these names is a leftover of an earlier
# run and is deleted first. Deleting the namespace deletes PEER_IF and with it the pair;
# HOST_IF has an undo of its own all the same, logged before the pair exists.
pl_veth_pair() {
  local host_if=$1 peer_if=$2 ns=$3
  ip netns del "$ns" 2>/dev/null
  ip link del "$host_if" 2>/dev/null
  pl_netns "$ns"
  pl_undo "ip link del $host_if"
  ip link add "$host_if" type veth peer name "$peer_if" netns "$ns" || pl_fail "cannot create the veth pair $host_if/$peer_if"
  [ $# -ge 5 ] || return 0
  ip addr add "$4/30" dev "$host_if" && ip link set "$host_if" up || pl_fail "cannot configure $host_if"
  ip -n "$ns" link set lo up && ip -n "$ns" addr add "$5/30" dev "$peer_if" && ip -n "$ns" link set "$peer_if" up || pl_fail "cannot configure $peer_if in $ns"
}

# pl_netdev_counter IF N: the Nth counter of IF in this (the host) namespace's /proc/net/dev:
# 1-8 receive (bytes, packets, errs, drop, fifo, frame, compressed, multicast), 9-16 transmit
# (bytes, packets, errs, drop, fifo, colls, carrier, compressed).
pl_netdev_counter() {
  awk -v dev="$1" -v n="$2" '{ split($0, part, ":"); name = part[1]; gsub(/ /, "", name); if (name == dev) { split(part[2], value, " "); print value[n] } }' /proc/net/dev
}

# pl_spawn_tcp_server HOST_ADDR PEER_ADDR COMMAND...: pl_spawn for a TCP server in the host
# namespace, bound to HOST_ADDR (a pl_veth_pair end) and talking to PEER_ADDR, that leaves
# nothing of its connections in the host namespace. Cleanup (the undo log runs backwards)
# first stops whatever the scenario spawned after the server (its clients), waits up to 1 s
# for the server to see their resets and close its ends, stops the server, aborts any socket
# still left on HOST_ADDR (so no FIN-WAIT or TIME-WAIT socket outlives the run) and forgets
# the TCP metrics the host cached for PEER_ADDR.
pl_spawn_tcp_server() {
  local host_addr=$1 peer_addr=$2
  shift 2
  pl_undo "ip tcp_metrics delete $peer_addr >/dev/null 2>&1; true"
  pl_undo "ss -K -tn src $host_addr >/dev/null 2>&1; true"
  pl_spawn "$@"
  pl_undo "for _ in 1 2 3 4 5 6 7 8 9 10; do ss -Htn state connected src $host_addr | grep -q . || break; sleep 0.1; done"
}

# pl_wait_listening tcp|udp ADDR PORT: waits up to 5 s for a socket of this (the host)
# namespace listening on ADDR:PORT, so the first packets do not arrive before the server;
# returns 1 if none is there by then (the caller says what did not start).
pl_wait_listening() {
  local flags=-Hltn
  [ "$1" = udp ] && flags=-Hlun
  for _ in $(seq 1 50); do
    ss "$flags" "src $2 and sport = :$3" 2>/dev/null | grep -q . && return 0
    sleep 0.1
  done
  ss "$flags" "src $2 and sport = :$3" 2>/dev/null | grep -q .
}

# Sleeps for the run's duration while the workload runs; returns early when TERM arrives.
pl_hold() {
  pl_phase running
  local end=$((SECONDS + ${1:-$DURATION}))
  while [ $SECONDS -lt $end ]; do sleep 0.2; done
}

pl_main() {
  pl_parse_arguments "$@"
  local owner
  owner=$(pl_live_owner)
  if [ "$CLEANUP_ONLY" -eq 1 ]; then
    if [ -n "$owner" ]; then
      pl_note "a run of $SCENARIO_ID is in progress (pid $owner); it cleans up after itself"
      exit 0
    fi
    pl_cleanup
    pl_phase done
    exit 0
  fi
  if [ "$CHECK_ONLY" -eq 1 ]; then
    pl_phase requirements
    return 0
  fi
  # Machine-wide, whatever undo directory a run uses (an agent's, a shell's, a test's): two
  # runs of one scenario would share its namespace, interface and cgroup names and undo
  # each other's changes. Workloads started with pl_spawn do not inherit the lock. A run
  # finding it taken waits its turn for a while (several agents on one host, as in a
  # workshop rehearsed on a single machine, each get a run), then gives up.
  local lock_dir=/run/lock wait_seconds=${PERFLAB_SCENARIO_LOCK_WAIT_SECONDS:-60}
  [ -w "$lock_dir" ] || lock_dir=${TMPDIR:-/tmp}
  exec 9>>"$lock_dir/perflab-scenario-$SCENARIO_ID.lock"
  if command -v flock >/dev/null 2>&1 && ! flock -n 9; then
    pl_note "another run of $SCENARIO_ID is in progress on this machine; waiting up to ${wait_seconds} s for it to end"
    flock -w "$wait_seconds" 9 || pl_fail "another run of $SCENARIO_ID is still in progress on this machine after ${wait_seconds} s; wait for it or stop it first"
  fi
  # Only now, holding the lock: agents of one host share the undo directory, and a run that
  # is still setting up or waiting must not be mistaken for the owner of an undo log. A live
  # owner here ran without the lock (no flock on this machine).
  owner=$(pl_live_owner)
  [ -z "$owner" ] || pl_fail "another run of $SCENARIO_ID is in progress (pid $owner); stop it first"
  trap 'pl_cleanup; exit 130' INT
  trap 'pl_cleanup; exit 143' TERM
  trap 'status=$?; pl_cleanup; [ $status -eq 0 ] && pl_phase done; exit $status' EXIT
  # A run killed outright leaves its undo log: replay it before starting again.
  if [ -f "$(pl_state_file)" ]; then
    pl_note "undoing what an interrupted earlier run left behind"
    pl_replay_undo_log
  fi
  pl_phase requirements
}

# pl_cgroup CONTROLLER NAME: a cgroup of its own for the workload, on cgroup v2 (unified
# hierarchy at /sys/fs/cgroup) or v1 (/sys/fs/cgroup/CONTROLLER). Sets PL_CGROUP_DIR and
# PL_CGROUP_VERSION. Cleanup kills what is left in it and removes it.
pl_cgroup() {
  local controller=$1 name=$2
  if [ -f /sys/fs/cgroup/cgroup.controllers ]; then
    PL_CGROUP_VERSION=2
    PL_CGROUP_DIR=/sys/fs/cgroup/$name
    if ! grep -qw "$controller" /sys/fs/cgroup/cgroup.subtree_control; then
      pl_undo "echo -$controller > /sys/fs/cgroup/cgroup.subtree_control"
      echo "+$controller" >/sys/fs/cgroup/cgroup.subtree_control || pl_fail "cannot enable the $controller controller"
    fi
  else
    PL_CGROUP_VERSION=1
    PL_CGROUP_DIR=/sys/fs/cgroup/$controller/$name
  fi
  pl_undo "for pid in \$(cat $PL_CGROUP_DIR/cgroup.procs 2>/dev/null); do kill -KILL \$pid; done; for _ in 1 2 3 4 5 6 7 8 9 10; do rmdir $PL_CGROUP_DIR 2>/dev/null && break; sleep 0.1; done"
  mkdir -p "$PL_CGROUP_DIR" || pl_fail "cannot create cgroup $PL_CGROUP_DIR"
}

# pl_in_cgroup COMMAND: prints a shell command line that moves its own shell into the
# cgroup of pl_cgroup (PL_CGROUP_DIR), then runs COMMAND there, for `sh -c`: so that the
# workload and everything it starts is charged to that cgroup from its first page.
pl_in_cgroup() { echo "echo \$\$ > $PL_CGROUP_DIR/cgroup.procs || exit 1; $1"; }

# pl_wait PID: waits for a pl_spawn'd process to end. (bash's wait cannot wait for it after
# pl_spawn disowned it, and a short sleep in a loop keeps INT/TERM handled within 0.2 s.)
pl_wait() { while kill -0 "$1" 2>/dev/null; do sleep 0.2; done; }

# pl_psi_total RESOURCE some|full: the total stall time in microseconds from
# /proc/pressure/RESOURCE (cpu, memory, io), or 0 on a kernel without PSI.
pl_psi_total() { sed -n "s/^$2 .*total=\([0-9]*\)$/\1/p" "/proc/pressure/$1" 2>/dev/null || echo 0; }

# pl_temp_dir DIR: a private directory (0700) for the run's own files, removed with all it
# holds on cleanup. DIR must not exist yet: a name with the run's pid in it ($$) is the run's
# own, and mkdir refuses anything already there (a symlink planted under that name too).
pl_temp_dir() {
  pl_undo "rm -rf -- '$1'"
  mkdir -m 700 "$1" || pl_fail "cannot create $1"
}

# pl_write_file FILE MIB: writes MIB MiB of zeros to FILE from inside the cgroup of
# pl_cgroup (call it first) and waits for it, so that the blocks exist on disk before the
# run. O_DIRECT: the data goes to the disk without entering the page cache (no dirty pages
# left over, nothing charged to anybody's cgroup). Where O_DIRECT is not supported, a
# buffered write, fsync, and dropping this one file's cache do the same. Fails the run if
# FILE does not end up MIB MiB long. (Put FILE in a pl_temp_dir: that removes it.)
pl_write_file() {
  local file=$1 mib=$2
  pl_spawn timeout -s KILL 300 sh -c "$(pl_in_cgroup "dd if=/dev/zero of='$file' bs=1M count=$mib oflag=direct status=none 2>/dev/null || { dd if=/dev/zero of='$file' bs=1M count=$mib conv=fsync status=none && dd if='$file' iflag=nocache count=0 status=none; }")"
  pl_wait "$PL_LAST_PID"
  [ "$(stat -c %s "$file" 2>/dev/null)" = $((mib * 1048576)) ] || pl_fail "could not write $file"
}

pl_require_cgroup() { # controller
  if [ -f /sys/fs/cgroup/cgroup.controllers ]; then
    grep -qw "$1" /sys/fs/cgroup/cgroup.controllers && return 0
  elif [ -d "/sys/fs/cgroup/$1" ]; then
    return 0
  fi
  pl_progress missing requirement "cgroup $1 controller" hint "a kernel with the $1 cgroup controller mounted (cgroup v2 at /sys/fs/cgroup, or v1 at /sys/fs/cgroup/$1)"
  PL_MISSING=1
}
