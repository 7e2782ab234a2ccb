package fr.capsules.ingest.ocr;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OCR quality and throughput on generated scans, for {@code docs/BENCHMARKS.md}; not part of the
 * test suite (the name does not match the suite's patterns). Run:
 *
 * <pre>./mvnw -B -ntp -pl ingest test -Dtest=OcrBenchmark [-Dpages=20] [-Dworkers=2]</pre>
 *
 * <p>{@code pages} pages of the project's French inspection-report text ({@link ScanFixtures}),
 * degraded (skew up to ±1°, a stamp, grey noise, specks, a light band), are made at 200 and 300
 * dpi. For each resolution, in the same run and on the same images: the product's path ({@link
 * ScannedPages}: a PDF of the scans, each page rendered by PDFBox and read by Tesseract in its
 * bounded process, TSV parsed) and the plain command line ({@code tesseract page.png stdout -l
 * fra --dpi N}, OMP_THREAD_LIMIT=1) on PNG files of the same images. Both spread the pages over {@code
 * workers} threads. Reported: character error rate against the text drawn, pages per second, and
 * the ratio of the two throughputs. Figures also written to {@code target/benchmarks/ocr.md}.
 */
class OcrBenchmark {

    private static final int[] DPIS = {200, 300};

    @TempDir
    Path dir;

    @Test
    void characterErrorRateAndPagesPerSecond() throws Exception {
        InstalledTesseract.assume();
        int pages = Integer.getInteger("pages", 20);
        int workers = Integer.getInteger("workers", 2);
        StringBuilder report = new StringBuilder();
        report.append("| dpi | path | CER | worst page CER | mean confidence | pages/s | time |\n");
        report.append("|---|---|---|---|---|---|---|\n");
        Map<Integer, Double> productCer = new TreeMap<>();
        for (int dpi : DPIS) {
            List<String> references = new ArrayList<>();
            List<BufferedImage> images = new ArrayList<>();
            List<Path> pngs = new ArrayList<>();
            for (int n = 1; n <= pages; n++) {
                List<String> paragraphs = ScanFixtures.pageParagraphs(n);
                references.add(String.join(" ", paragraphs));
                BufferedImage image = ScanFixtures.noisyScan(paragraphs, dpi, 1_000L * dpi + n);
                images.add(image);
                Path png = dir.resolve("page-" + dpi + "-" + n + ".png");
                ImageIO.write(image, "png", png.toFile());
                pngs.add(png);
            }
            byte[] pdf = ScanFixtures.pdfOf(images);
            images.clear();

            Run product = product(pdf, pages, dpi, workers);
            Run cli = commandLine(pngs, dpi, workers);
            productCer.put(dpi, product.cer(references));
            report.append(product.row(dpi, "product (ScannedPages)", references));
            report.append(cli.row(dpi, "tesseract CLI", references));
            report.append(String.format(Locale.ROOT, "| %d | product / CLI throughput | | | | %.2f | |%n", dpi,
                    product.pagesPerSecond() / cli.pagesPerSecond()));
        }
        String header = String.format(Locale.ROOT, "%d pages per resolution, %d workers, %d processors available, "
                + "load average %.1f before the run%n%n", pages, workers, Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println(header + report);
        Path out = Path.of("target", "benchmarks", "ocr.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, header + report, StandardCharsets.UTF_8);
        assertTrue(productCer.get(300) <= 0.03, "CER at 300 dpi over 3 %: " + productCer.get(300));
    }

    /** Texts by page (0-based) and the wall-clock time, with each page's confidence for the product. */
    private record Run(String[] texts, double[] confidences, long nanos) {

        double cer(List<String> references) {
            long distance = 0;
            long length = 0;
            for (int i = 0; i < references.size(); i++) {
                String reference = CharacterErrorRate.normalise(references.get(i));
                distance += CharacterErrorRate.distance(reference, CharacterErrorRate.normalise(texts[i]));
                length += reference.length();
            }
            return (double) distance / length;
        }

        double worst(List<String> references) {
            double worst = 0;
            for (int i = 0; i < references.size(); i++) {
                worst = Math.max(worst, CharacterErrorRate.of(references.get(i), texts[i]));
            }
            return worst;
        }

        double pagesPerSecond() {
            return texts.length / (nanos / 1e9);
        }

        String row(int dpi, String path, List<String> references) {
            String confidence = confidences == null ? "" : String.format(Locale.ROOT, "%.1f",
                    java.util.Arrays.stream(confidences).average().orElse(0));
            return String.format(Locale.ROOT, "| %d | %s | %.2f %% | %.2f %% | %s | %.2f | %.1f s |%n", dpi, path,
                    100 * cer(references), 100 * worst(references), confidence, pagesPerSecond(), nanos / 1e9);
        }
    }

    private Run product(byte[] pdf, int pages, int dpi, int workers) throws Exception {
        OcrSettings settings = OcrSettings.defaults().withDpi(dpi).withMaxPages(pages)
                .withTempDirectory(dir.resolve("ocr-tmp"));
        ScannedPages scannedPages = new ScannedPages(new Tesseract(settings));
        String[] texts = new String[pages];
        double[] confidences = new double[pages];
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        long start = System.nanoTime();
        try {
            List<Future<ScanReading>> readings = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                List<Integer> share = new ArrayList<>();
                for (int page = w + 1; page <= pages; page += workers) {
                    share.add(page);
                }
                readings.add(pool.submit(() -> scannedPages.read(pdf, share)));
            }
            for (Future<ScanReading> reading : readings) {
                ScanReading done = reading.get(30, TimeUnit.MINUTES);
                if (!done.failures().isEmpty()) {
                    throw new IllegalStateException("pages failed: " + done.failures());
                }
                for (RecognizedPage page : done.pages()) {
                    texts[page.page() - 1] = page.text();
                    confidences[page.page() - 1] = page.confidence();
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new Run(texts, confidences, System.nanoTime() - start);
    }

    private Run commandLine(List<Path> pngs, int dpi, int workers) throws Exception {
        String[] texts = new String[pngs.size()];
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        long start = System.nanoTime();
        try {
            List<Future<String>> outputs = new ArrayList<>();
            for (Path png : pngs) {
                outputs.add(pool.submit(() -> tesseract(png, dpi)));
            }
            for (int i = 0; i < outputs.size(); i++) {
                texts[i] = outputs.get(i).get(30, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        return new Run(texts, null, System.nanoTime() - start);
    }

    private static String tesseract(Path png, int dpi) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("tesseract", png.toString(), "stdout", "-l", "fra", "--dpi",
                Integer.toString(dpi));
        builder.environment().put("OMP_THREAD_LIMIT", "1");
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("tesseract failed on " + png);
        }
        return text;
    }
}
