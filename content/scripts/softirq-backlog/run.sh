#!/usr/bin/env bash
# Softirq backlog: receive processing for a UDP flood is steered onto one CPU, which then
# cannot keep up. A veth pair joins the host namespace (plb-sirq-h) to a private namespace
# (plb-sirq-n inside plb-softirq-backlog). iperf3 in the host namespace, pinned to CPU 0,
# floods the peer with 64-byte datagrams; RPS on the peer's receive queue sends every packet
# to the last CPU: veth_xmit -> netif_rx -> enqueue_to_backlog(target CPU), plus a
# function-call IPI (CAL) that raises NET_RX there. Two host-global sysctls, restored at the
# end, make the limits bite:
#   net.core.netdev_budget (--budget): packets one net_rx_action round may process; a round
#     that runs out with packets still queued counts a time_squeeze (softnet_stat column 3)
#     and leaves the rest for the next round;
#   net.core.netdev_max_backlog (--max-backlog): the length of the per-CPU backlog above which
#     enqueue_to_backlog drops (softnet_stat column 2, charged to the target CPU's row; the
#     peer counts it as rx_dropped in its namespace and the host end as tx_dropped, because
#     netif_rx refused the packet it transmitted).
# softnet_stat, /proc/softirqs and /proc/interrupts are global, so the agent sees all of it
# from the host namespace; the socket-level loss happens in the private namespace only.
# The receiving iperf3 runs pinned to the target CPU too, competing with the softirq for it.
# Both sysctls are host-wide: during the run every backlog on the machine is this short and
# every NET_RX round this small (the host's own NIC loses no packets to it, it only polls in
# smaller rounds).
SCENARIO_ID=softirq-backlog
DEFAULT_DURATION=30
MAX_DURATION=300
source "$(dirname "$0")/../lib/scenario.sh"
pl_param budget 8 1 32 "net.core.netdev_budget during the run: packets one NET_RX round may process (small: time_squeeze)"
pl_param max-backlog 16 1 64 "net.core.netdev_max_backlog during the run: per-CPU backlog length above which packets are dropped"
pl_param streams 4 1 8 "parallel UDP streams of the flood (iperf3 -P)"
pl_main "$@"

NS=plb-softirq-backlog
HOST_IF=plb-sirq-h
PEER_IF=plb-sirq-n
PORT=45261

pl_require_root
pl_require_tool ip "apt-get install iproute2"
pl_require_tool ss "apt-get install iproute2"
pl_require_tool iperf3 "apt-get install iperf3"
pl_require_tool taskset "apt-get install util-linux"
pl_require_path /proc/sys/net/core/netdev_budget "a kernel with net.core.netdev_budget (any Linux)"
pl_require_path /sys/class/net/lo/queues/rx-0/rps_cpus "a kernel built with CONFIG_RPS (receive packet steering)"
cpus=$(nproc)
if [ "$cpus" -lt 2 ]; then
  pl_progress missing requirement "a second CPU" hint "RPS needs another CPU to steer receive processing to; run on a machine with 2 or more CPUs"
  PL_MISSING=1
fi
pl_requirements_met

# Per-CPU softnet_stat counters (hex) as "cpu processed dropped time_squeeze" lines.
softnet_snapshot() {
  local row=0 line cols cpu
  while read -r line; do
    read -ra cols <<<"$line"
    cpu=$row
    [ "${#cols[@]}" -ge 13 ] && cpu=$((16#${cols[12]}))
    echo "$cpu $((16#${cols[0]})) $((16#${cols[1]})) $((16#${cols[2]}))"
    row=$((row + 1))
  done </proc/net/softnet_stat
}

# The rps_cpus mask that selects one CPU (comma-separated 32-bit groups, as sysfs wants).
cpu_mask() {
  local cpu=$1 groups=$(($1 / 32 + 1)) mask="" g
  for g in $(seq $((groups - 1)) -1 0); do
    if [ "$g" -eq $((cpu / 32)) ]; then mask+=$(printf '%08x' $((1 << (cpu % 32)))); else mask+=00000000; fi
    [ "$g" -gt 0 ] && mask+=,
  done
  echo "$mask"
}

pl_phase setup
target=$((cpus - 1))
pl_free_subnet 61
HOST_ADDR=$PL_HOST_ADDR PEER_ADDR=$PL_PEER_ADDR
tmp=$(mktemp -d /tmp/plb-softirq-backlog.XXXXXX) || pl_fail "cannot create a temporary directory"
pl_undo "rm -rf $tmp"

pl_veth_pair "$HOST_IF" "$PEER_IF" "$NS" "$HOST_ADDR" "$PEER_ADDR"
mask=$(cpu_mask "$target")
ip netns exec "$NS" sh -c "echo $mask > /sys/class/net/$PEER_IF/queues/rx-0/rps_cpus" || pl_fail "cannot set RPS on $PEER_IF"
pl_note "veth $HOST_IF ($HOST_ADDR, host namespace) <-> $PEER_IF ($PEER_ADDR, namespace $NS); RPS on $PEER_IF rx-0 steers to CPU $target (mask $mask)"

pl_sysctl net.core.netdev_budget "$P_budget"
pl_sysctl net.core.netdev_max_backlog "$P_max_backlog"

bound=$((DURATION + 5))
# The sender is iperf3's server in the host namespace (pinned to CPU 0) and the receiver its
# client in the private one (-R: reverse mode): the client opens the control connection and
# closes it first, so its TIME_WAIT socket dies with the namespace instead of lingering in
# the host's. TMPDIR keeps iperf3's scratch files inside the run's temporary directory.
# (The redirections apply to the whole helper call, so to the server it spawns.)
pl_spawn_tcp_server "$HOST_ADDR" "$PEER_ADDR" env TMPDIR="$tmp" timeout -s KILL "$bound" taskset -c 0 iperf3 -s -B "$HOST_ADDR" -p "$PORT" >"$tmp/server.log" 2>&1 </dev/null
pl_wait_listening tcp "$HOST_ADDR" "$PORT" || pl_fail "the iperf3 server did not start: $(tail -n 3 "$tmp/server.log")"

# The agent's first sample of a new interface only sets its baseline: give it a second to
# see plb-sirq-h before the flood starts.
sleep 1
before=$(softnet_snapshot)
pl_spawn env TMPDIR="$tmp" timeout -s KILL "$bound" ip netns exec "$NS" taskset -c "$target" iperf3 -c "$HOST_ADDR" -p "$PORT" -R -u -b 0 -l 64 -P "$P_streams" -t "$DURATION" >"$tmp/client.log" 2>&1 </dev/null
client=$PL_LAST_PID
pl_note "UDP flood: $P_streams streams of 64-byte datagrams from CPU 0, received on CPU $target for ${DURATION} s"
pl_hold
after=$(softnet_snapshot)
for _ in $(seq 1 30); do kill -0 "$client" 2>/dev/null || break; sleep 0.1; done

echo "softnet_stat over the run (per CPU):"
while read -r cpu processed dropped squeezed; do
  read -r _ p0 d0 s0 < <(grep "^$cpu " <<<"$before")
  printf '  CPU %s: processed +%d, dropped +%d, time_squeeze +%d\n' "$cpu" $(((processed - p0) & 0xffffffff)) $(((dropped - d0) & 0xffffffff)) $(((squeezed - s0) & 0xffffffff))
done <<<"$after"
grep -E 'receiver|error' "$tmp/client.log" | tail -n 2 || true
