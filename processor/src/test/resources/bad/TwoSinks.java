package fixtures;

import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;

/** Two sinks. */
@Pipeline
public interface TwoSinks {
    @Source Stream<String> lines();

    @Sink void print(String line);

    @Sink void log(String line);
}
