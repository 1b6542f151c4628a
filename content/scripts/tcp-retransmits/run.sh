#!/usr/bin/env bash
# TCP retransmits: a bulk TCP sender pushes into a link that cannot take it. A veth pair
# joins the host network namespace (sender: iperf3 client) to a private namespace
# (receiver: iperf3 server); the host end's egress gets a lossy or tight qdisc:
#   - netem (random loss, --loss-percent) when the kernel has sch_netem: probed by adding
#     it on this scenario's own veth, never on a real interface;
#   - otherwise a token bucket (tbf, --rate-mbit) with a tiny queue (--limit-kb): every
#     burst beyond a few packets is dropped at the qdisc, so the sender loses segments,
#     retransmits them, and, when a whole window is lost, waits for its retransmission
#     timer (RTO).
# The sender stays in the host namespace on purpose: /proc/net/snmp and /proc/net/netstat
# are per network namespace, and the agent reads the host's, so Tcp RetransSegs and TcpExt
# TCPTimeouts count the sender's losses there. Nothing touches eth0 or the host's traffic:
# the only route added is the veth's own /30 (198.19.214.0/30, benchmarking range).
# Measured on a 2-vCPU Firecracker VM (kernel 6.18, no netem, tbf 50 mbit, 8 kB queue):
# RetransSegs 180-400/s every second (idle: 0/s), TCPTimeouts 2-12 in 7 s (idle: 0).
SCENARIO_ID=tcp-retransmits
DEFAULT_DURATION=30
MAX_DURATION=300
source "$(dirname "$0")/../lib/scenario.sh"
pl_param rate-mbit 50 1 10000 "tbf rate of the shaped link in Mbit/s (used when the kernel has no netem)"
pl_param limit-kb 8 2 1024 "tbf queue size in kB: the smaller, the more drops (used when the kernel has no netem)"
pl_param loss-percent 2 1 50 "netem random loss in % (used when the kernel has netem)"
pl_param streams 1 1 16 "parallel TCP streams (iperf3 -P)"
pl_main "$@"

NS=plb-tcp-retransmits
HOST_IF=plb-tcpr-snd # host namespace end: the sender's egress, shaped
PEER_IF=plb-tcpr-rcv # receiver end, inside $NS
HOST_IP=198.19.214.1
PEER_IP=198.19.214.2
PORT=5201 # inside the private namespace: no clash with the host's listeners

pl_require_root
pl_require_tool ip "apt-get install iproute2"
pl_require_tool tc "apt-get install iproute2"
pl_require_tool ss "apt-get install iproute2"
pl_require_tool iperf3 "apt-get install iperf3"
pl_require_tool timeout "apt-get install coreutils"
pl_requirements_met

pl_phase setup
if ip -o -4 addr show | grep -q " 198\.19\.214\."; then
  pl_fail "198.19.214.0/30 is already in use on this host; is another run of $SCENARIO_ID active?"
fi
pl_netns "$NS"
pl_undo "ip link del $HOST_IF"
ip link add "$HOST_IF" type veth peer name "$PEER_IF" netns "$NS" || pl_fail "cannot create the veth pair $HOST_IF/$PEER_IF"
ip addr add "$HOST_IP/30" dev "$HOST_IF" && ip link set "$HOST_IF" up || pl_fail "cannot configure $HOST_IF"
ip netns exec "$NS" ip link set lo up
ip netns exec "$NS" ip addr add "$PEER_IP/30" dev "$PEER_IF" && ip netns exec "$NS" ip link set "$PEER_IF" up || pl_fail "cannot configure $PEER_IF in $NS"

# The qdisc goes away with the veth; its own undo only matters if the veth survives.
pl_undo "tc qdisc del dev $HOST_IF root"
if tc qdisc add dev "$HOST_IF" root netem loss "${P_loss_percent}%" limit 1000 2>/dev/null; then
  pl_note "kernel has netem: $HOST_IF drops ${P_loss_percent} % of the sender's packets at random"
else
  tc qdisc add dev "$HOST_IF" root tbf rate "${P_rate_mbit}mbit" burst 16kb limit "${P_limit_kb}kb" ||
    pl_fail "cannot add a tbf qdisc to $HOST_IF"
  pl_note "no netem in this kernel: $HOST_IF shaped by tbf to ${P_rate_mbit} Mbit/s with a ${P_limit_kb} kB queue (tail drops)"
fi

pl_spawn timeout -s KILL "$((DURATION + 10))" ip netns exec "$NS" iperf3 --server --one-off --bind "$PEER_IP" --port "$PORT"
server_pid=$PL_LAST_PID
for _ in $(seq 1 50); do
  ip netns exec "$NS" ss -Hltn "sport = :$PORT" 2>/dev/null | grep -q . && break
  kill -0 "$server_pid" 2>/dev/null || pl_fail "the iperf3 server in $NS exited before listening"
  sleep 0.1
done
ip netns exec "$NS" ss -Hltn "sport = :$PORT" | grep -q . || pl_fail "the iperf3 server in $NS is not listening on port $PORT"

# The client (sender) in the host namespace: its retransmits are the host's counters.
pl_spawn timeout -s KILL "$((DURATION + 5))" iperf3 --client "$PEER_IP" --port "$PORT" --time "$DURATION" \
  --parallel "$P_streams" --interval 1 --forceflush --connect-timeout 3000
client_pid=$PL_LAST_PID
pl_note "$P_streams TCP stream(s) from the host namespace to $PEER_IP in $NS for ${DURATION} s; watch Tcp RetransSegs in /proc/net/snmp and TCPTimeouts in /proc/net/netstat"
pl_hold
# Let iperf3 print its summary (sender and receiver Retr totals) before cleanup.
for _ in $(seq 1 30); do kill -0 "$client_pid" 2>/dev/null || break; sleep 0.1; done
# A last look at the qdisc's own drop counter, for the learner.
tc -s qdisc show dev "$HOST_IF" 2>/dev/null | sed -n '1,3p'
