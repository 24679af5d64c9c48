package pneumatic.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample pipelines, end to end on real threads, each checked against the same computation
 * done sequentially.
 */
class SamplePipelinesTest {

    private static final Duration BOUND = Duration.ofSeconds(60);
    private static final long SEED = 20261201L;

    /** This project's sources and docs: the default input when the app runs from the root. */
    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path tree;

    @AfterEach
    void noPipelineThreadOutlivesItsRun() {
        List<String> alive = Thread.getAllStackTraces().keySet().stream()
                .map(Thread::getName)
                .filter(n -> n.startsWith("WordFrequencies-") || n.startsWith("Checksums-")
                        || n.startsWith("LineWords-"))
                .collect(Collectors.toList());
        assertEquals(List.of(), alive);
    }

    /** A tree with text, a binary file, nested directories, a hidden one and build output. */
    private void fillTree() throws IOException {
        Random random = new Random(SEED);
        String[] vocabulary = {"pipe", "tube", "capsule", "station", "sender", "receiver", "café", "naïve", "x1"};
        for (int d = 0; d < 5; d++) {
            Path directory = Files.createDirectories(tree.resolve("dir" + d).resolve("sub"));
            for (int f = 0; f < 12; f++) {
                StringBuilder text = new StringBuilder();
                for (int line = 0; line < 40; line++) {
                    for (int w = 0; w < 1 + random.nextInt(12); w++) {
                        text.append(vocabulary[random.nextInt(vocabulary.length)]).append(random.nextBoolean() ? " " : ", ");
                    }
                    text.append("of a it\n");
                }
                Files.writeString(directory.resolve("notes" + f + (f % 3 == 0 ? ".md" : ".txt")), text);
            }
            byte[] binary = new byte[10_000 + random.nextInt(50_000)];
            random.nextBytes(binary);
            Files.write(directory.resolve("blob" + d + ".bin"), binary);
        }
        Files.createDirectories(tree.resolve(".git"));
        Files.writeString(tree.resolve(".git/config"), "hidden hidden hidden");
        Files.createDirectories(tree.resolve("target"));
        Files.writeString(tree.resolve("target/out.txt"), "generated generated");
    }

    /** The word counts computed on one thread, with no pipeline. */
    private static Map<String, Long> wordsSequentially(Path root) throws IOException {
        Map<String, Long> counts = new TreeMap<>();
        for (Path file : FileTrees.files(root)) {
            if (!FileTrees.isText(file)) {
                continue;
            }
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            for (String line : text.split("\\R")) {
                Words.split(line).filter(Words::isSignificant).forEach(w -> counts.merge(w, 1L, Long::sum));
            }
        }
        return counts;
    }

    @Test
    void wordFrequenciesMatchTheSequentialCountOnATree() {
        assertTimeoutPreemptively(BOUND, () -> {
            fillTree();
            WordCounter counter = new WordCounter(tree);
            WordFrequenciesWiring.run(counter);
            Map<String, Long> expected = wordsSequentially(tree);
            assertEquals(expected, new TreeMap<>(counter.counts()));
            assertFalse(expected.containsKey("hidden"), "hidden directories are skipped");
            assertFalse(expected.containsKey("generated"), "build output is skipped");
            assertFalse(expected.containsKey("of"), "short words are not counted");
            assertTrue(expected.containsKey("café"));
        });
    }

    @Test
    void wordFrequenciesMatchTheSequentialCountOnThisProject() {
        assertTimeoutPreemptively(BOUND, () -> {
            WordCounter counter = new WordCounter(PROJECT);
            WordFrequenciesWiring.run(counter);
            assertEquals(wordsSequentially(PROJECT), new TreeMap<>(counter.counts()));
            assertEquals(20, counter.top(20).size());
        });
    }

    @Test
    void checksumsMatchTheSequentialDigestsSortedByPath() {
        assertTimeoutPreemptively(BOUND, () -> {
            fillTree();
            Hasher hasher = new Hasher(tree);
            ChecksumsWiring.run(hasher);

            List<String> expected = new ArrayList<>();
            TreeMap<Path, String> sorted = new TreeMap<>();
            for (Path file : FileTrees.files(tree)) {
                MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
                sorted.put(tree.relativize(file), HexFormat.of().formatHex(sha256.digest(Files.readAllBytes(file))));
            }
            sorted.forEach((path, hash) -> expected.add(hash + "  " + path));
            List<String> actual = hasher.manifest().stream().map(FileDigest::line).collect(Collectors.toList());
            assertEquals(expected, actual);
            assertEquals(5 * 13, actual.size(), "12 text files and a blob in each of 5 directories");
            long bytes = 0;
            for (Path file : FileTrees.files(tree)) {
                bytes += Files.size(file);
            }
            assertEquals(bytes, hasher.bytes());
        });
    }

    @Test
    void standardInputGoesThroughThePipelineOpenAtBothEnds() {
        assertTimeoutPreemptively(BOUND, () -> {
            fillTree();
            StringBuilder input = new StringBuilder();
            Map<String, Long> expected = new HashMap<>();
            for (Path file : FileTrees.files(tree)) {
                if (FileTrees.isText(file)) {
                    for (String line : Files.readAllLines(file)) {
                        input.append(line).append('\n');
                        Words.split(line).filter(Words::isSignificant).forEach(w -> expected.merge(w, 1L, Long::sum));
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = Main.run(new String[] {"-"},
                    new ByteArrayInputStream(input.toString().getBytes(StandardCharsets.UTF_8)),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
            String printed = out.toString(StandardCharsets.UTF_8);
            for (Map.Entry<String, Long> entry : Words.top(expected, 20)) {
                assertTrue(printed.matches("(?s).*\\d+\\. " + entry.getKey() + " +" + String.format("%,d", entry.getValue()) + "\\n.*"),
                        entry + " missing from:\n" + printed);
            }
            long total = expected.values().stream().mapToLong(Long::longValue).sum();
            assertTrue(printed.contains(String.format("output %,d words received", total)), printed);
        });
    }
}
