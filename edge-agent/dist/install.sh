#!/usr/bin/env bash
# Installs the AgriSense station agent on Raspberry Pi OS (Bookworm or later), as root:
#   sudo ./install.sh agri-edge-agent.jar my-station.yaml
# Creates the agrisense user, /opt/agrisense (the jar), /etc/agrisense/station.yaml (with the local /health and
# /metrics on 127.0.0.1:9101 unless the YAML sets local_api), /var/lib/agrisense (the store-and-forward queue) and
# the systemd service (Type=notify, watchdog). Run it again to upgrade the jar or replace the YAML.
set -euo pipefail

JAR=${1:?usage: install.sh <agri-edge-agent.jar> <station.yaml>}
YAML=${2:?usage: install.sh <agri-edge-agent.jar> <station.yaml>}
HERE=$(cd "$(dirname "$0")" && pwd)

if [[ $EUID -ne 0 ]]; then
    echo "run as root (sudo)" >&2
    exit 1
fi

if ! command -v java >/dev/null || ! java -version 2>&1 | grep -Eq 'version "(1[7-9]|[2-9][0-9])'; then
    apt-get update
    apt-get install -y openjdk-17-jre-headless
fi

id agrisense >/dev/null 2>&1 || useradd --system --home-dir /var/lib/agrisense --shell /usr/sbin/nologin agrisense
for group in i2c gpio dialout; do
    getent group "$group" >/dev/null && usermod -aG "$group" agrisense
done

install -d -m 0755 /opt/agrisense
install -m 0644 "$JAR" /opt/agrisense/agri-edge-agent.jar
install -d -m 0750 -o root -g agrisense /etc/agrisense
install -m 0640 -o root -g agrisense "$YAML" /etc/agrisense/station.yaml
# The local /health and /metrics (off by default in the agent) are on in an installed station, on loopback.
if ! grep -q '^local_api:' /etc/agrisense/station.yaml; then
    printf '\nlocal_api: {host: 127.0.0.1, port: 9101}   # added by install.sh: curl -s 127.0.0.1:9101/health\n' \
        >> /etc/agrisense/station.yaml
fi
install -d -m 0750 -o agrisense -g agrisense /var/lib/agrisense
[[ -f "$HERE/../README.md" ]] && install -m 0644 "$HERE/../README.md" /opt/agrisense/README.md

# Validate before enabling: a config error names the file, the field and the problem.
java -jar /opt/agrisense/agri-edge-agent.jar check --config /etc/agrisense/station.yaml

install -m 0644 "$HERE/agrisense-agent.service" /etc/systemd/system/agrisense-agent.service
systemctl daemon-reload
systemctl enable --now agrisense-agent.service

cat <<'NOTE'
Installed. Follow the agent with:  journalctl -u agrisense-agent -f
Its health and counters:  curl -s 127.0.0.1:9101/health; curl -s 127.0.0.1:9101/metrics
Buses the drivers need (once, then reboot):
  sudo raspi-config nonint do_i2c 0          # I2C: BME280, SHT31, BH1750, SCD41, ADS1115
  sudo raspi-config nonint do_onewire 0      # 1-Wire on GPIO 4: DS18B20
  sudo raspi-config nonint do_serial_hw 0    # UART on /dev/serial0: PMS5003
  sudo raspi-config nonint do_serial_cons 1  #   ...without the login console on it
Broker override without editing the YAML: AGRI_MQTT_URL=ssl://broker:8883 in /etc/default/agrisense
NOTE
