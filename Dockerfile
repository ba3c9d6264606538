# Rakorbot image. No Docker engine runs in CI, so the build step below is kept identical to the
# README's build command (./mvnw -B package -DskipTests), which CI does run (as part of ./mvnw -B verify).

FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY src src
COPY config config
RUN ./mvnw -B package -DskipTests

FROM eclipse-temurin:21-jre
# Fonts for the weekly digest's charts (rendered headless).
RUN apt-get update \
    && apt-get install -y --no-install-recommends fontconfig fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin rakorbot
WORKDIR /app
COPY --from=build /src/target/rakorbot.jar /app/rakorbot.jar
COPY config /app/config
USER rakorbot
ENV RAKORBOT_CONFIG=/app/config/rakorbot.yaml
# Healthy = the database answers and the bot polled Telegram within the last two minutes.
HEALTHCHECK --interval=60s --timeout=20s --start-period=60s --retries=3 \
    CMD ["java", "-jar", "/app/rakorbot.jar", "health"]
ENTRYPOINT ["java", "-jar", "/app/rakorbot.jar"]
CMD ["run"]
