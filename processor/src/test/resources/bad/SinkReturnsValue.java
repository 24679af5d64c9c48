package fixtures;

import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;

/** A sink that returns a value, which nothing would receive. */
@Pipeline
public interface SinkReturnsValue {
    @Source Stream<String> lines();

    @Sink boolean print(String line);
}
