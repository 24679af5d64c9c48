package pneumatic.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: what the user sees, and the exit status, for good and bad input. */
class MainTest {

    private static final Duration BOUND = Duration.ofSeconds(60);

    @TempDir
    Path tree;

    /** What one run printed, and its status. */
    private record Outcome(int status, String out, String err) {}

    private static Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aDirectoryGetsWordFrequenciesThenAManifestThenASummary() {
        assertTimeoutPreemptively(BOUND, () -> {
            Files.writeString(tree.resolve("b.txt"), "tube tube capsule\n");
            Files.writeString(tree.resolve("a.md"), "tube station\n");
            Outcome outcome = run(tree.toString());
            assertEquals(0, outcome.status(), outcome.err());
            assertEquals("", outcome.err());
            String out = outcome.out();
            assertTrue(out.contains("1. tube                        3"), out);
            int a = out.indexOf("  a.md");
            int b = out.indexOf("  b.txt");
            assertTrue(a > 0 && b > a, "manifest sorted by path:\n" + out);
            assertTrue(out.contains("2 files, "), out);
            assertTrue(out.contains("per step: files 2 listed | hash 2 files"), out);
        });
    }

    @Test
    void withoutAnArgumentItReadsTheDirectoryThePomNames() {
        assertTimeoutPreemptively(BOUND, () -> {
            Files.writeString(tree.resolve("only.txt"), "pneumatic pneumatic tube\n");
            String before = System.getProperty(Main.DIRECTORY_PROPERTY);
            System.setProperty(Main.DIRECTORY_PROPERTY, tree.toString());
            try {
                Outcome outcome = run();
                assertEquals(0, outcome.status(), outcome.err());
                assertTrue(outcome.out().contains("1. pneumatic                   2"), outcome.out());
                assertTrue(outcome.out().contains("  only.txt"), outcome.out());
                assertTrue(outcome.out().contains("1 file, "), outcome.out());
            } finally {
                if (before == null) {
                    System.clearProperty(Main.DIRECTORY_PROPERTY);
                } else {
                    System.setProperty(Main.DIRECTORY_PROPERTY, before);
                }
            }
        });
    }

    @Test
    void aMissingDirectoryIsABadArgumentWithoutAStackTrace() {
        Outcome outcome = run(tree.resolve("missing").toString());
        assertEquals(2, outcome.status());
        assertTrue(outcome.err().startsWith("sample-app: " + tree.resolve("missing") + " does not exist"), outcome.err());
        assertTrue(outcome.err().contains("usage: sample-app"), outcome.err());
        assertFalse(outcome.err().contains("Exception"), outcome.err());
    }

    /** An unknown option is not taken for a missing directory: "--bogus does not exist" misled. */
    @Test
    void anUnknownOptionIsABadArgument() {
        Outcome outcome = run("--bogus");
        assertEquals(2, outcome.status());
        assertTrue(outcome.err().startsWith("sample-app: --bogus is no option and no directory"), outcome.err());
        assertTrue(outcome.err().contains("usage: sample-app"), outcome.err());
    }

    @Test
    void aFileWhereADirectoryIsExpectedIsABadArgument() throws IOException {
        Path file = Files.writeString(tree.resolve("plain.txt"), "not a directory\n");
        Outcome outcome = run(file.toString());
        assertEquals(2, outcome.status());
        assertTrue(outcome.err().startsWith("sample-app: " + file + " is not a directory"), outcome.err());
        assertTrue(outcome.err().contains("usage: sample-app"), outcome.err());
    }

    @Test
    void twoArgumentsAreABadArgument() {
        Outcome outcome = run("a", "b");
        assertEquals(2, outcome.status());
        assertTrue(outcome.err().contains("expected at most one argument, got 2"), outcome.err());
    }

    @Test
    void anUnreadableFileFailsTheRunWithOneClearLine() throws IOException {
        Files.writeString(tree.resolve("fine.txt"), "fine words here\n");
        Files.createSymbolicLink(tree.resolve("broken.txt"), tree.resolve("nowhere"));
        Outcome outcome = assertTimeoutPreemptively(BOUND, () -> run(tree.toString()));
        assertEquals(1, outcome.status());
        assertEquals("sample-app: step words of WordFrequencies failed: cannot read " + tree.resolve("broken.txt")
                + ": no such file (a broken link?)" + System.lineSeparator(), outcome.err());
    }

    /**
     * A link that cannot be followed because it is one of a loop of links is kept, as a broken
     * one is: reading it fails, and says so, rather than the file being left out without a word.
     */
    @Test
    void aLoopOfLinksFailsTheRunWithOneClearLine() throws IOException {
        Files.writeString(tree.resolve("fine.txt"), "fine words here\n");
        Files.createSymbolicLink(tree.resolve("a.txt"), tree.resolve("b.txt"));
        Files.createSymbolicLink(tree.resolve("b.txt"), tree.resolve("a.txt"));
        Outcome outcome = assertTimeoutPreemptively(BOUND, () -> run(tree.toString()));
        assertEquals(1, outcome.status());
        String failed = "sample-app: step words of WordFrequencies failed: cannot read " + tree + File.separator;
        // Either link may be read first; the reason is the platform's ("Too many levels of symbolic links...").
        assertTrue(outcome.err().matches(Pattern.quote(failed) + "[ab]\\.txt: Too many levels of symbolic links.*\\R"),
                outcome.err());
    }

    /**
     * A FIFO has no content to hash and would block a reader until some process writes to it, so
     * a tree that holds one, directly or through a link, is read as if it were not there.
     */
    @Test
    void aFifoInTheTreeIsLeftOutInsteadOfWaitedForForever() throws Exception {
        Files.writeString(tree.resolve("fine.txt"), "fine words here\n");
        Path fifo = tree.resolve("fifo.txt");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        } catch (IOException noMkfifo) {
            assumeTrue(false, "no mkfifo on this machine: " + noMkfifo);
            return;
        }
        assumeTrue(mkfifo.waitFor() == 0 && Files.exists(fifo), "mkfifo did not make " + fifo);
        Files.createSymbolicLink(tree.resolve("link-to-fifo.txt"), fifo);
        Outcome outcome = assertTimeoutPreemptively(BOUND, () -> run(tree.toString()));
        assertEquals(0, outcome.status(), outcome.err());
        assertTrue(outcome.out().contains("per step: files 1 listed | hash 1 file,"), outcome.out());
        assertFalse(outcome.out().contains("fifo"), outcome.out());
    }

    @Test
    void helpPrintsTheUsage() {
        Outcome outcome = run("--help");
        assertEquals(0, outcome.status());
        assertTrue(outcome.out().startsWith("usage: sample-app [DIRECTORY | - | tour | --help]"), outcome.out());
    }

    @Test
    void theTourShowsEveryScene() {
        String[] caller = new String[1];
        Outcome outcome = assertTimeoutPreemptively(BOUND, () -> {
            caller[0] = Thread.currentThread().getName();
            return run("tour");
        });
        assertEquals(0, outcome.status(), outcome.err());
        String out = outcome.out();
        assertFalse(out.contains(caller[0]), "the calling thread is shown as main, not by its name:\n" + out);
        for (String scene : new String[] {
            "1. One message from a thread", "2. Three producers", "3. A bounded channel of capacity 2",
            "4. tryRecv has three outcomes", "5. A rendezvous"}) {
            assertTrue(out.contains(scene), scene + " missing:\n" + out);
        }
        assertTrue(out.contains("main received 10"), out);
        assertTrue(out.contains("the loop ended by itself after 3 messages"), out);
        assertTrue(out.contains("tryRecv after the last sender closed: DisconnectedException"), out);
        assertTrue(out.contains("main received \"baton\""), out);
    }
}
