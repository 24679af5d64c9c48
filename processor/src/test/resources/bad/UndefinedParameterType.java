package fixtures;

import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;

/** A step whose parameter type does not exist. */
@Pipeline
public interface UndefinedParameterType {
    @Source Stream<String> lines();

    @Sink void print(
            Missing line);
}
