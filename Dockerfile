# Builds the service from this repository. Used by docker-compose.yml.
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY ingest/pom.xml ingest/pom.xml
COPY app/pom.xml app/pom.xml
RUN ./mvnw -q -B dependency:go-offline -DexcludeArtifactIds=capsules-ingest || true
COPY ingest ingest
COPY app app
RUN ./mvnw -q -B -DskipTests package

FROM eclipse-temurin:21-jre
# Tesseract with the French data reads scanned PDF pages (capsules.ocr.*, docs/OCR.md).
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-fra \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --system --home /srv/capsules capsules
WORKDIR /srv/capsules
COPY --from=build /src/app/target/capsules.jar capsules.jar
COPY capsules catalog
RUN mkdir -p /srv/capsules/data && chown -R capsules /srv/capsules
USER capsules
ENV CAPSULES_DATA_DIR=/srv/capsules/data \
    CAPSULES_CATALOG_DIR=/srv/capsules/catalog
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/srv/capsules/capsules.jar"]
