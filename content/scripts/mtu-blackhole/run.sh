#!/usr/bin/env bash
# MTU black hole: a layer-2 hop between two hosts carries smaller frames than both hosts
# believe, so every full-size packet vanishes without a trace while small ones pass.
# Topology: the host namespace's veth end plb-mtu-h (MTU 1500, 198.18.x.1) is joined to
# plb-mtu-n in the private namespace plb-mtu-blackhole, a "switch port" whose MTU is only
# --peer-mtu; plb-mtu-n is a port of the bridge plb-mtu-br, the client's own interface, which
# keeps MTU 1500 and the address 198.18.x.2. Both endpoints therefore announce an MSS of
# 1460, nothing on the path is a router, and no ICMP "fragmentation needed" can ever come
# back. A small HTTP-like server in the host namespace answers each request with a short
# header and a 1 MB body; --connections clients in the namespace download it. The
# handshake, the request and the header pass; every full-size body segment (a 1500-byte IP
# packet) is refused by veth_xmit because it exceeds the peer's MTU (veth allows MTU + 14 +
# 4 bytes of frame: with 1400, IP packets up to 1404 bytes pass, `ping -M do -s 1376` works
# and -s 1377 does not) and is counted as tx_dropped on plb-mtu-h. The server's TCP
# retransmits (RTO with exponential backoff, cwnd 1) and every retransmission is dropped
# again: RetransSegs and TCPTimeouts grow in the host namespace while the connections stay
# established and the downloads make no progress (ss -tino: backoff, rto, lost, cwnd:1,
# pmtu:1500). A client that sees no data for --stall-seconds aborts (RST) and starts again,
# like an impatient user.
# Two details make veth behave like a NIC on a wire: veth passes TSO/GSO super-packets
# without checking their size (a NIC would cut them into wire-size frames first), so
# plb-mtu-h sends one segment per packet (gso_max_segs 1); and veth has no queue, so without
# one its refusal would go straight back to TCP as local congestion (TCPRetransFail, retried
# without timeouts or RetransSegs) - behind a pfifo_fast qdisc a packet counts as sent once
# queued, as with a NIC, and the loss is silent.
# No fragmentation counter moves (TCP sets DF) and no sysctl is changed; with
# net.ipv4.tcp_mtu_probing=1 (0 by default) the server would recover by probing lower MSS.
SCENARIO_ID=mtu-blackhole
DEFAULT_DURATION=30
MAX_DURATION=300
source "$(dirname "$0")/../lib/scenario.sh"
pl_param peer-mtu 1400 1000 1480 "MTU of the layer-2 hop between the host and the client (both ends use 1500)"
pl_param connections 4 2 16 "downloads running at the same time"
pl_param stall-seconds 2 1 5 "a client aborts a download that made no progress for this long, then retries"
pl_main "$@"

NS=plb-mtu-blackhole
HOST_IF=plb-mtu-h
PEER_IF=plb-mtu-n
BRIDGE=plb-mtu-br
PORT=45263
BODY=1000000

pl_require_root
pl_require_tool ip "apt-get install iproute2"
pl_require_tool ss "apt-get install iproute2"
pl_require_tool tc "apt-get install iproute2"
pl_require_tool python3 "apt-get install python3"
pl_requirements_met

# Host-namespace counters for the summary.
tx_dropped() { pl_netdev_counter "$HOST_IF" 12; }
snmp_value() { # section field, from /proc/net/snmp or /proc/net/netstat
  awk -v section="$1:" -v field="$2" '$1 == section { if (!(section in seen)) { col = 0; for (i = 2; i <= NF; i++) if ($i == field) col = i; seen[section] = 1 } else if (col) print $col }' /proc/net/snmp /proc/net/netstat
}

pl_phase setup
pl_free_subnet 125
HOST_ADDR=$PL_HOST_ADDR PEER_ADDR=$PL_PEER_ADDR
tmp=$(mktemp -d /tmp/plb-mtu-blackhole.XXXXXX) || pl_fail "cannot create a temporary directory"
pl_undo "rm -rf $tmp"

pl_veth_pair "$HOST_IF" "$PEER_IF" "$NS" # the ends are configured below, the host end first
ip link set "$HOST_IF" gso_max_segs 1 || pl_fail "cannot limit $HOST_IF to one segment per packet (ip link set ... gso_max_segs needs iproute2 4.16+)"
# A queue on the host end, so that veth's refusal is a silent loss and not local congestion.
tc qdisc add dev "$HOST_IF" root pfifo_fast || pl_fail "cannot add a pfifo_fast qdisc to $HOST_IF"
ip addr add "$HOST_ADDR/30" dev "$HOST_IF" && ip link set "$HOST_IF" up || pl_fail "cannot configure $HOST_IF"
ip -n "$NS" link set lo up &&
  ip -n "$NS" link add "$BRIDGE" type bridge &&
  ip -n "$NS" link set "$PEER_IF" mtu "$P_peer_mtu" &&
  ip -n "$NS" link set "$PEER_IF" master "$BRIDGE" &&
  ip -n "$NS" link set "$BRIDGE" mtu 1500 &&
  ip -n "$NS" addr add "$PEER_ADDR/30" dev "$BRIDGE" &&
  ip -n "$NS" link set "$PEER_IF" up &&
  ip -n "$NS" link set "$BRIDGE" up || pl_fail "cannot configure the bridge $BRIDGE with port $PEER_IF in $NS"
pl_note "$HOST_IF ($HOST_ADDR, host namespace, MTU 1500) <-> $PEER_IF (MTU $P_peer_mtu, a port of bridge $BRIDGE) <-> $BRIDGE ($PEER_ADDR, namespace $NS, MTU 1500)"
probing=$(cat /proc/sys/net/ipv4/tcp_mtu_probing 2>/dev/null || echo 0)
[ "$probing" = 0 ] || pl_note "net.ipv4.tcp_mtu_probing is $probing on this host: after a few timeouts the server probes a smaller MSS and downloads may recover"

cat >"$tmp/server.py" <<'EOF'
# Answers each connection with a short header and a large body; aborts (RST) on close so
# no socket lingers in FIN-WAIT or TIME-WAIT after the run.
import socket, struct, sys, threading
addr, port, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
server = socket.socket()
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind((addr, port))
server.listen(64)
body = b"x" * size
def serve(conn):
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    try:
        conn.recv(1024)
        conn.sendall(b"HTTP/1.0 200 OK\r\nContent-Length: %d\r\n\r\n" % size)
        conn.sendall(body)
    except OSError:
        pass
    finally:
        conn.close()
while True:
    conn, _ = server.accept()
    threading.Thread(target=serve, args=(conn,), daemon=True).start()
EOF
cat >"$tmp/client.py" <<'EOF'
# Runs `connections` downloads in parallel; a download that receives nothing for `stall`
# seconds is aborted (RST) and started again. Prints one line a second.
import socket, struct, sys, threading, time
addr, port, connections, stall, duration = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
lock = threading.Lock()
stats = {"started": 0, "completed": 0, "aborted": 0, "bytes": 0}
end = time.monotonic() + duration
def count(key, n=1):
    with lock:
        stats[key] += n
def download():
    while time.monotonic() < end:
        try:
            sock = socket.create_connection((addr, port), timeout=2)
        except OSError:
            time.sleep(0.2)
            continue
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        count("started")
        sock.settimeout(0.2)
        last, done = time.monotonic(), False
        try:
            sock.sendall(b"GET /large HTTP/1.0\r\n\r\n")
            while time.monotonic() < end and time.monotonic() - last < stall:
                try:
                    data = sock.recv(65536)
                except socket.timeout:
                    continue
                if not data:
                    done = True
                    break
                count("bytes", len(data))
                last = time.monotonic()
        except OSError:
            pass
        count("completed" if done else "aborted")
        sock.close()
for _ in range(connections):
    threading.Thread(target=download, daemon=True).start()
start = time.monotonic()
while time.monotonic() < end:
    time.sleep(min(1, max(0, end - time.monotonic())))
    with lock:
        print(f"client: +{time.monotonic() - start:.0f} s: {stats['started']} downloads started, {stats['completed']} completed, {stats['aborted']} given up after {stall:g} s without data, {stats['bytes']} bytes received", flush=True)
EOF

bound=$((DURATION + 5))
pl_spawn_tcp_server "$HOST_ADDR" "$PEER_ADDR" timeout -s KILL "$bound" python3 "$tmp/server.py" "$HOST_ADDR" "$PORT" "$BODY"
pl_wait_listening tcp "$HOST_ADDR" "$PORT" || pl_fail "the server did not start"

# The agent's first sample of a new interface only sets its baseline: give it a second to
# see plb-mtu-h before the first download.
sleep 1.2
drops0=$(tx_dropped)
retrans0=$(snmp_value Tcp RetransSegs)
timeouts0=$(snmp_value TcpExt TCPTimeouts)
frag0=$(snmp_value Ip FragCreates)
pl_spawn timeout -s KILL "$bound" ip netns exec "$NS" python3 "$tmp/client.py" "$HOST_ADDR" "$PORT" "$P_connections" "$P_stall_seconds" "$DURATION"
pl_note "$P_connections clients in $NS download ${BODY} bytes from $HOST_ADDR:$PORT for ${DURATION} s; full-size segments exceed the ${P_peer_mtu}-byte hop"
pl_hold
echo "over the run, in the host namespace: $HOST_IF tx_dropped +$(($(tx_dropped) - drops0)); Tcp RetransSegs +$(($(snmp_value Tcp RetransSegs) - retrans0)), TcpExt TCPTimeouts +$(($(snmp_value TcpExt TCPTimeouts) - timeouts0)) (both also count the host's other connections); Ip FragCreates +$(($(snmp_value Ip FragCreates) - frag0))"
