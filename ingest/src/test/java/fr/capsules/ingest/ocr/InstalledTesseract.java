package fr.capsules.ingest.ocr;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Skips a test that needs the real Tesseract with French data when this machine lacks it. */
public final class InstalledTesseract {

    private static Boolean present;

    private InstalledTesseract() {}

    public static synchronized void assume() {
        if (present == null) {
            try {
                present = new Tesseract(OcrSettings.defaults()).unavailability().isEmpty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                present = false;
            }
        }
        assumeTrue(present, "Tesseract with French data is not installed here; this test is skipped"
                + " (apt install tesseract-ocr tesseract-ocr-fra)");
    }
}
