package pneumatic.sample;

import java.util.Optional;
import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Stage;

/**
 * The words of lines the caller sends in, for the caller to take out: a pipeline with neither
 * source nor sink, fed through {@code input()} and drained from {@code output()}.
 */
@Pipeline
public interface LineWords {

    /** Splits one line into words. */
    @Stage(workers = 2)
    Stream<String> words(String line);

    /** Keeps the words that are worth counting, lower-cased. */
    @Stage
    Optional<String> significant(String word);
}
