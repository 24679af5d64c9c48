package pneumatic.sample;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import pneumatic.PipelineFailedException;
import pneumatic.PipelineRun;
import pneumatic.channel.DisconnectedException;
import pneumatic.channel.Sender;

/**
 * The sample app: real pipelines over a directory (by default this project's own sources and
 * docs when started by {@code mvn exec:java}, which sets {@value #DIRECTORY_PROPERTY}; else the
 * current directory), or over standard input.
 *
 * <pre>
 * Main              word frequencies and a checksum manifest of the default directory
 * Main DIRECTORY    the same for DIRECTORY
 * Main -            word frequencies of the lines of standard input
 * Main tour         a tour of the channels
 * </pre>
 */
public final class Main {

    private static final String USAGE = String.join(System.lineSeparator(),
            "usage: sample-app [DIRECTORY | - | tour | --help]",
            "  DIRECTORY  count the words of its text files and checksum every file",
            "             (default: this project under mvn exec:java, else the current directory)",
            "  -          count the words of the lines read from standard input",
            "  tour       show how channels behave, step by step",
            "  --help     show this text");

    /** The directory to read without an argument; the sample app's pom sets it to the project. */
    static final String DIRECTORY_PROPERTY = "pneumatic.sample.directory";

    private static final int TOP = 20;

    private final InputStream in;
    private final PrintStream out;

    private Main(InputStream in, PrintStream out) {
        this.in = in;
        this.out = out;
    }

    /**
     * Runs the sample app and exits with its status: 0 on success, 1 if a pipeline failed, 2 for
     * a bad argument.
     *
     * @param args at most one: a directory, {@code -} or {@code tour}
     */
    public static void main(String[] args) {
        int status = run(args, System.in, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** The whole app, for tests: returns the exit status; errors go to {@code err}, briefly. */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        if (args.length > 1) {
            err.println("sample-app: expected at most one argument, got " + args.length);
            err.println(USAGE);
            return 2;
        }
        String argument = args.length == 0 ? System.getProperty(DIRECTORY_PROPERTY, ".") : args[0];
        try {
            Main main = new Main(in, out);
            switch (argument) {
                case "-h":
                case "--help":
                    out.println(USAGE);
                    return 0;
                case "tour":
                    new ChannelTour(out).run();
                    return 0;
                case "-":
                    main.wordsOfStandardInput();
                    return 0;
                default:
                    Path root = Path.of(argument).toAbsolutePath().normalize();
                    if (!Files.isDirectory(root)) {
                        err.println("sample-app: " + argument + (Files.exists(root) ? " is not a directory"
                                : argument.startsWith("-") ? " is no option and no directory" : " does not exist"));
                        err.println(USAGE);
                        return 2;
                    }
                    main.wordFrequencies(root);
                    main.checksums(root);
                    return 0;
            }
        } catch (PipelineFailedException e) {
            err.println("sample-app: " + explain(e));
            return 1;
        } catch (IOException | UncheckedIOException e) {
            err.println("sample-app: " + explain(e));
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("sample-app: interrupted");
            return 130;
        }
    }

    /** Pipeline 1: the most frequent words of the text files under {@code root}. */
    void wordFrequencies(Path root) throws InterruptedException {
        out.println("== Word frequencies of the text files under " + root);
        out.println("   files -> words (2 workers) -> count");
        WordCounter counter = new WordCounter(root);
        long start = System.nanoTime();
        WordFrequenciesWiring.run(counter);
        printTop(counter.top(TOP));
        out.printf("   per step: %s%n", counter.stepCounts());
        out.printf("   time: %.2f s%n%n", (System.nanoTime() - start) / 1e9);
    }

    /** Pipeline 2: a SHA-256 manifest of every file under {@code root}, sorted by path. */
    void checksums(Path root) throws InterruptedException {
        out.println("== SHA-256 of every file under " + root);
        out.println("   files -> hash (4 workers) -> collect");
        Hasher hasher = new Hasher(root);
        long start = System.nanoTime();
        ChecksumsWiring.run(hasher);
        double seconds = (System.nanoTime() - start) / 1e9;
        List<FileDigest> manifest = hasher.manifest();
        for (FileDigest digest : manifest) {
            out.println(digest.line());
        }
        double megabytes = hasher.bytes() / 1e6;
        out.printf("   %s, %,.1f MB in %.2f s (%,.1f MB/s)%n", Counts.of(manifest.size(), "file"), megabytes,
                seconds, seconds > 0 ? megabytes / seconds : 0.0);
        out.printf("   per step: %s%n", hasher.stepCounts());
    }

    /**
     * Pipeline 3, open at both ends: this thread drains {@code output()} while another one feeds
     * {@code input()} with the lines of standard input.
     */
    void wordsOfStandardInput() throws IOException, InterruptedException {
        out.println("== Word frequencies of standard input");
        out.println("   input() -> words (2 workers) -> significant -> output()");
        out.println("   reading lines until standard input ends (Ctrl-D at a terminal)");
        SignificantWords steps = new SignificantWords();
        Map<String, Long> counts = new HashMap<>();
        AtomicReference<IOException> readFailure = new AtomicReference<>();
        long received = 0;
        try (PipelineRun.WithInputAndOutput<String, String> run = LineWordsWiring.start(steps)) {
            Thread reader = new Thread(() -> feed(run.input(), readFailure), "stdin-reader");
            reader.start();
            for (String word : run.output()) {
                counts.merge(word, 1L, Long::sum);
                received++;
            }
            run.await();
            reader.join();
        }
        if (readFailure.get() != null) {
            IOException failure = readFailure.get();
            throw new IOException("cannot read standard input: " + failure.getMessage(), failure);
        }
        printTop(Words.top(counts, TOP));
        out.printf("   per step: %s | output %s received, %,d distinct%n",
                steps.stepCounts(), Counts.of(received, "word"), counts.size());
    }

    /** Sends the lines of standard input, then closes the input, which ends the pipeline. */
    private void feed(Sender<String> input, AtomicReference<IOException> failure) {
        try (input; BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                input.send(line);
            }
        } catch (IOException e) {
            failure.set(e);
        } catch (DisconnectedException e) {
            // the pipeline stopped; await() in the main thread says why
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void printTop(List<Map.Entry<String, Long>> top) {
        out.printf("   top %d words:%n", top.size());
        int rank = 1;
        for (Map.Entry<String, Long> entry : top) {
            out.printf("   %3d. %-20s %,8d%n", rank++, entry.getKey(), entry.getValue());
        }
    }

    /** One line a user can act on, instead of a stack trace. */
    static String explain(PipelineFailedException failure) {
        return "step " + failure.stage() + " of " + failure.pipeline() + " failed: " + explain(failure.getCause());
    }

    private static String explain(Throwable cause) {
        if (cause instanceof UncheckedIOException) {
            return explain(cause.getCause());
        }
        if (cause instanceof NoSuchFileException) {
            return "cannot read " + ((NoSuchFileException) cause).getFile() + ": no such file (a broken link?)";
        }
        if (cause instanceof AccessDeniedException) {
            return "cannot read " + ((AccessDeniedException) cause).getFile() + ": permission denied";
        }
        if (cause instanceof FileSystemException) {
            FileSystemException e = (FileSystemException) cause;
            return "cannot read " + e.getFile() + (e.getReason() == null ? "" : ": " + e.getReason());
        }
        if (cause instanceof IOException) {
            return "I/O error: " + cause.getMessage();
        }
        return cause.toString();
    }
}
