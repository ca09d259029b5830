# syntax=docker/dockerfile:1
# The Linli centre (one image, one container per replica; centre-tier.compose.yml), built like docker/Dockerfile
# builds the gateway: the reactor with Maven on a JDK, then the shaded jar on a JRE as an unprivileged user.
# Build from the repository root:  docker build -f docker/centre-tier/centre.Dockerfile -t linli/centre .
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY device-drivers device-drivers
COPY gateway gateway
COPY archive archive
COPY centre centre
COPY simulators simulators
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -DskipTests -pl centre -am package \
 && test -f centre/target/linli-centre.jar

FROM eclipse-temurin:17-jre-alpine AS centre
LABEL org.opencontainers.image.title="Linli centre" \
      org.opencontainers.image.description="Every compound's alerts in one live picture, over the Artemis cluster" \
      org.opencontainers.image.licenses="Apache-2.0"
RUN addgroup -S -g 1001 linli && adduser -S -u 1001 -G linli -h /var/lib/linli-centre linli \
 && mkdir -p /etc/linli-centre /var/lib/linli-centre && chown linli:linli /var/lib/linli-centre
COPY --from=build /src/centre/target/linli-centre.jar /opt/linli/linli-centre.jar
USER linli
WORKDIR /var/lib/linli-centre
EXPOSE 8090
# readiness: 200 once the picture link to the broker is connected (the centre has no separate liveness endpoint)
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD wget -q -O /dev/null http://127.0.0.1:8090/health/ready || exit 1
# exec form: java is PID 1 and gets SIGTERM. A centre that cannot start exits 1 with one line on stderr.
# Heap: JAVA_TOOL_OPTIONS in the compose file (docs/DEPLOY.md, "The centre tier").
ENTRYPOINT ["java", "-XX:+ExitOnOutOfMemoryError", "-jar", "/opt/linli/linli-centre.jar"]
CMD ["centre", "--config", "/etc/linli-centre/centre.yaml"]
