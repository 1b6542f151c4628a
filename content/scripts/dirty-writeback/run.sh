#!/usr/bin/env bash
# Dirty-page writeback: buffered writers dirty page cache faster than the disk can take it
# back. Two host-global sysctls, restored exactly at the end, shrink the dirty budget from
# its default (vm.dirty_background_ratio 10 % / vm.dirty_ratio 20 % of available memory:
# gigabytes on a large machine) to a size that fills within a second:
#   vm.dirty_background_bytes (--dirty-mb / 2): above it the flusher threads start writing
#     dirty pages back in the background (Dirty turns into Writeback);
#   vm.dirty_bytes (--dirty-mb): the limit. Past the midpoint between the two ("freerun"),
#     balance_dirty_pages() makes every writer sleep (D state, io_schedule_timeout: counted
#     as iowait, in procs_blocked and in PSI io) just long enough to match its dirtying rate
#     to the measured writeback bandwidth.
# (Writing a *_bytes sysctl zeroes its *_ratio twin and *_bytes refuses 0, so pl_sysctl
# restores each pair as it was, not key by key. A watchdog restores them too, on its own,
# 15 s after the run should have ended, if this script was killed outright: the lowered
# budget throttles every writer on the host, so it must not wait for --cleanup-only.)
# The writers (fio, --writers threads, psync, each on its own part of one file) overwrite
# it with 4 KiB writes in ascending order, skipping every other 4 KiB block (fio
# rw=write:4k): sequential, but each dirty page is its own write request at writeback time.
# A purely sequential stream is written back in 4 MiB requests at up to ~3 GB/s on the lab
# VM's virtio disk, as fast as one CPU can dirty pages: it barely outruns writeback (the
# limit binds only now and then) and floods the shared disk. With the holes the device
# works through ~100 small requests at a time (300-400 MB/s) while the writers could dirty
# pages far faster, so the limit binds all the time: Dirty sits between the thresholds,
# pages are under writeback in most seconds, and the writers spend about half their time
# asleep in balance_dirty_pages.
# The file (4 × dirty-mb, at least 1 GiB) lives in a temp dir of its own on a disk-backed
# file system (${PERFLAB_SCENARIO_TMPDIR:-/var/tmp}/plb-dirty-writeback.PID), written once
# with O_DIRECT in setup (so the blocks exist and no dirty pages are left over), and removed
# on cleanup, which also drops its dirty pages unwritten. fio runs with invalidate=0: its
# fadvise(DONTNEED) at every pass would start writeback of the whole file itself. The
# writers run in a memory cgroup of their own without a limit: their page cache is charged
# there, not to the caller's cgroup (on cgroup v2 a memory.max would also shrink the
# writers' own dirty budget, which is computed from the cgroup's memory).
# Measured on a 2-vCPU Firecracker VM (kernel 6.18, virtio-blk vda, ext4), 1 Hz, defaults,
# with other tests running on the machine: Dirty 110-130 MiB, Writeback 0.1-0.8 MiB in most
# samples, procs_blocked 1-2, PSI io some 35-45 % (quiet machine: under 1 %), the writers
# throttled to 200-330 MiB/s.
SCENARIO_ID=dirty-writeback
DEFAULT_DURATION=30
MAX_DURATION=300
source "$(dirname "$0")/../lib/scenario.sh"
pl_param dirty-mb 128 64 512 "vm.dirty_bytes during the run in MiB; vm.dirty_background_bytes is half of it"
pl_param writers 2 1 8 "writer threads, each overwriting its own part of the file"
pl_main "$@"

CGROUP=perflab-dirty-writeback
BASE=${PERFLAB_SCENARIO_TMPDIR:-/var/tmp}
DIR=$BASE/plb-dirty-writeback.$$
FILE=$DIR/writer.dat
DIRTY_BYTES=$((P_dirty_mb * 1048576))
BACKGROUND_BYTES=$((DIRTY_BYTES / 2))
SIZE_MB=$((4 * P_dirty_mb))
[ "$SIZE_MB" -lt 1024 ] && SIZE_MB=1024

pl_require_root
pl_require_cgroup memory
pl_require_tool fio "apt-get install fio"
pl_require_tool timeout "apt-get install coreutils"
pl_require_tool setsid "apt-get install util-linux"
pl_require_path /proc/sys/vm/dirty_bytes "a Linux kernel with vm.dirty_bytes (2.6.29+)"
pl_require_disk_dir "$BASE" "which has no writeback" && pl_require_free_space "$BASE" "$SIZE_MB" "the file needs" --dirty-mb
pl_requirements_met

vmstat_values() { awk '$1 ~ /^(nr_dirtied|nr_written)$/ { printf "%s=%s ", $1, $2 }' /proc/vmstat; }
dirty_sysctls() { echo "dirty_ratio $(cat /proc/sys/vm/dirty_ratio), dirty_bytes $(cat /proc/sys/vm/dirty_bytes), dirty_background_ratio $(cat /proc/sys/vm/dirty_background_ratio), dirty_background_bytes $(cat /proc/sys/vm/dirty_background_bytes)"; }

pl_phase setup
[ -r /proc/pressure/io ] || pl_note "no /proc/pressure (PSI needs 4.20+, CONFIG_PSI, psi=1): the stall share cannot be seen here, the other signals can"
pl_cgroup memory "$CGROUP"
pl_temp_dir "$DIR"
# O_DIRECT: the blocks are allocated and written without leaving dirty pages behind.
pl_write_file "$FILE" "$SIZE_MB"
pl_note "file $FILE: $SIZE_MB MiB; writer in cgroup $PL_CGROUP_DIR (v$PL_CGROUP_VERSION, no limit)"

echo "dirty limits before the run: $(dirty_sysctls)"
# A watchdog restores the limits by itself if this script dies without cleaning up (kill -9):
# the lowered budget throttles every writer on the host, so it must not wait for the next
# --cleanup-only. It does nothing while this script lives; cleanup kills it.
restore="$(pl_dirty_pair_undo dirty); $(pl_dirty_pair_undo dirty_background)"
pl_spawn timeout -s KILL "$((DURATION + 25))" sh -c "sleep $((DURATION + 15)); kill -0 $$ 2>/dev/null || { $restore; }"
pl_sysctl vm.dirty_background_bytes "$BACKGROUND_BYTES"
pl_sysctl vm.dirty_bytes "$DIRTY_BYTES"

before_vmstat=$(vmstat_values)
before_io=$(pl_psi_total io some)
started=$(date +%s%N)
pl_spawn timeout -s KILL "$((DURATION + 5))" sh -c "$(pl_in_cgroup "exec fio --name=perflab-dirty-writer --thread --numjobs=$P_writers --group_reporting --filename='$FILE' --size=$((SIZE_MB * 1048576 / P_writers / 4096 * 4096)) --offset_increment=$((SIZE_MB * 1048576 / P_writers / 4096 * 4096)) --rw=write:4k --bs=4k --ioengine=psync --invalidate=0 --time_based --runtime=$DURATION --eta=never")"
fio_pid=$PL_LAST_PID
pl_note "$P_writers buffered writer(s) overwrite every other 4 KiB block of $FILE; background writeback from $((BACKGROUND_BYTES / 1048576)) MiB dirty, writers throttled towards $P_dirty_mb MiB: watch Dirty and Writeback in /proc/meminfo, procs_blocked in /proc/stat, 'some' in /proc/pressure/io"
pl_hold
# Let fio print its summary (the throttled write rate and latencies) before cleanup.
for _ in $(seq 1 50); do kill -0 "$fio_pid" 2>/dev/null || break; sleep 0.1; done
elapsed_us=$((($(date +%s%N) - started) / 1000))
echo "system-wide during the run: before: $before_vmstat"
echo "                            after:  $(vmstat_values)"
echo "PSI io some $((($(pl_psi_total io some) - before_io) * 100 / elapsed_us)) % of the run (all tasks on the machine)"
