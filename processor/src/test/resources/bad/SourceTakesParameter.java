package fixtures;

import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;

/** A source with a parameter that is not a Sender. */
@Pipeline
public interface SourceTakesParameter {
    @Source Stream<String> lines(
            String path);

    @Sink void print(String line);
}
