#!/usr/bin/env bash
# Installs the AgriSense field gateway on Debian or Raspberry Pi OS (Bookworm or later), as root:
#   sudo ./install.sh agri-gateway.jar [gateway.yaml]
# Creates the agrisense user, /opt/agrisense/agri-gateway.jar, /etc/agrisense/gateway.yaml (from the given YAML, or
# written from answers: gateway id, broker URL, credentials), /var/lib/agrisense-gateway (the disk queue) and the
# systemd service (Type=notify, watchdog), with the local /health and /metrics on 127.0.0.1:9102.
# Broker credentials go to /etc/agrisense/gateway-credentials (mode 0640, beside the YAML), not into the YAML.
#
# Unattended: AGRI_GATEWAY_ID, AGRI_BROKER_URL, AGRI_BROKER_USERNAME and AGRI_BROKER_PASSWORD answer the questions.
# --dry-run prints what would be done (and the YAML it would write) and changes nothing; no root needed.
# --root DIR installs under DIR instead of / (for packaging and tests; no users, no systemctl).
set -euo pipefail

usage="usage: install.sh [--dry-run] [--root DIR] <agri-gateway.jar> [gateway.yaml]"
DRY_RUN=0
ROOT=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --dry-run) DRY_RUN=1; shift ;;
        --root) ROOT=${2:?$usage}; shift 2 ;;
        -h|--help) echo "$usage"; exit 0 ;;
        --*) echo "unknown option $1; $usage" >&2; exit 2 ;;
        *) break ;;
    esac
done
JAR=${1:?$usage}
YAML=${2:-}
HERE=$(cd "$(dirname "$0")" && pwd)
ETC="$ROOT/etc/agrisense"
OPT="$ROOT/opt/agrisense"
DATA="$ROOT/var/lib/agrisense-gateway"
UNIT_DIR="$ROOT/etc/systemd/system"
SYSTEM=$([[ -z "$ROOT" ]] && echo 1 || echo 0)   # users, packages and systemd only when installing into /

# Every change goes through here, so --dry-run shows exactly what a real run does.
run() {
    if [[ $DRY_RUN -eq 1 ]]; then
        echo "would run: $*"
    else
        "$@"
    fi
}

ask() {  # ask VAR "question" default: the environment's answer, else the terminal's, else the default
    local var=$1 question=$2 default=${3:-}
    if [[ -n "${!var:-}" ]]; then
        return
    fi
    if [[ -t 0 ]]; then
        read -r -p "$question${default:+ [$default]}: " answer
        printf -v "$var" '%s' "${answer:-$default}"
    else
        printf -v "$var" '%s' "$default"
    fi
}

[[ -f "$JAR" ]] || { echo "no such jar: $JAR" >&2; exit 2; }
if [[ $SYSTEM -eq 1 && $DRY_RUN -eq 0 && $EUID -ne 0 ]]; then
    echo "run as root (sudo), or try --dry-run" >&2
    exit 1
fi

CREDENTIALS=""
if [[ -z "$YAML" ]]; then
    ask AGRI_GATEWAY_ID "Gateway id (A-Z a-z 0-9 _ -)" "$(hostname -s 2>/dev/null | tr -c 'A-Za-z0-9_\n-' '-' || echo farm-gw-01)"
    ask AGRI_BROKER_URL "Broker URL (tcp://host:1883 or ssl://host:8883)" "tcp://127.0.0.1:1883"
    ask AGRI_BROKER_USERNAME "Broker username (empty: none)" ""
    if [[ -n "$AGRI_BROKER_USERNAME" ]]; then
        if [[ -z "${AGRI_BROKER_PASSWORD:-}" && -t 0 ]]; then
            read -r -s -p "Broker password: " AGRI_BROKER_PASSWORD
            echo
        fi
        CREDENTIALS="username=$AGRI_BROKER_USERNAME
password=${AGRI_BROKER_PASSWORD:-}"
    fi
    [[ "$AGRI_GATEWAY_ID" =~ ^[A-Za-z0-9_-]{1,64}$ ]] || { echo "gateway id '$AGRI_GATEWAY_ID': 1-64 of A-Z a-z 0-9 _ -" >&2; exit 2; }
    [[ "$AGRI_BROKER_URL" =~ ^(tcp|ssl|ws|wss)://[^/]+ ]] || { echo "broker URL '$AGRI_BROKER_URL': tcp://, ssl://, ws:// or wss://" >&2; exit 2; }
    GENERATED=$(cat <<EOF
# Written by install.sh; see firmware-configs/gateways/farm_gateway.yaml for every setting.
gateway_id: $AGRI_GATEWAY_ID
coap:
  host: 0.0.0.0
  port: 5683
uplink:
  mqtt:
    url: '$AGRI_BROKER_URL'
$( [[ -n "$CREDENTIALS" ]] && echo "    credentials_file: gateway-credentials   # username=... and password=... lines, beside this file" )
buffer:
  dir: /var/lib/agrisense-gateway/queue
  max_bytes: 256MiB
health:
  interval: 60s
local_api:          # /health and /metrics for the installer and Prometheus; loopback only
  host: 127.0.0.1
  port: 9102
EOF
)
fi

echo "AgriSense gateway: jar $JAR -> $OPT/agri-gateway.jar, config $ETC/gateway.yaml, queue $DATA"
if [[ $SYSTEM -eq 1 ]]; then
    if ! command -v java >/dev/null || ! java -version 2>&1 | grep -Eq 'version "(1[7-9]|[2-9][0-9])'; then
        run apt-get update
        run apt-get install -y openjdk-17-jre-headless
    fi
    id agrisense >/dev/null 2>&1 || run useradd --system --home-dir /var/lib/agrisense-gateway --shell /usr/sbin/nologin agrisense
fi
OWNER=()
[[ $SYSTEM -eq 1 ]] && OWNER=(-o root -g agrisense)
DATA_OWNER=()
[[ ${#OWNER[@]} -gt 0 ]] && DATA_OWNER=(-o agrisense -g agrisense)

run install -d -m 0755 "$OPT"
run install -m 0644 "$JAR" "$OPT/agri-gateway.jar"
run install -d -m 0750 "${OWNER[@]}" "$ETC"
run install -d -m 0750 "${DATA_OWNER[@]}" "$DATA"
if [[ -n "$YAML" ]]; then
    run install -m 0640 "${OWNER[@]}" "$YAML" "$ETC/gateway.yaml"
elif [[ $DRY_RUN -eq 1 ]]; then
    echo "would write $ETC/gateway.yaml:"
    echo "$GENERATED"
    [[ -n "$CREDENTIALS" ]] && echo "would write $ETC/gateway-credentials (mode 0640): username=$AGRI_BROKER_USERNAME, password=(hidden)"
else
    install -m 0640 "${OWNER[@]}" /dev/null "$ETC/gateway.yaml"
    echo "$GENERATED" > "$ETC/gateway.yaml"
    if [[ -n "$CREDENTIALS" ]]; then
        install -m 0640 "${OWNER[@]}" /dev/null "$ETC/gateway-credentials"
        echo "$CREDENTIALS" > "$ETC/gateway-credentials"
    fi
fi

# Validate before enabling: a config error names the file, the field and the problem.
if [[ $DRY_RUN -eq 0 ]]; then
    java -jar "$OPT/agri-gateway.jar" check --config "$ETC/gateway.yaml"
else
    echo "would run: java -jar $OPT/agri-gateway.jar check --config $ETC/gateway.yaml"
fi

run install -d -m 0755 "$UNIT_DIR"
run install -m 0644 "$HERE/agrisense-gateway.service" "$UNIT_DIR/agrisense-gateway.service"
if [[ $SYSTEM -eq 1 ]]; then
    run systemctl daemon-reload
    run systemctl enable --now agrisense-gateway.service
fi

cat <<'NOTE'
Follow the gateway with:  journalctl -u agrisense-gateway -f
Its health and counters:  curl -s 127.0.0.1:9102/health; curl -s 127.0.0.1:9102/metrics
Station keys for DTLS: coap.dtls.keys_file in the YAML (lines <station id>=<secret>), then systemctl restart agrisense-gateway
NOTE
