package fixtures;

import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;
import pneumatic.Stage;

/** A sink declared before a stage. */
@Pipeline
public interface SinkNotLast {
    @Source Stream<String> lines();

    @Sink void print(String line);

    @Stage String trim(String line);
}
