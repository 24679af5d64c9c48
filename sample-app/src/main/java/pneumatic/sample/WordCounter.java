package pneumatic.sample;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import pneumatic.channel.Sender;

/** The steps of {@link WordFrequencies} over one directory, with a count per step. */
final class WordCounter implements WordFrequencies {

    private final Path root;

    /** Written by the {@code count} thread only; read after the run has ended. */
    private final Map<String, Long> counts = new HashMap<>();

    private final LongAdder filesListed = new LongAdder();
    private final LongAdder filesRead = new LongAdder();
    private final LongAdder wordsSent = new LongAdder();

    /** Written by the {@code count} thread only. */
    private long wordsCounted;

    WordCounter(Path root) {
        this.root = root;
    }

    @Override
    public Stream<Path> files() throws IOException {
        return FileTrees.files(root).stream().filter(FileTrees::isText).peek(file -> filesListed.increment());
    }

    @Override
    public void words(Path file, Sender<String> out) throws IOException, InterruptedException {
        // An InputStreamReader replaces malformed bytes, where Files.newBufferedReader would fail.
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                for (String word : (Iterable<String>) Words.split(line)::iterator) {
                    if (Words.isSignificant(word)) {
                        out.send(word);
                        wordsSent.increment();
                    }
                }
            }
        }
        filesRead.increment();
    }

    @Override
    public void count(String word) {
        counts.merge(word, 1L, Long::sum);
        wordsCounted++;
    }

    /** After the run: every word and how often it occurred. */
    Map<String, Long> counts() {
        return counts;
    }

    /** After the run: the most frequent words. */
    List<Map.Entry<String, Long>> top(int n) {
        return Words.top(counts, n);
    }

    /** After the run: what each step handled. */
    String stepCounts() {
        return String.format("files %,d listed | words %s read, %s sent | count %s, %,d distinct",
                filesListed.sum(), Counts.of(filesRead.sum(), "file"), Counts.of(wordsSent.sum(), "word"),
                Counts.of(wordsCounted, "word"), counts.size());
    }
}
