#!/usr/bin/env bash
# Disk contention: competing I/O saturates one device's request queue. fio runs two jobs
# on files of this scenario's own, in a temp dir on the device under test:
#   - "random": 4 kB random reads and writes (70/30) with O_DIRECT at a deep queue
#     (--iodepth × --jobs): hundreds of requests in flight at all times;
#   - "writer" (--writer 1): a sequential 1 MiB O_DIRECT writer competing for the same
#     queue, the bulk neighbour every latency-sensitive reader dreads.
# The device then always has work queued: utilisation near 100 %, the average queue
# (iostat aqu-sz = Δ weighted ms / Δt) far above 1, and every request waits behind the
# others, so the average read and write latency (Δ ms / Δ I/Os, iostat r_await/w_await)
# grows with the queue (Little's law: latency = queue / IOPS). The submitters use libaio,
# so they sleep in io_getevents, not in io_schedule: iowait and PSI io barely move; the
# device's own counters in /proc/diskstats are the signal.
# Files are bounded (--size-mb each, the writer wraps around its file), the free space is
# checked first, and the temp dir (${PERFLAB_SCENARIO_TMPDIR:-/var/tmp}/plb-disk-contention.PID)
# is removed on cleanup. The files are written once during setup so that the random reads
# hit the device rather than unwritten extents.
# Measured on a 2-vCPU Firecracker VM (kernel 6.18, virtio-blk vda, mq-deadline), 1 Hz:
#   background (other tests doing I/O): queue 0.1-26, util 6-97 %, read latency 0.1-0.5 ms
#   with rare spikes; latency floor of one direct 4 kB read at a time: 0.2 ms;
#   scenario (defaults, 60-85k IOPS): queue 130-240, util 66-100 %, read and write latency
#   2.0-3.0 ms (Little: 200 in flight / 75k IOPS ≈ 2.7 ms); with a busy loop beside it:
#   queue 135-200, latency 2.2-2.6 ms. The file layout in setup adds a write-latency
#   spike (12-30 ms) from its buffered writeback.
SCENARIO_ID=disk-contention
DEFAULT_DURATION=30
MAX_DURATION=300
source "$(dirname "$0")/../lib/scenario.sh" || exit 1
pl_param iodepth 128 1 1024 "requests each random job keeps in flight"
pl_param jobs 2 1 16 "random-I/O jobs (fio numjobs)"
pl_param size-mb 256 16 8192 "size of each file in MiB (the random job's and the writer's)"
pl_param writer 1 0 1 "1: add a competing sequential 1 MiB writer; 0: random I/O only"
pl_param writer-mbps 200 0 100000 "the writer's rate cap in MiB/s (0: as fast as the device takes it)"
pl_main "$@"

BASE=${PERFLAB_SCENARIO_TMPDIR:-/var/tmp}
DIR=$BASE/plb-disk-contention.$$

pl_require_tool fio "apt-get install fio"
pl_require_tool findmnt "apt-get install util-linux"
pl_require_tool lsblk "apt-get install util-linux"
pl_require_tool timeout "apt-get install coreutils"
pl_require_path "$BASE" "a writable directory on a block device (set PERFLAB_SCENARIO_TMPDIR)"
if command -v fio >/dev/null 2>&1 && ! fio --enghelp 2>/dev/null | grep -qw libaio; then
  pl_progress missing requirement "fio libaio engine" hint "a fio built with libaio (apt-get install fio)"
  PL_MISSING=1
fi

# The device holding $BASE: the mount's source, its whole disk if it is a partition.
source_dev=""
device=""
if [ -d "$BASE" ]; then
  source_dev=$(findmnt -no SOURCE --target "$BASE" 2>/dev/null | head -1)
  source_dev=${source_dev%%\[*} # btrfs subvolumes: /dev/sda2[/@home]
  if [ -b "$source_dev" ]; then
    device=$(lsblk -no KNAME "$source_dev" 2>/dev/null | head -1)
    if [ "$(lsblk -dno TYPE "$source_dev" 2>/dev/null)" = part ]; then
      device=$(lsblk -no PKNAME "$source_dev" 2>/dev/null | head -1)
    fi
  else
    pl_progress missing requirement "$BASE on a block device" hint "$BASE is on '${source_dev:-?}' ($(findmnt -no FSTYPE --target "$BASE" 2>/dev/null | head -1)); set PERFLAB_SCENARIO_TMPDIR to a directory on a disk"
    PL_MISSING=1
  fi
  pl_require_free_space "$BASE" $((P_size_mb * (1 + P_writer))) "the files need" --size-mb
fi
pl_requirements_met

pl_phase setup
pl_temp_dir "$DIR"
pl_note "files in $DIR, on ${source_dev} (device ${device:-unknown} in /proc/diskstats)"

# --thread: jobs as threads of one fio process. Forked fio jobs call setsid(), so they would
# escape the process-group kill of cleanup and keep writing until their runtime ends.
common=(--directory="$DIR" --direct=1 --ioengine=libaio --thread --eta=never)
random_job=(--name=random --filename=random.dat --size="${P_size_mb}m" --rw=randrw --rwmixread=70 --bs=4k
  --iodepth="$P_iodepth" --numjobs="$P_jobs")
writer_job=(--name=writer --filename=writer.dat --size="${P_size_mb}m" --rw=write --bs=1m --iodepth=8)
[ "$P_writer_mbps" -gt 0 ] && writer_job+=(--rate="${P_writer_mbps}m")

# Write the random job's file once, so its reads hit the device (fio lays it out).
pl_spawn timeout -s KILL 300 fio "${common[@]}" --create_only=1 "${random_job[@]}" --numjobs=1 >/dev/null
pl_wait "$PL_LAST_PID"
[ "$(stat -c %s "$DIR/random.dat" 2>/dev/null)" = $((P_size_mb * 1048576)) ] || pl_fail "fio could not lay out $DIR/random.dat"

fio_jobs=("${random_job[@]}")
[ "$P_writer" -eq 1 ] && fio_jobs+=("${writer_job[@]}")
pl_spawn timeout -s KILL "$((DURATION + 10))" fio "${common[@]}" --time_based --runtime="$DURATION" "${fio_jobs[@]}"
fio_pid=$PL_LAST_PID
what="$P_jobs random 4k job(s) at iodepth $P_iodepth"
if [ "$P_writer" -eq 1 ]; then
  what+=" and a sequential 1 MiB writer"
  [ "$P_writer_mbps" -gt 0 ] && what+=" (at most $P_writer_mbps MiB/s)"
fi
pl_note "$what on ${device:-the device}; watch in_flight, weighted ms and ms per I/O in /proc/diskstats"
pl_hold
# Let fio print its summary (IOPS and latency percentiles) before cleanup.
for _ in $(seq 1 50); do kill -0 "$fio_pid" 2>/dev/null || break; sleep 0.1; done
