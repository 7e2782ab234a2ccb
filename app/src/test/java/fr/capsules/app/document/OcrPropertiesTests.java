package fr.capsules.app.document;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.ingest.ocr.OcrSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class OcrPropertiesTests {

    private static OcrSettings bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("capsules.ocr", OcrProperties.class)
                .settings();
    }

    @Test
    void theDefaultsReadFrenchAt300DpiWithBoundsPerPageAndPerFile() {
        OcrSettings settings = bind(Map.of());

        assertThat(settings).isEqualTo(OcrSettings.defaults());
    }

    @Test
    void everySettingIsBoundFromConfiguration() {
        OcrSettings settings = bind(Map.of(
                "capsules.ocr.enabled", "false",
                "capsules.ocr.executable", "/opt/tesseract/bin/tesseract",
                "capsules.ocr.language", "fra+eng",
                "capsules.ocr.dpi", "200",
                "capsules.ocr.page-timeout", "30s",
                "capsules.ocr.max-pages", "20",
                "capsules.ocr.min-confidence", "80",
                "capsules.ocr.max-memory", "512MB",
                "capsules.ocr.temp-directory", "/var/tmp/capsules"));

        assertThat(settings).isEqualTo(new OcrSettings(false, "/opt/tesseract/bin/tesseract", "fra+eng", 200,
                Duration.ofSeconds(30), 20, 80, 512L * 1024 * 1024, Path.of("/var/tmp/capsules")));
    }
}
