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
  setsid "$@" &
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

pl_require_cgroup() { # controller
  if [ -f /sys/fs/cgroup/cgroup.controllers ]; then
    grep -qw "$1" /sys/fs/cgroup/cgroup.controllers && return 0
  elif [ -d "/sys/fs/cgroup/$1" ]; then
    return 0
  fi
  pl_progress missing requirement "cgroup $1 controller" hint "a kernel with the $1 cgroup controller mounted (cgroup v2 at /sys/fs/cgroup, or v1 at /sys/fs/cgroup/$1)"
  PL_MISSING=1
}
