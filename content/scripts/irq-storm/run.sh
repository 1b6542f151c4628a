#!/usr/bin/env bash
# Interrupt storm, the kind a virtual machine can have: its devices are paravirtual and
# cannot be made to storm, but its local APIC timer and inter-processor interrupts can.
#   - Timer storm: stress-ng --timer workers arm POSIX timers at --timer-freq Hz. Each
#     expiry is a hrtimer firing in hard-interrupt context, so the CPU that runs a worker
#     takes tens of thousands of local timer interrupts (LOC in /proc/interrupts) per
#     second instead of a few hundred. The achieved rate stays below the requested one: a
#     periodic POSIX timer is re-armed only once its previous signal was delivered, so it
#     depends on the worker getting the CPU. By default every worker is pinned to the last
#     CPU, so one CPU is stormed and the others are the comparison (--spread 1: every CPU).
#   - IPI storm (--ipi-pairs N): N pairs of `cat` processes pass one byte back and forth
#     through two pipes, one end pinned to the stormed CPU and the other to another CPU.
#     Every hop wakes a task on the other CPU, which takes a rescheduling IPI (RES).
# Without CONFIG_IRQ_TIME_ACCOUNTING (the lab VM) the handlers' time shows up as system
# time of whatever was interrupted, not as irq %; the interrupt rates are the signal.
# Measured on a 2-vCPU Firecracker VM (kernel 6.18, CONFIG_HZ=250, tickless idle), 1 Hz:
#   idle (other tests running): LOC 95-550/s per CPU, RES 0-750/s, CAL 13-730/s;
#   storm (defaults: 1 worker, 200 kHz): LOC 18 000-49 000/s on the stormed CPU while the
#   other stays at 265-530/s; 20 000-33 000/s with a busy loop sharing the machine;
#   --ipi-pairs 1: RES 4 400-9 200/s on both CPUs.
SCENARIO_ID=irq-storm
DEFAULT_DURATION=30
MAX_DURATION=300
source "$(dirname "$0")/../lib/scenario.sh" || exit 1
pl_param timer-freq 200000 1000 1000000 "requested timer frequency per worker in Hz"
pl_param workers 1 1 16 "timer workers per stormed CPU"
pl_param spread 0 0 1 "0: storm only the last CPU; 1: storm every CPU"
pl_param ipi-pairs 0 0 8 "pairs of processes ping-ponging between CPUs, each hop a rescheduling IPI (0: none)"
pl_main "$@"

pl_require_tool stress-ng "apt-get install stress-ng"
pl_require_tool taskset "apt-get install util-linux"
pl_require_tool timeout "apt-get install coreutils"
pl_require_tool mkfifo "apt-get install coreutils"
pl_require_path /proc/interrupts "procfs mounted at /proc"
pl_requirements_met

pl_phase setup
# The CPUs this process may run on (cgroup cpusets and offline CPUs excluded), one a line.
allowed_cpus() {
  local list part parts
  list=$(taskset -cp $$) || return 1
  IFS=, read -ra parts <<<"${list##*: }"
  for part in "${parts[@]}"; do seq "${part%-*}" "${part#*-}"; done
}
mapfile -t cpus < <(allowed_cpus)
[ "${#cpus[@]}" -ge 1 ] || pl_fail "cannot read this process's CPU list"
storm_cpu=${cpus[-1]}
if [ "$P_spread" -eq 1 ]; then storm_cpus=("${cpus[@]}"); else storm_cpus=("$storm_cpu"); fi

stressors=()
for cpu in "${storm_cpus[@]}"; do
  pl_spawn timeout -s KILL "$((DURATION + 5))" stress-ng --timer "$P_workers" --timer-freq "$P_timer_freq" \
    --taskset "$cpu" --timeout "${DURATION}s" --metrics-brief
  stressors+=("$PL_LAST_PID")
done
pl_note "timer storm: ${P_workers} stress-ng timer worker(s) at ${P_timer_freq} Hz pinned to CPU(s) ${storm_cpus[*]}; watch LOC in /proc/interrupts"

if [ "$P_ipi_pairs" -gt 0 ]; then
  if [ "${#cpus[@]}" -lt 2 ]; then
    pl_note "only one CPU available: no inter-processor interrupts possible, --ipi-pairs ignored"
  else
    other_cpu=${cpus[0]}
    fifo_dir=${TMPDIR:-/tmp}/plb-irq-storm.$$
    pl_temp_dir "$fifo_dir"
    for pair in $(seq 1 "$P_ipi_pairs"); do
      mkfifo "$fifo_dir/ping$pair" "$fifo_dir/pong$pair" || pl_fail "cannot create fifos in $fifo_dir"
      # One byte circulates: the echo side relays ping to pong, the other side injects the
      # byte and relays pong back to ping. Opening a fifo waits for its other end.
      pl_spawn timeout -s KILL "$((DURATION + 5))" taskset -c "$storm_cpu" sh -c "exec cat <'$fifo_dir/ping$pair' >'$fifo_dir/pong$pair'"
      pl_spawn timeout -s KILL "$((DURATION + 5))" taskset -c "$other_cpu" sh -c "exec 3>'$fifo_dir/ping$pair'; printf x >&3; exec cat <'$fifo_dir/pong$pair' >&3"
    done
    pl_note "IPI storm: $P_ipi_pairs byte(s) ping-ponging between CPU $other_cpu and CPU $storm_cpu through pipes; watch RES in /proc/interrupts"
  fi
fi
pl_hold
# Let stress-ng print its timer event rate (bogo ops/s) before cleanup.
for _ in $(seq 1 30); do
  running=0
  for pid in "${stressors[@]}"; do kill -0 "$pid" 2>/dev/null && running=1; done
  [ "$running" -eq 0 ] && break
  sleep 0.1
done
