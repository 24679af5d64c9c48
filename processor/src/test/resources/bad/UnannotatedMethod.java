package fixtures;

import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;

/** An abstract method without a step annotation. */
@Pipeline
public interface UnannotatedMethod {
    @Source Stream<String> lines();

    String describe(String line);

    @Sink void print(String line);
}
