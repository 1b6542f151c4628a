#!/usr/bin/env bash
# TCP retransmits: a bulk TCP sender pushes through a bottleneck that drops its packets.
#
#   host namespace                 plb-tcp-retransmits-router        plb-tcp-retransmits-receiver
#   iperf3 client (sender) --veth--> forwards, and on its egress --veth--> iperf3 server
#   198.19.214.1                     a lossy or tight qdisc             198.19.214.6
#
# The bottleneck qdisc sits on the router namespace's egress towards the receiver:
#   - netem (random loss, --loss-percent) when the kernel has sch_netem: probed by adding
#     it there, on this scenario's own veth, never on a real interface;
#   - otherwise a token bucket (tbf, --rate-mbit) with a tiny queue (--limit-kb): TCP's
#     bursts (TSO/GSO super-packets of up to 64 kB) overflow the queue, the tail of every
#     burst is dropped, the sender repairs it with fast retransmits and, when a whole
#     window or a retransmission is lost, waits for its retransmission timer (RTO).
# The drops happen one hop away, as at a real bottleneck: a qdisc on the sender's own
# interface would refuse packets locally (TCPRetransFail) and stall the flow instead.
# The sender stays in the host namespace on purpose: /proc/net/snmp and /proc/net/netstat
# are per network namespace and the agent reads the host's, so Tcp RetransSegs and TcpExt
# TCPTimeouts count the sender's losses there. Nothing touches eth0 or the host's traffic:
# the host gets one veth and one route, for 198.19.214.4/30 (benchmarking range) via it;
# IP forwarding is switched on inside the router namespace only.
# Measured on a 2-vCPU Firecracker VM (kernel 6.18, no netem; tbf 50 mbit, 8 kB queue), 1 Hz:
# RetransSegs 100-400/s while the flow moves (idle host: 0/s), TCPTimeouts 2-6/s (idle: 0);
# 600-1 950 retransmits and 18-38 timeouts per 8 s run, 5 050 and 105 per 30 s run. The
# 50 Mbit/s link carries only 1-2.5 Mbit/s, and the flow can sit in exponential RTO backoff
# for a few seconds with nothing sent at all. With --limit-kb 16: about 1 250
# retransmits/s at 44 Mbit/s and no timeouts; with 64 the queue absorbs the bursts.
SCENARIO_ID=tcp-retransmits
DEFAULT_DURATION=30
MAX_DURATION=300
source "$(dirname "$0")/../lib/scenario.sh" || exit 1
pl_param rate-mbit 50 1 10000 "bottleneck rate in Mbit/s (tbf; used when the kernel has no netem)"
pl_param limit-kb 8 2 1024 "bottleneck queue in kB: the smaller, the more drops; 8 or less also gives RTO timeouts (tbf; used when the kernel has no netem)"
pl_param loss-percent 2 1 50 "random loss in % (netem; used when the kernel has netem)"
pl_param streams 1 1 16 "parallel TCP streams (iperf3 -P)"
pl_main "$@"

NS_ROUTER=plb-tcp-retransmits-router
NS_RECEIVER=plb-tcp-retransmits-receiver
SEND_IF=plb-tcpr-snd   # host namespace: the sender's interface
ROUTER_IN=plb-tcpr-rin # router namespace, facing the sender
ROUTER_OUT=plb-tcpr-rout # router namespace, facing the receiver: the bottleneck
RECV_IF=plb-tcpr-rcv   # receiver namespace
SEND_IP=198.19.214.1 ROUTER_IN_IP=198.19.214.2 ROUTER_OUT_IP=198.19.214.5 RECV_IP=198.19.214.6
RECV_NET=198.19.214.4/30
PORT=5201 # the server listens inside the receiver namespace: no clash with the host's ports

pl_require_root
pl_require_tool ip "apt-get install iproute2"
pl_require_tool tc "apt-get install iproute2"
pl_require_tool ss "apt-get install iproute2"
pl_require_tool sysctl "apt-get install procps"
pl_require_tool iperf3 "apt-get install iperf3"
pl_require_tool timeout "apt-get install coreutils"
pl_requirements_met

pl_phase setup
if ip -o -4 addr show | grep -q " 198\.19\.214\." || ip -4 route show | grep -q "^198\.19\.214\."; then
  pl_fail "198.19.214.0/29 is already in use on this host; is another run of $SCENARIO_ID active?"
fi
pl_netns "$NS_ROUTER"
pl_netns "$NS_RECEIVER"
in_router() { ip netns exec "$NS_ROUTER" "$@"; }
in_receiver() { ip netns exec "$NS_RECEIVER" "$@"; }
# The router-receiver veth lives and dies with the namespaces; the host end needs its own undo.
pl_undo "ip link del $SEND_IF"
{
  ip link add "$SEND_IF" type veth peer name "$ROUTER_IN" netns "$NS_ROUTER" &&
    in_router ip link add "$ROUTER_OUT" type veth peer name "$RECV_IF" netns "$NS_RECEIVER"
} || pl_fail "cannot create the veth pairs"
{
  ip addr add "$SEND_IP/30" dev "$SEND_IF" && ip link set "$SEND_IF" up &&
    ip route add "$RECV_NET" via "$ROUTER_IN_IP" dev "$SEND_IF" &&
    in_router ip link set lo up &&
    in_router ip addr add "$ROUTER_IN_IP/30" dev "$ROUTER_IN" && in_router ip link set "$ROUTER_IN" up &&
    in_router ip addr add "$ROUTER_OUT_IP/30" dev "$ROUTER_OUT" && in_router ip link set "$ROUTER_OUT" up &&
    in_router sysctl -qw net.ipv4.ip_forward=1 &&
    in_receiver ip link set lo up &&
    in_receiver ip addr add "$RECV_IP/30" dev "$RECV_IF" && in_receiver ip link set "$RECV_IF" up &&
    in_receiver ip route add default via "$ROUTER_OUT_IP"
} || pl_fail "cannot configure the veth pairs"

if in_router tc qdisc add dev "$ROUTER_OUT" root netem loss "${P_loss_percent}%" limit 1000 2>/dev/null; then
  pl_note "kernel has netem: the router drops ${P_loss_percent} % of the sender's packets at random"
else
  in_router tc qdisc add dev "$ROUTER_OUT" root tbf rate "${P_rate_mbit}mbit" burst 16kb limit "${P_limit_kb}kb" ||
    pl_fail "cannot add a tbf qdisc in $NS_ROUTER"
  pl_note "no netem in this kernel: the router's link to the receiver is a ${P_rate_mbit} Mbit/s token bucket with a ${P_limit_kb} kB queue (tail drops)"
fi

pl_spawn timeout -s KILL "$((DURATION + 10))" ip netns exec "$NS_RECEIVER" iperf3 --server --one-off --bind "$RECV_IP" --port "$PORT" >/dev/null 2>&1
server_pid=$PL_LAST_PID
listening() { in_receiver ss -Hltn "sport = :$PORT" 2>/dev/null | grep -q .; }
for _ in $(seq 1 50); do
  listening && break
  kill -0 "$server_pid" 2>/dev/null || pl_fail "the iperf3 server in $NS_RECEIVER exited before listening"
  sleep 0.1
done
listening || pl_fail "the iperf3 server in $NS_RECEIVER is not listening on port $PORT"

# The client (sender) runs in the host namespace: its retransmits are the host's counters.
pl_spawn timeout -s KILL "$((DURATION + 5))" iperf3 --client "$RECV_IP" --port "$PORT" --time "$DURATION" \
  --parallel "$P_streams" --interval 1 --forceflush --connect-timeout 3000
client_pid=$PL_LAST_PID
pl_note "$P_streams TCP stream(s) from the host namespace to $RECV_IP for ${DURATION} s; watch Tcp RetransSegs in /proc/net/snmp and TcpExt TCPTimeouts in /proc/net/netstat"
pl_hold
# Let iperf3 print its summary (the sender's Retr total) before cleanup.
for _ in $(seq 1 30); do kill -0 "$client_pid" 2>/dev/null || break; sleep 0.1; done
echo "bottleneck qdisc in $NS_ROUTER:"
in_router tc -s qdisc show dev "$ROUTER_OUT" 2>/dev/null | sed -n '1,2p'
