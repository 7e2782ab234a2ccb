# Builds the service from this repository. Used by docker-compose.yml.
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY ingest/pom.xml ingest/pom.xml
COPY solr-node/pom.xml solr-node/pom.xml
COPY index-solr/pom.xml index-solr/pom.xml
COPY app/pom.xml app/pom.xml
RUN ./mvnw -q -B dependency:go-offline -DexcludeArtifactIds=capsules-ingest,capsules-solr-node,capsules-index-solr || true
COPY ingest ingest
COPY solr-node solr-node
COPY index-solr index-solr
COPY app app
RUN ./mvnw -q -B -DskipTests package

# A Solr node for the "cluster" profile of docker-compose.yml: the official image, the query
# parser of capsules-solr-node on the web application's class path, and the configset to upload.
FROM solr:9.10.1 AS solr
COPY --from=build /src/solr-node/target/capsules-solr-node-0.1.0-SNAPSHOT.jar /opt/solr/server/solr-webapp/webapp/WEB-INF/lib/
COPY index-solr/src/main/resources/solr/configsets/capsules/conf /opt/capsules/configset

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
