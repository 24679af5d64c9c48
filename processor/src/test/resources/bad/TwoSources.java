package fixtures;

import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;

/** Two sources. */
@Pipeline
public interface TwoSources {
    @Source Stream<String> lines();

    @Source Stream<String> moreLines();

    @Sink void print(String line);
}
