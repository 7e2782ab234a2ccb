package fr.capsules.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's start script finds a JDK >= 21 whatever JAVA_HOME and the PATH say. */
class StartScriptTests {

    private static final Path SCRIPT = Path.of("..", "start.sh").toAbsolutePath().normalize();
    private static final Path THIS_JDK = Path.of(System.getProperty("java.home"));

    @Test
    void keepsAJavaHomeThatIsRecentEnough() throws Exception {
        Result result = javaHome(Map.of("JAVA_HOME", THIS_JDK.toString(), "PATH", "/usr/bin:/bin"));

        assertThat(result.exit()).isZero();
        assertThat(Path.of(result.out().strip())).isEqualTo(THIS_JDK);
    }

    @Test
    void looksFurtherWhenJavaHomePointsToAnOldOrMissingJdk(@TempDir Path oldJdk) throws Exception {
        // A fake "JDK 17": its java answers like Java 17 does.
        Path bin = Files.createDirectories(oldJdk.resolve("bin"));
        for (String tool : List.of("java", "javac")) {
            Path file = bin.resolve(tool);
            Files.writeString(file, "#!/bin/sh\necho '    java.specification.version = 17' >&2\n");
            file.toFile().setExecutable(true);
        }

        Result result = javaHome(Map.of("JAVA_HOME", oldJdk.toString(), "PATH", bin + ":/usr/bin:/bin"));

        assertThat(result.exit()).isZero();
        Path found = Path.of(result.out().strip());
        assertThat(found).isNotEqualTo(oldJdk);
        assertThat(Files.isExecutable(found.resolve("bin/javac"))).isTrue();
    }

    private static Result javaHome(Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString(), "--java-home");
        builder.environment().clear();
        builder.environment().putAll(env);
        builder.environment().put("HOME", System.getProperty("java.io.tmpdir"));
        builder.redirectErrorStream(false);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), out);
    }

    private record Result(int exit, String out) {}
}
