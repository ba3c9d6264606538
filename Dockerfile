# syntax=docker/dockerfile:1.7
# Rakorbot image. No Docker engine runs in CI, so the build step below is kept identical to the
# README's build command (./mvnw -B package -DskipTests), which CI does run (as part of ./mvnw -B verify),
# and .ci/dockerfile-check lints this file. Base images are pinned to exact versions: bump them on purpose.

FROM eclipse-temurin:21.0.9_10-jdk-noble AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
# Dependencies first, in their own layer: a source change does not download them again.
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B dependency:resolve dependency:resolve-plugins -q
COPY src src
COPY config config
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B package -DskipTests

FROM eclipse-temurin:21.0.9_10-jre-noble
# Fonts for the weekly digest's charts (rendered headless); curl for the health check; PostgreSQL 17's
# pg_dump/pg_restore (from PGDG: Ubuntu ships 16) for `backup` and `restore`, which need a client at least as
# new as the server (compose runs 17; the embedded default is 15).
RUN apt-get update \
    && apt-get install -y --no-install-recommends fontconfig fonts-dejavu-core curl ca-certificates \
    && install -d /usr/share/postgresql-common/pgdg \
    && curl -fsSL -o /usr/share/postgresql-common/pgdg/apt.postgresql.org.asc https://www.postgresql.org/media/keys/ACCC4CF8.asc \
    && echo "deb [signed-by=/usr/share/postgresql-common/pgdg/apt.postgresql.org.asc] https://apt.postgresql.org/pub/repos/apt noble-pgdg main" \
       > /etc/apt/sources.list.d/pgdg.list \
    && apt-get update \
    && apt-get install -y --no-install-recommends postgresql-client-17 \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin rakorbot \
    && mkdir -p /app/data /app/backup \
    && chown -R rakorbot /app
WORKDIR /app
COPY --from=build /src/target/rakorbot.jar /app/rakorbot.jar
COPY config /app/config
USER rakorbot
ENV RAKORBOT_CONFIG=/app/config/rakorbot.yaml RAKORBOT_HTTP_PORT=8080
EXPOSE 8080
# Ready = the database answers and every background loop of this instance runs (GET /readyz); no JVM
# is started for it. `java -jar rakorbot.jar health` remains for use without HTTP.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["curl", "-fsS", "-o", "/dev/null", "http://127.0.0.1:8080/readyz"]
ENTRYPOINT ["java", "-jar", "/app/rakorbot.jar"]
CMD ["run"]
