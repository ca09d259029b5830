# syntax=docker/dockerfile:1
# One node of the centre's broker cluster: the ActiveMQ Artemis 2.40.0 distribution on a JRE, an instance made with
# "artemis create", its broker.xml and login.config from docker/artemis/ (broker-tls.xml: TLS MQTT acceptor, the
# generated per-compound security included). Per node at run time (centre-tier.compose.yml): the -D values in
# JAVA_ARGS_APPEND, the secrets in the environment, the generated security and logins mounted into etc/.
# Build from the repository root:  docker build -f docker/centre-tier/artemis.Dockerfile -t linli/artemis:2.40.0 .
FROM eclipse-temurin:17-jre
ARG ARTEMIS_VERSION=2.40.0
# the SHA-1 Maven Central publishes beside the file (org.apache.activemq:apache-artemis:2.40.0:tar.gz:bin)
ARG ARTEMIS_SHA1=757b5e484627d263321ba27257bd5743077eb38c
RUN groupadd -g 1001 artemis && useradd -u 1001 -g artemis -d /var/lib/artemis -s /usr/sbin/nologin artemis \
 && apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
 && curl -fsSL -o /tmp/artemis.tar.gz \
      "https://repo1.maven.org/maven2/org/apache/activemq/apache-artemis/${ARTEMIS_VERSION}/apache-artemis-${ARTEMIS_VERSION}-bin.tar.gz" \
 && echo "${ARTEMIS_SHA1}  /tmp/artemis.tar.gz" | sha1sum -c - \
 && mkdir -p /opt && tar xzf /tmp/artemis.tar.gz -C /opt && mv /opt/apache-artemis-${ARTEMIS_VERSION} /opt/artemis \
 && rm /tmp/artemis.tar.gz \
 && /opt/artemis/bin/artemis create /var/lib/artemis --user unused --password unused --require-login --silent \
      --no-autotune --no-web --nio \
 && mkdir -p /var/lib/artemis/tls && chown -R artemis:artemis /var/lib/artemis
COPY --chown=artemis:artemis docker/artemis/broker-tls.xml /var/lib/artemis/etc/broker.xml
COPY --chown=artemis:artemis docker/artemis/login.config /var/lib/artemis/etc/login.config
USER artemis
WORKDIR /var/lib/artemis
VOLUME ["/var/lib/artemis/data"]
# heap: see docs/DEPLOY.md "The centre tier" (sizing); the compose file sets it per node
ENV JAVA_ARGS="-Xms1g -Xmx1g -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError"
EXPOSE 8883 61616
# listening on both acceptors (bash's /dev/tcp: no extra tool in the image)
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD bash -c 'exec 3<>/dev/tcp/$(hostname)/8883 && exec 4<>/dev/tcp/$(hostname)/61616' || exit 1
# bin/artemis execs java: it is PID 1 and gets the SIGTERM (clustered nodes take 8-13 s to stop: stop_grace_period)
ENTRYPOINT ["/var/lib/artemis/bin/artemis", "run"]
