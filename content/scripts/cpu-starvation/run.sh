#!/usr/bin/env bash
# CPU starvation: more runnable threads than CPUs, so every thread waits its turn in the
# run queue (procs_running above the CPU count, PSI cpu "some" near 100 %). With
# --quota-percent, the same threads run in a cgroup whose CFS quota allows only that share
# of one CPU: the run queue stays short, and the cgroup's cpu.stat counts throttled periods
# instead (the container-style starvation of topic 2.2). The hogs are shell busy loops, so
# nothing needs installing.
SCENARIO_ID=cpu-starvation
DEFAULT_DURATION=30
MAX_DURATION=300
source "$(dirname "$0")/../lib/scenario.sh"
pl_param threads 4 1 64 "busy threads to start (more than the CPU count starves them)"
pl_param quota-percent 0 0 100 "0: no cgroup; otherwise run the threads in a cgroup allowed this % of one CPU"
pl_main "$@"

cpus=$(nproc)
if [ "$P_quota_percent" -gt 0 ]; then
  pl_require_root
  pl_require_cgroup cpu
fi
pl_requirements_met

pl_phase setup
hog='while :; do :; done'
if [ "$P_quota_percent" -gt 0 ]; then
  pl_cgroup cpu perflab-cpu-starvation
  quota_us=$((P_quota_percent * 1000))
  if [ "$PL_CGROUP_VERSION" -eq 2 ]; then
    echo "$quota_us 100000" >"$PL_CGROUP_DIR/cpu.max" || pl_fail "cannot set cpu.max"
  else
    echo 100000 >"$PL_CGROUP_DIR/cpu.cfs_period_us" && echo "$quota_us" >"$PL_CGROUP_DIR/cpu.cfs_quota_us" || pl_fail "cannot set the CFS quota"
  fi
  pl_note "cgroup $PL_CGROUP_DIR (v$PL_CGROUP_VERSION): quota ${quota_us} us per 100000 us = ${P_quota_percent} % of one CPU"
  # Each hog moves itself into the cgroup before it starts spinning.
  hog="echo \$\$ > $PL_CGROUP_DIR/cgroup.procs && $hog"
fi
for _ in $(seq 1 "$P_threads"); do
  pl_spawn timeout -s KILL "$((DURATION + 5))" sh -c "$hog"
done
pl_note "$P_threads busy threads on $cpus CPUs for ${DURATION} s"
pl_hold
