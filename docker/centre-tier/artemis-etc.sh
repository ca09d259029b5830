#!/usr/bin/env bash
# Generates what every broker node mounts into its etc/ (docs/DEPLOY.md, "The centre tier"), under
# docker/centre-tier/artemis-etc/ (or $2):
#   linli-security.xml, artemis-roles.properties   from the compound list (org.linli.sim.servers.ArtemisSecurity)
#   artemis-users.properties                       hashed logins: "centre" and one per compound (ArtemisUsers.java)
#   compound-passwords.env                         each compound's broker password, for its box (mode 600)
# Usage:  set -a; . ./.env; set +a; ./artemis-etc.sh compounds.txt [OUT_DIR]
#   compounds.txt: one "street community compound" per line (ids [A-Za-z0-9_-]+), the district's whole list.
# Needs: the repository built (mvn -B -DskipTests package: simulators/target/demo.classpath) and the Artemis
# distribution unpacked at $ARTEMIS_HOME (its lib/ holds the password codec the brokers use).
# Then copy the directory to every node (compose mounts it) and restart the nodes one at a time, or touch
# broker.xml on each (docker/artemis/README.md: security reload).
set -euo pipefail
: "${LINLI_CENTRE_BROKER_PASSWORD:?set LINLI_CENTRE_BROKER_PASSWORD (the .env file)}"
: "${ARTEMIS_HOME:?set ARTEMIS_HOME to the unpacked apache-artemis-2.40.0}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
list="$1"
out="${2:-$here/artemis-etc}"
mkdir -p "$out"
java -cp "$(cat "$repo/simulators/target/demo.classpath"):$repo/simulators/target/classes" \
  org.linli.sim.servers.ArtemisSecurity "$list" "$out" centre
java -cp "$ARTEMIS_HOME/lib/*" "$here/ArtemisUsers.java" "$list" "$out"
chmod 0644 "$out/linli-security.xml" "$out/artemis-roles.properties"
# the nodes run as uid 1001 (artemis.Dockerfile) or user artemis (systemd): let them read the hashes
chgrp 1001 "$out/artemis-users.properties" 2>/dev/null || true
