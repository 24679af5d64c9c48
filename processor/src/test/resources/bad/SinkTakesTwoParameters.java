package fixtures;

import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;

/** A sink with a second parameter. */
@Pipeline
public interface SinkTakesTwoParameters {
    @Source Stream<String> lines();

    @Sink void print(String line,
            String prefix);
}
