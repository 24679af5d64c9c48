package fixtures;

import java.util.Optional;
import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;
import pneumatic.Stage;
import pneumatic.channel.Sender;

/** The example of API.md: every stage shape, several workers, a custom capacity. */
@Pipeline
public interface WordCount {
    @Source Stream<String> lines();

    @Stage(workers = 4) void words(String line, Sender<String> out) throws InterruptedException;

    @Stage String lower(String word);

    @Stage Optional<String> longOnes(String word);

    @Stage(workers = 2, capacity = 16) Stream<String> variants(String word);

    @Sink void count(String word);
}
