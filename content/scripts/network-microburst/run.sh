#!/usr/bin/env bash
# Network microburst: traffic that is light on average arrives in short bursts at the
# sender's full speed, and a small queue overflows during every burst. A veth pair joins a
# private namespace (plb-burst-n inside plb-network-microburst) to the host namespace
# (plb-burst-h). In the namespace a sender transmits UDP datagrams as fast as it can for
# --burst-ms, then stays silent until the next --interval-ms. In the host namespace a
# consumer reads them at a steady --consumer-rate (messages/s) from a socket whose receive
# buffer is --rcvbuf-kb (the kernel doubles it for bookkeeping); on average it has plenty of
# capacity (one burst a second is a few thousand datagrams against a consumer rate of
# thousands per second), but during a burst datagrams arrive ten to a hundred times faster
# than it reads, the buffer is full within a millisecond or two and the kernel drops the
# rest: Udp RcvbufErrors in the host namespace's /proc/net/snmp (the socket is the small
# queue here; nothing else in the path drops). One-second averages of the interface
# (net.rx_packets of plb-burst-h) look modest; the agent's 10 ms view shows the bursts
# (peak-to-average ratio about interval / burst duration). Nothing is host-global: no
# sysctl changes, the consumer's socket listens on the veth's address only.
SCENARIO_ID=network-microburst
DEFAULT_DURATION=30
MAX_DURATION=300
source "$(dirname "$0")/../lib/scenario.sh"
pl_param burst-ms 25 10 200 "length of each burst, sent as fast as the sender can"
pl_param interval-ms 1000 200 2000 "time from the start of one burst to the start of the next"
pl_param consumer-rate 10000 1000 20000 "datagrams per second the consumer reads, evenly paced"
pl_param rcvbuf-kb 64 16 128 "receive buffer the consumer asks for (SO_RCVBUF; the kernel doubles it)"
pl_main "$@"

NS=plb-network-microburst
HOST_IF=plb-burst-h
PEER_IF=plb-burst-n
PORT=45262
SIZE=1200

if [ "$P_burst_ms" -ge "$P_interval_ms" ]; then
  pl_bad_parameter "--burst-ms ($P_burst_ms) must be shorter than --interval-ms ($P_interval_ms)"
fi
pl_require_root
pl_require_tool ip "apt-get install iproute2"
pl_require_tool ss "apt-get install iproute2"
pl_require_tool python3 "apt-get install python3"
pl_requirements_met

# Host-namespace counters for the summary: the veth's received packets and UDP's drops.
rx_packets() { pl_netdev_counter "$HOST_IF" 2; }
rcvbuf_errors() { awk '$1 == "Udp:" { if (!header) { for (i = 2; i <= NF; i++) if ($i == "RcvbufErrors") col = i; header = 1 } else print $col }' /proc/net/snmp; }

pl_phase setup
pl_free_subnet 93
HOST_ADDR=$PL_HOST_ADDR PEER_ADDR=$PL_PEER_ADDR
tmp=$(mktemp -d /tmp/plb-network-microburst.XXXXXX) || pl_fail "cannot create a temporary directory"
pl_undo "rm -rf $tmp"

pl_veth_pair "$HOST_IF" "$PEER_IF" "$NS" "$HOST_ADDR" "$PEER_ADDR"
pl_note "veth $HOST_IF ($HOST_ADDR, host namespace, receives) <-> $PEER_IF ($PEER_ADDR, namespace $NS, sends)"

cat >"$tmp/consumer.py" <<'EOF'
# Reads datagrams at a steady pace: at most rate/1000 per millisecond tick, sleeping in
# select() while the socket is empty.
import select, socket, sys, time
addr, port, rate, rcvbuf, duration = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])
sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
try:
    sock.setsockopt(socket.SOL_SOCKET, 33, rcvbuf)  # SO_RCVBUFFORCE: not capped by net.core.rmem_max
except OSError:
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
sock.bind((addr, port))
print(f"consumer: {rate} datagrams/s from {addr}:{port}, receive buffer {sock.getsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF) // 1024} KiB", flush=True)
per_tick, got, end = max(1, rate // 1000), 0, time.monotonic() + duration
while time.monotonic() < end:
    if not select.select([sock], [], [], 0.2)[0]:
        continue
    tick = time.monotonic()
    try:
        while time.monotonic() < end:
            for _ in range(per_tick):
                sock.recv(65536, socket.MSG_DONTWAIT)
                got += 1
            tick += 0.001
            delay = tick - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            elif delay < -0.005:  # fell behind (no CPU): resume the pace, do not catch up
                tick = time.monotonic()
    except BlockingIOError:
        pass
print(f"consumer: read {got} datagrams", flush=True)
EOF
cat >"$tmp/sender.py" <<'EOF'
# Sends datagrams as fast as it can for burst_ms, then waits for the next interval; prints
# one line per second of the run that had bursts.
import socket, sys, time
dst, port, burst_ms, interval_ms, size, duration = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), float(sys.argv[6])
sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
sock.connect((dst, port))
send, payload = sock.send, b"x" * size
start = due = time.monotonic()
end, second, bursts, sent, fastest = start + duration, 0, 0, 0, 0.0
def report():
    print(f"sender: second {second}: {bursts} burst(s), {sent} datagrams of {size} bytes, up to {fastest:.0f} datagrams/s within a burst", flush=True)
while due < end:
    now = time.monotonic()
    if due > now:
        time.sleep(due - now)
    began = time.monotonic()
    if int(began - start) != second and bursts:
        report()
        bursts, sent, fastest = 0, 0, 0.0
    second = int(began - start)
    stop, n = began + burst_ms / 1000, 0
    while True:
        for _ in range(16):
            try:
                send(payload)
                n += 1
            except OSError:  # ECONNREFUSED before the consumer listens, ENOBUFS
                pass
        if time.monotonic() >= stop:
            break
    bursts, sent, fastest = bursts + 1, sent + n, max(fastest, n / (time.monotonic() - began))
    due += interval_ms / 1000
if bursts:
    report()
EOF

bound=$((DURATION + 5))
pl_spawn timeout -s KILL "$bound" python3 "$tmp/consumer.py" "$HOST_ADDR" "$PORT" "$P_consumer_rate" $((P_rcvbuf_kb * 1024)) "$DURATION.5"
consumer=$PL_LAST_PID
pl_wait_listening udp "$HOST_ADDR" "$PORT" || pl_fail "the consumer did not start"

# The agent's first sample of a new interface only sets its baseline: give it a second to
# see plb-burst-h before the first burst.
sleep 1.2
rx0=$(rx_packets)
drops0=$(rcvbuf_errors)
pl_spawn timeout -s KILL "$bound" ip netns exec "$NS" python3 "$tmp/sender.py" "$HOST_ADDR" "$PORT" "$P_burst_ms" "$P_interval_ms" "$SIZE" "$DURATION"
pl_note "bursts of ${P_burst_ms} ms every ${P_interval_ms} ms from $NS to a consumer reading ${P_consumer_rate}/s for ${DURATION} s"
pl_hold
for _ in $(seq 1 20); do kill -0 "$consumer" 2>/dev/null || break; sleep 0.1; done
rx=$(($(rx_packets) - rx0))
drops=$(($(rcvbuf_errors) - drops0))
echo "over the run: $HOST_IF received $rx datagrams ($((rx / DURATION))/s on average); Udp RcvbufErrors +$drops in the host namespace (also counts other sockets' drops)"
