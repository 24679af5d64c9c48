package fixtures;

import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;
import pneumatic.Stage;

/** A stage without a parameter. */
@Pipeline
public interface StageTakesNothing {
    @Source Stream<String> lines();

    @Stage String next();

    @Sink void print(String line);
}
