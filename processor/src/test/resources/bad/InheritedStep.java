package fixtures;

import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Sink;

/** An abstract method inherited from a superinterface instead of declared in the pipeline. */
@Pipeline
public interface InheritedStep extends Lines {
    @Sink void print(String line);
}

interface Lines {
    Stream<String> lines();
}
