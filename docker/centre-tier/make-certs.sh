#!/usr/bin/env bash
# Makes the centre tier's private CA and its certificates (docs/DEPLOY.md, "The centre tier"), under
# ${LINLI_CENTRE_TLS_DIR:-docker/centre-tier/tls}:
#   ca.pem, ca.key          the centre CA (keep ca.key offline); give ca.pem to every gateway (uplink.tls.caFile)
#   artemis-N.p12           each broker node's key + certificate, PKCS12, password $LINLI_ARTEMIS_KEYSTORE_PASSWORD
#   broker-ca.p12           the CA as a PKCS12 trust store for the centre replicas, password $LINLI_CENTRE_TRUSTSTORE_PASSWORD
#   web.pem, web.key        the HTTPS certificate of the centre's reverse proxy and of Grafana
#   postgres.pem, postgres.key  PostgreSQL's server certificate (ssl = on)
# Usage:  set -a; . ./.env; set +a; ./make-certs.sh [EXTRA_HOST_NAME_OR_IP ...]
#   LINLI_ARTEMIS_NODES   the nodes' host names (default "artemis-1 artemis-2 artemis-3", their compose names)
#   LINLI_POSTGRES_UID    owner of postgres.key (default 999, the postgres image; Debian: $(id -u postgres))
#   EXTRA_HOST...         names/addresses the gateways and browsers use (the district's public name, LAN addresses)
# Reruns keep the CA and renew every other certificate (825 days). Needs openssl and keytool (any JRE).
set -euo pipefail
: "${LINLI_ARTEMIS_KEYSTORE_PASSWORD:?set LINLI_ARTEMIS_KEYSTORE_PASSWORD (the .env file)}"
: "${LINLI_CENTRE_TRUSTSTORE_PASSWORD:?set LINLI_CENTRE_TRUSTSTORE_PASSWORD (the .env file)}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dir="${LINLI_CENTRE_TLS_DIR:-$here/tls}"
nodes="${LINLI_ARTEMIS_NODES:-artemis-1 artemis-2 artemis-3}"
keytool="$(command -v keytool || echo "${JAVA_HOME:-/usr}/bin/keytool")"
mkdir -p "$dir" && cd "$dir"
umask 077

extra=""
for h in "$@"; do
  if [[ $h =~ ^[0-9.]+$ ]]; then extra="$extra,IP:$h"; else extra="$extra,DNS:$h"; fi
done

if [[ ! -f ca.pem ]]; then
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout ca.key -out ca.pem \
    -days 3650 -subj "/CN=Linli centre CA" 2>/dev/null
fi

# sign NAME SAN: NAME.key + NAME.pem signed by the CA, for a TLS server
sign() {
  openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout "$1.key" -out "$1.csr" \
    -subj "/CN=$1" 2>/dev/null
  printf 'subjectAltName=%s\nextendedKeyUsage=serverAuth\n' "$2" > "$1.ext"
  openssl x509 -req -in "$1.csr" -CA ca.pem -CAkey ca.key -CAcreateserial -out "$1.pem" -days 825 \
    -extfile "$1.ext" 2>/dev/null
  rm -f "$1.csr" "$1.ext"
}

for n in $nodes; do
  sign "$n" "DNS:$n,DNS:localhost,IP:127.0.0.1$extra"
  openssl pkcs12 -export -name node -inkey "$n.key" -in "$n.pem" -certfile ca.pem -out "$n.p12" \
    -passout env:LINLI_ARTEMIS_KEYSTORE_PASSWORD
  rm -f "$n.key" "$n.pem"
done

rm -f broker-ca.p12
"$keytool" -importcert -noprompt -alias linli-centre-ca -file ca.pem -keystore broker-ca.p12 -storetype PKCS12 \
  -storepass:env LINLI_CENTRE_TRUSTSTORE_PASSWORD   # keytool wants a password of 6 characters or more

sign web "DNS:centre-proxy,DNS:grafana,DNS:localhost,IP:127.0.0.1$extra"
sign postgres "DNS:postgres,DNS:localhost,IP:127.0.0.1$extra"

chmod 0644 ca.pem web.pem postgres.pem broker-ca.p12
# the containers read their keys as their own users: Artemis and the centre 1001, nginx root, Grafana 472,
# PostgreSQL 999 (the postgres image; on Debian the postgres user): PostgreSQL refuses a key it owns unless it is 0600
chmod 0640 web.key
for n in $nodes; do chmod 0640 "$n.p12"; chgrp 1001 "$n.p12" 2>/dev/null || true; done
chmod 0600 postgres.key
chown "${LINLI_POSTGRES_UID:-999}:${LINLI_POSTGRES_UID:-999}" postgres.key 2>/dev/null \
  || echo "note: run 'sudo chown 999:999 $dir/postgres.key' so the postgres container can read it" >&2
chgrp 472 web.key 2>/dev/null || true
echo "made in $dir: ca.pem, $(for n in $nodes; do printf '%s.p12 ' "$n"; done)broker-ca.p12, web.pem, postgres.pem"
