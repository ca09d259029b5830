#!/bin/sh
# Writes the password file from the environment (.env), then runs mosquitto. Fixed user names: linli-gateway and
# linli-devices (see acl). Runs as root in the container, mosquitto then drops to its own user.
set -eu
: "${MQTT_GATEWAY_PASSWORD:?set MQTT_GATEWAY_PASSWORD in .env}"
: "${MQTT_DEVICE_PASSWORD:?set MQTT_DEVICE_PASSWORD in .env}"
passwd=/mosquitto/data/passwd
rm -f "$passwd"
touch "$passwd"
chmod 0600 "$passwd"
mosquitto_passwd -b "$passwd" linli-gateway "$MQTT_GATEWAY_PASSWORD"
mosquitto_passwd -b "$passwd" linli-devices "$MQTT_DEVICE_PASSWORD"
chown -R mosquitto:mosquitto /mosquitto/data
exec mosquitto -c /mosquitto/config/mosquitto.conf
