#!/bin/sh
# Installs perflab-agent on a lab machine: the one-file agent, its configuration (the
# token readable by root only) and a systemd unit, then starts it.
#
#   sudo ./install.sh --server https://perflab.example.com --token pla_… [--agent-file dist/agent.mjs]
#
# --root DIR installs under DIR instead of / and does not touch systemd (for packaging
# and tests); --no-start installs without enabling the service; --scenarios lets the agent
# run every scenario (as root, without its CPU and memory limits: dedicated lab machines).
set -eu

server="" token="" agent_file="" root="" start=1 scenarios=0
here=$(cd "$(dirname "$0")" && pwd)
while [ $# -gt 0 ]; do
  case "$1" in
    --server) server=${2:-}; shift 2 ;;
    --token) token=${2:-}; shift 2 ;;
    --agent-file) agent_file=${2:-}; shift 2 ;;
    --root) root=${2:-}; start=0; shift 2 ;;
    --no-start) start=0; shift ;;
    --scenarios) scenarios=1; shift ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "install.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

[ -n "$server" ] || { echo "install.sh: --server is required, e.g. --server https://perflab.example.com" >&2; exit 2; }
case "$server" in http://*|https://*) ;; *) echo "install.sh: --server must start with http:// or https://" >&2; exit 2 ;; esac
[ -n "$token" ] || { echo "install.sh: --token is required: copy it from the machine's page in perflab (shown once)" >&2; exit 2; }
[ -n "$agent_file" ] || agent_file="$here/../dist/agent.mjs"
[ -f "$agent_file" ] || { echo "install.sh: $agent_file not found: build it with 'npm run build -w @perflab/agent' or pass --agent-file" >&2; exit 2; }

if [ -z "$root" ]; then
  [ "$(id -u)" -eq 0 ] || { echo "install.sh: run as root (sudo), it writes /opt, /etc and the systemd unit" >&2; exit 2; }
  command -v node >/dev/null 2>&1 || { echo "install.sh: Node.js 20 or newer is required (Debian/Ubuntu: apt-get install nodejs)" >&2; exit 2; }
  major=$(node -p 'process.versions.node.split(".")[0]')
  [ "$major" -ge 20 ] || { echo "install.sh: Node.js $major is too old; perflab-agent needs 20 or newer" >&2; exit 2; }
fi

install -d -m 0755 "$root/opt/perflab-agent" "$root/etc/systemd/system"
install -m 0644 "$agent_file" "$root/opt/perflab-agent/agent.mjs"
install -m 0644 "$here/perflab-agent.service" "$root/etc/systemd/system/perflab-agent.service"
if [ "$scenarios" -eq 1 ]; then
  # Scenarios create namespaces, cgroups and sysctl changes, and their load must not be
  # capped by the agent's own limits; everything they change is undone (content/scripts/README.md).
  install -d -m 0755 "$root/etc/systemd/system/perflab-agent.service.d"
  printf '[Service]\nDynamicUser=no\nUser=root\nNoNewPrivileges=no\nProtectSystem=no\nProtectHome=no\nPrivateTmp=no\nMemoryMax=infinity\nCPUQuota=\n' > "$root/etc/systemd/system/perflab-agent.service.d/scenarios.conf"
  echo "scenarios enabled: the agent runs as root without CPU and memory limits (perflab-agent.service.d/scenarios.conf)"
fi
umask 077
printf 'PERFLAB_SERVER_URL=%s\nPERFLAB_AGENT_TOKEN=%s\n' "$server" "$token" > "$root/etc/perflab-agent.env"
chmod 0600 "$root/etc/perflab-agent.env"
echo "installed /opt/perflab-agent/agent.mjs, /etc/perflab-agent.env (mode 600) and the perflab-agent unit${root:+ under $root}"

if [ "$start" -eq 1 ]; then
  systemctl daemon-reload
  systemctl enable --now perflab-agent
  echo "perflab-agent started: journalctl -u perflab-agent -f"
fi
