#!/usr/bin/env bash
# Memory pressure inside a memory cgroup: the workload needs twice the memory its cgroup
# may use (memory.limit_in_bytes on cgroup v1, memory.max on v2; swap is kept out of it),
# so only the cgroup suffers, never the host. Three variants (--mode):
#   1 major faults (the default): --jobs fio threads read random 4 KiB pages of a file of
#     twice the limit through mmap (MADV_RANDOM, no readahead). Only half of the file fits,
#     so about every other access faults on a page that is not resident and waits for the
#     disk: a major fault (pgmajfault), exactly one 4 KiB disk read each (disk reads/s equal
#     major faults/s), PSI io. Each page brought in is charged to the cgroup, which is at its
#     limit, so the faulting task first reclaims another one synchronously
#     (try_to_free_mem_cgroup_pages: there is no kswapd per cgroup): pgscan_file and
#     pgsteal_file (memcg reclaim is neither pgscan_kswapd nor pgscan_direct) and
#     workingset_refault_file run at the fault rate.
#   0 reclaim and thrashing: --jobs readers stream the same file with read(), over and over.
#     Every page is read from disk again on every pass (read() misses go to disk through
#     readahead in large requests and are not faults): reclaim runs at the read rate,
#     hundreds of thousands of pages per second. Pages read by one reader and again by another are
#     activated, their refaults are thrashing, and the time spent in reclaim and in
#     thrashing refaults is a memory stall: PSI memory "some". (One reader alone streams
#     through the LRU without activating anything: 1-3 % PSI; four: 20-40 %.)
#   2 OOM: one allocator (stress-ng --vm --vm-keep) touches anonymous memory of twice the
#     limit. Without swap anonymous pages cannot be reclaimed, so the cgroup's OOM killer
#     kills it within a fraction of a second (oom_kill in /proc/vmstat, the cgroup's
#     memory.oom_control or memory.events; dmesg "Memory cgroup out of memory"). A shell
#     loop restarts it a second later, like a supervisor restarting a crashing service.
#     No pressure builds up first: anonymous memory without swap has nothing to reclaim.
# The file is written once in setup with O_DIRECT (nothing enters the page cache, nothing
# is charged to the caller's cgroup) in a temp dir of its own on a disk-backed file system
# (${PERFLAB_SCENARIO_TMPDIR:-/var/tmp}/plb-memory-pressure.PID; page cache on tmpfs is
# shmem and cannot be reclaimed without swap), then read once from inside the cgroup, so
# the cgroup is full and evicting from the first second of the run. Cleanup kills the
# workload, removes the file (freeing its cache) and then the cgroup. Nothing host-wide is
# changed or dropped (no drop_caches).
# Measured on a 2-vCPU Firecracker VM (kernel 6.18, cgroup v1, virtio-blk), 1 Hz, defaults
# (128 MiB limit, 256 MiB file, 4 jobs), with other tests running on the machine:
#   mode 1: pgmajfault 12-36 k/s = disk reads/s (4.0 KiB per read, 0.06-0.09 ms each),
#           pgscan_file = pgsteal_file at the same rate, PSI io some 20-45 %, memory 4-9 %;
#   mode 0: pgsteal_file 175-460 k pages/s, PSI memory some 15-40 %;
#   mode 2: oom_kill about 1 per 1.2-1.5 s.
SCENARIO_ID=memory-pressure
DEFAULT_DURATION=30
MAX_DURATION=300
source "$(dirname "$0")/../lib/scenario.sh"
pl_param mode 1 0 2 "1: major-fault storm (random reads through mmap), 0: page-cache reclaim and thrashing (readers), 2: OOM kills (anonymous memory)"
pl_param limit-mb 128 64 1024 "memory limit of the cgroup in MiB; the file (modes 0 and 1) or the allocation (mode 2) is twice this"
pl_param jobs 4 2 16 "readers (mode 0) or fio threads (mode 1); mode 2 always runs one allocator"
pl_main "$@"

CGROUP=perflab-memory-pressure
BASE=${PERFLAB_SCENARIO_TMPDIR:-/var/tmp}
DIR=$BASE/plb-memory-pressure.$$
FILE=$DIR/workingset.dat
LIMIT_MB=$P_limit_mb
SIZE_MB=$((2 * P_limit_mb)) # the file (modes 0/1) or the anonymous allocation (mode 2)

check_all=${CHECK_ONLY:-0} # --check-only: check what every mode needs
pl_require_root
pl_require_cgroup memory
pl_require_tool timeout "apt-get install coreutils"
pl_require_tool setsid "apt-get install util-linux"
if [ "$P_mode" -eq 1 ] || [ "$check_all" -eq 1 ]; then pl_require_tool fio "apt-get install fio"; fi
if [ "$P_mode" -eq 2 ] || [ "$check_all" -eq 1 ]; then pl_require_tool stress-ng "apt-get install stress-ng"; fi

# The host must have the memory the cgroup may fill, with room to spare.
avail_mb=$(awk '/^MemAvailable:/ { print int($2 / 1024) }' /proc/meminfo)
if [ "${avail_mb:-0}" -lt $((2 * LIMIT_MB + 512)) ]; then
  pl_progress missing requirement "free memory" hint "the cgroup may use $LIMIT_MB MiB and the host should keep as much again plus 512 MiB available, but MemAvailable is ${avail_mb:-?} MiB: lower --limit-mb"
  PL_MISSING=1
fi
# Modes 0 and 1 need a file of twice the limit on a disk-backed file system.
if [ "$P_mode" -ne 2 ] || [ "$check_all" -eq 1 ]; then
  pl_require_disk_dir "$BASE" "whose pages cannot be reclaimed without swap" && pl_require_free_space "$BASE" "$SIZE_MB" "the file needs" --limit-mb
fi
pl_requirements_met

vmstat_values() { awk '$1 ~ /^(pgscan_file|pgsteal_file|pgmajfault|oom_kill|workingset_refault_file)$/ { printf "%s=%s ", $1, $2 }' /proc/vmstat; }

# What the cgroup itself counted, for the learner.
cgroup_summary() {
  local d=$PL_CGROUP_DIR
  if [ "$PL_CGROUP_VERSION" -eq 2 ]; then
    echo "cgroup $d: $(awk '$1 ~ /^(pgscan|pgsteal|pgmajfault|workingset_refault_file)$/ { printf "%s %s, ", $1, $2 }' "$d/memory.stat")memory.events: $(tr '\n' ' ' <"$d/memory.events")"
  else
    echo "cgroup $d: failcnt $(cat "$d/memory.failcnt"), max usage $(($(cat "$d/memory.max_usage_in_bytes") / 1048576)) MiB, $(awk '$1 ~ /^total_(pgmajfault|pgpgin|pgpgout)$/ { printf "%s %s, ", $1, $2 }' "$d/memory.stat")oom kills $(awk '$1 == "oom_kill" { print $2 }' "$d/memory.oom_control")"
  fi
}

pl_phase setup
[ -r /proc/pressure/memory ] || pl_note "no /proc/pressure (PSI needs 4.20+, CONFIG_PSI, psi=1): the stall shares cannot be seen here, the counters can"
pl_cgroup memory "$CGROUP"
limit_bytes=$((LIMIT_MB * 1048576))
if [ "$PL_CGROUP_VERSION" -eq 2 ]; then
  echo "$limit_bytes" >"$PL_CGROUP_DIR/memory.max" || pl_fail "cannot set memory.max"
  # No swap for the cgroup: anonymous memory stays in RAM and the limit stays a hard one.
  [ -f "$PL_CGROUP_DIR/memory.swap.max" ] && { echo 0 >"$PL_CGROUP_DIR/memory.swap.max" || pl_fail "cannot set memory.swap.max"; }
  [ "$(cat "$PL_CGROUP_DIR/memory.max")" = "$limit_bytes" ] || pl_fail "memory.max did not take $limit_bytes"
else
  echo "$limit_bytes" >"$PL_CGROUP_DIR/memory.limit_in_bytes" || pl_fail "cannot set memory.limit_in_bytes"
  # memory+swap at the same limit: with swap accounting on, the cgroup cannot swap either.
  [ -f "$PL_CGROUP_DIR/memory.memsw.limit_in_bytes" ] && { echo "$limit_bytes" >"$PL_CGROUP_DIR/memory.memsw.limit_in_bytes" || pl_fail "cannot set memory.memsw.limit_in_bytes"; }
  [ "$(cat "$PL_CGROUP_DIR/memory.limit_in_bytes")" = "$limit_bytes" ] || pl_fail "memory.limit_in_bytes did not take $limit_bytes"
fi
pl_note "cgroup $PL_CGROUP_DIR (v$PL_CGROUP_VERSION) limited to $LIMIT_MB MiB"

if [ "$P_mode" -ne 2 ]; then
  pl_temp_dir "$DIR"
  # Written with O_DIRECT: nothing is in the page cache yet, nor charged to any cgroup.
  pl_write_file "$FILE" "$SIZE_MB"
  # One pass from inside the cgroup fills its page cache up to the limit, so reclaim (and
  # faults on evicted pages) start with the first second of the run, whatever the size.
  pl_spawn timeout -s KILL 300 sh -c "$(pl_in_cgroup "exec cat '$FILE'")" >/dev/null
  pl_wait "$PL_LAST_PID"
  pl_note "file $FILE: $SIZE_MB MiB, twice the cgroup's limit; the cgroup's page cache is full"
fi

bound=$((DURATION + 5)) # timeout -s KILL: nothing outlives the run even without cleanup
before_vmstat=$(vmstat_values)
before_memory=$(pl_psi_total memory some)
before_io=$(pl_psi_total io some)
started=$(date +%s%N)
case "$P_mode" in
  0)
    for _ in $(seq 1 "$P_jobs"); do
      pl_spawn timeout -s KILL "$bound" sh -c "$(pl_in_cgroup "while cat '$FILE' > /dev/null; do :; done")"
    done
    pl_note "$P_jobs readers stream $SIZE_MB MiB through a $LIMIT_MB MiB cgroup: watch pgscan_file/pgsteal_file and workingset_refault_file in /proc/vmstat, and 'some' in /proc/pressure/memory"
    ;;
  1)
    pl_spawn timeout -s KILL "$bound" sh -c "$(pl_in_cgroup "exec fio --name=perflab-majfault --thread --numjobs=$P_jobs --group_reporting --filename='$FILE' --size=${SIZE_MB}m --ioengine=mmap --rw=randread --bs=4k --invalidate=0 --time_based --runtime=$DURATION --eta=never")"
    fio_pid=$PL_LAST_PID
    pl_note "$P_jobs fio threads read random 4 KiB pages of a $SIZE_MB MiB mmap in a $LIMIT_MB MiB cgroup: watch pgmajfault in /proc/vmstat, and 'some' in /proc/pressure/io"
    ;;
  2)
    pl_spawn timeout -s KILL "$bound" sh -c "$(pl_in_cgroup "cd /; while :; do stress-ng --vm 1 --vm-bytes ${SIZE_MB}m --vm-keep --oomable --timeout $((DURATION + 2))s > /dev/null 2>&1; sleep 1; done")"
    pl_note "an allocator of $SIZE_MB MiB in a $LIMIT_MB MiB cgroup, restarted 1 s after each kill: watch oom_kill in /proc/vmstat and dmesg"
    ;;
esac
pl_hold
# fio prints its summary (the faults' read latency) when its runtime ends.
if [ "$P_mode" -eq 1 ]; then
  for _ in $(seq 1 50); do kill -0 "$fio_pid" 2>/dev/null || break; sleep 0.1; done
fi
elapsed_us=$((($(date +%s%N) - started) / 1000))
echo "system-wide during the run: before: $before_vmstat"
echo "                            after:  $(vmstat_values)"
echo "PSI memory some $((($(pl_psi_total memory some) - before_memory) * 100 / elapsed_us)) %, io some $((($(pl_psi_total io some) - before_io) * 100 / elapsed_us)) % of the run (all tasks on the machine)"
cgroup_summary
