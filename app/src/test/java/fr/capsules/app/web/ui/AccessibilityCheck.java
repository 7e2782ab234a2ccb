package fr.capsules.app.web.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs axe-core (Deque's accessibility engine, from its WebJar on the test class path: no CDN) in
 * the page the browser shows, with the WCAG 2.1 A and AA rules that RGAA 4 builds on, and counts
 * the violations by impact. Each result is printed and appended to
 * {@code target/accessibility/axe-counts.txt}, so that the figures can be copied to
 * docs/ACCESSIBILITY.md.
 */
final class AccessibilityCheck {

    static final String AXE_VERSION = "4.6.3";
    private static final String AXE = "/META-INF/resources/webjars/axe-core/" + AXE_VERSION + "/axe.min.js";
    private static final Path REPORT = Path.of("target", "accessibility", "axe-counts.txt");
    private static final List<String> IMPACTS = List.of("critical", "serious", "moderate", "minor");
    private static String source;

    /** One violated rule: its id, impact, help text and the first nodes it was found on. */
    record Violation(String rule, String impact, String help, List<String> targets) {}

    /** What axe found on one page. */
    record Result(String page, Map<String, Integer> counts, List<Violation> violations) {

        /** The violations that block people: serious or critical. */
        List<Violation> blocking() {
            return violations.stream().filter(v -> v.impact().equals("serious") || v.impact().equals("critical")).toList();
        }

        String line() {
            StringBuilder line = new StringBuilder("axe " + page + ":");
            counts.forEach((impact, n) -> line.append(' ').append(impact).append('=').append(n));
            violations.forEach(v -> line.append(" | ").append(v.impact()).append(' ').append(v.rule()).append(' ').append(v.targets()));
            return line.toString();
        }
    }

    private AccessibilityCheck() {}

    private static synchronized String axe() {
        if (source == null) {
            try (InputStream in = AccessibilityCheck.class.getResourceAsStream(AXE)) {
                if (in == null) {
                    throw new IllegalStateException("axe-core " + AXE_VERSION + " is not on the test class path");
                }
                source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return source;
    }

    /** Checks the page the browser shows now, recording the counts under {@code page}. */
    @SuppressWarnings("unchecked")
    static Result run(Browser browser, String page) {
        browser.script(axe());
        Object raw = browser.driver.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
                                    resultTypes: ['violations'] })
                  .then(function (r) {
                    done(r.violations.map(function (v) {
                      return { rule: v.id, impact: v.impact || 'minor', help: v.help,
                               targets: v.nodes.slice(0, 3).map(function (n) { return String(n.target); }) };
                    }));
                  })
                  .catch(function (e) { done({ error: String(e) }); });
                """);
        if (raw instanceof Map<?, ?> error) {
            throw new IllegalStateException("axe failed on " + page + ": " + error.get("error"));
        }
        List<Violation> violations = new ArrayList<>();
        for (Object item : (List<Object>) raw) {
            Map<String, Object> v = (Map<String, Object>) item;
            violations.add(new Violation((String) v.get("rule"), (String) v.get("impact"), (String) v.get("help"),
                    (List<String>) v.get("targets")));
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        IMPACTS.forEach(impact -> counts.put(impact, (int) violations.stream().filter(v -> v.impact().equals(impact)).count()));
        Result result = new Result(page, counts, violations);
        record(result.line());
        return result;
    }

    private static synchronized void record(String line) {
        System.out.println(line);
        try {
            Files.createDirectories(REPORT.getParent());
            Files.writeString(REPORT, line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
