#!/usr/bin/env bash
# Makes a private CA for the compound and a certificate for its broker, under docker/tls/:
#   ca.pem (give it to the gateway and to every MQTT client), ca.key (keep offline), mosquitto.pem, mosquitto.key.
# Usage: docker/make-certs.sh [EXTRA_HOST_NAME_OR_IP ...]   (e.g. the box's name and LAN address, for clients outside docker)
# The broker certificate always names 'mosquitto' (its name inside compose) and 'localhost'.
set -euo pipefail
dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/tls"
mkdir -p "$dir" && cd "$dir"
umask 077
san="DNS:mosquitto,DNS:localhost"
for h in "$@"; do
  if [[ $h =~ ^[0-9.]+$ ]]; then san="$san,IP:$h"; else san="$san,DNS:$h"; fi
done
if [[ ! -f ca.pem ]]; then
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout ca.key -out ca.pem \
    -days 3650 -subj "/CN=Linli compound CA"
fi
openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout mosquitto.key -out mosquitto.csr \
  -subj "/CN=mosquitto"
printf 'subjectAltName=%s\nextendedKeyUsage=serverAuth\n' "$san" > mosquitto.ext
openssl x509 -req -in mosquitto.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out mosquitto.pem -days 825 \
  -extfile mosquitto.ext
rm -f mosquitto.csr mosquitto.ext
chmod 0644 ca.pem mosquitto.pem
# the broker runs as uid 1883 in its container: it must be able to read its key
chmod 0640 mosquitto.key
chown 1883:1883 mosquitto.key 2>/dev/null || echo "note: run 'sudo chown 1883:1883 $dir/mosquitto.key' so the broker container can read it" >&2
echo "made $dir/ca.pem and $dir/mosquitto.pem for: $san"
