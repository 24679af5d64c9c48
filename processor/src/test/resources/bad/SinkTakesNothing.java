package fixtures;

import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;

/** A sink without a parameter. */
@Pipeline
public interface SinkTakesNothing {
    @Source Stream<String> lines();

    @Sink void done();
}
