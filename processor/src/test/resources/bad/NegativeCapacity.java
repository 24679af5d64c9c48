package fixtures;

import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;

/** A capacity below Stage.UNBOUNDED. */
@Pipeline
public interface NegativeCapacity {
    @Source Stream<String> lines();

    @Sink(
            capacity = -2)
    void print(String line);
}
