package fr.capsules.ingest.parse.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a child JVM: this JVM's {@code java}, the same class path, the heap bound
 * and {@code -XX:+ExitOnOutOfMemoryError}. Three ways the service runs are covered: a plain class
 * path (tests, {@code java -cp}), the command line's shaded jar ({@code java -jar
 * capsules-ingest-cli.jar}: the jar is the class path), and the Spring Boot jar ({@code java -jar
 * capsules.jar}: the ingest classes are nested in {@code BOOT-INF/lib}, so the child goes through
 * Spring Boot's {@code PropertiesLauncher} with {@code -Dloader.main}).
 */
final class ChildCommand {

    static final String BOOT_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

    private ChildCommand() {}

    static List<String> of(SandboxSettings settings) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.add("-Xmx" + Math.max(32, settings.childHeapBytes() / (1024 * 1024)) + "m");
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:CICompilerCount=2");
        command.add("-Xss4m");
        command.add("-Djava.awt.headless=true");
        command.add("-Dfile.encoding=UTF-8");
        command.add("-Dstdout.encoding=UTF-8");
        // slf4j-simple, when it is the binding: warnings only, on standard error.
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        if (launchedBySpringBoot()) {
            command.add("-Dloader.main=" + ParserChild.class.getName());
            command.add(BOOT_LAUNCHER);
        } else {
            command.add(ParserChild.class.getName());
        }
        return command;
    }

    private static String javaExecutable() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        if (Files.isExecutable(java)) {
            return java.toString();
        }
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** True when this class was loaded from a Spring Boot jar by Spring Boot's class loader. */
    static boolean launchedBySpringBoot() {
        for (ClassLoader loader = ParserChild.class.getClassLoader(); loader != null; loader = loader.getParent()) {
            if (loader.getClass().getName().startsWith("org.springframework.boot.loader.")) {
                return true;
            }
        }
        return false;
    }
}
