package pneumatic.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pneumatic.PipelineFailedException;

/**
 * The README shows what an uncaught failure of the checksum pipeline prints. Its stack trace
 * names lines of this project's code, which move whenever that code changes: this test runs the
 * same failure and requires every frame the README quotes to be one the failure really has.
 */
class ReadmeTraceTest {

    private static final Duration BOUND = Duration.ofSeconds(20);

    /** A quoted frame: {@code at pneumatic.X.method(File.java:12)}. */
    private static final Pattern FRAME = Pattern.compile("^\\tat (pneumatic\\.[\\w.$]+)\\.([\\w$]+)\\((\\w+\\.java):(\\d+)\\)$");

    @TempDir
    Path tree;

    @Test
    void theFramesTheReadmeQuotesAreThoseOfTheFailureItDescribes() {
        assertTimeoutPreemptively(BOUND, () -> {
            Files.createSymbolicLink(tree.resolve("broken.txt"), tree.resolve("nowhere"));
            PipelineFailedException failed = assertThrows(PipelineFailedException.class,
                    () -> ChecksumsWiring.run(new Hasher(tree)));
            List<String> actual = new ArrayList<>();
            for (Throwable t = failed; t != null; t = t.getCause()) {
                for (StackTraceElement frame : t.getStackTrace()) {
                    actual.add(frame(frame.getClassName(), frame.getMethodName(), frame.getFileName(),
                            frame.getLineNumber()));
                }
            }
            List<String> quoted = quotedFrames();
            assertFalse(quoted.isEmpty(), "the README quotes no frame of pneumatic's code");
            for (String frame : quoted) {
                if (frame.startsWith("pneumatic.sample.Manifest.")) {
                    continue; // the README's own small main, which this test stands in for
                }
                assertTrue(actual.contains(frame), "README.md quotes the frame " + frame
                        + ", which the failure does not have; its frames:\n" + String.join("\n", actual));
            }
            assertEquals("step hash of pipeline Checksums failed: java.nio.file.NoSuchFileException: "
                    + tree.resolve("broken.txt"), failed.getMessage());
        });
    }

    /** The frames of pneumatic's code in the README's trace, as {@code Class.method(File:line)}. */
    private static List<String> quotedFrames() throws IOException {
        List<String> frames = new ArrayList<>();
        for (String line : Files.readAllLines(readme())) {
            Matcher m = FRAME.matcher(line);
            if (m.matches()) {
                frames.add(frame(m.group(1), m.group(2), m.group(3), Integer.parseInt(m.group(4))));
            }
        }
        return frames;
    }

    /**
     * A frame as {@code Class.method(File:line)}, with the number javac gives a lambda left out
     * ({@code lambda$startHash$}): JDK 17's javac and JDK 25's number them differently.
     */
    private static String frame(String type, String method, String file, int line) {
        return type + "." + method.replaceFirst("^(lambda\\$.*\\$)\\d+$", "$1") + "(" + file + ":" + line + ")";
    }

    /** The project's README: tests run in sample-app/, the README is one level up. */
    private static Path readme() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("sample-app"))) {
                return dir.resolve("README.md");
            }
        }
        throw new IllegalStateException("no README.md above " + here);
    }
}
