package fixtures;

import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;
import pneumatic.Stage;

/** A method with two step annotations. */
@Pipeline
public interface TwoStepAnnotations {
    @Source Stream<String> lines();

    @Stage
    @Sink
    void print(String line);
}
