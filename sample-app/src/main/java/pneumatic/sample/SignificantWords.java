package pneumatic.sample;

import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/** The steps of {@link LineWords}, with a count per step. */
final class SignificantWords implements LineWords {

    private final LongAdder lines = new LongAdder();
    private final LongAdder words = new LongAdder();

    /** Written by the {@code significant} thread only. */
    private long kept;

    @Override
    public Stream<String> words(String line) {
        lines.increment();
        return Words.split(line).peek(word -> words.increment());
    }

    @Override
    public Optional<String> significant(String word) {
        if (!Words.isSignificant(word)) {
            return Optional.empty();
        }
        kept++;
        return Optional.of(word);
    }

    /** After the run: what each step handled. */
    String stepCounts() {
        return String.format("words %s, %s | significant %,d kept", Counts.of(lines.sum(), "line"),
                Counts.of(words.sum(), "word"), kept);
    }
}
