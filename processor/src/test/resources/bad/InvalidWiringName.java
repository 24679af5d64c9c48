package fixtures;

import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;

/** @Pipeline(name) that is not a Java class name. */
@Pipeline(
        name = "not-a-name")
public interface InvalidWiringName {
    @Source Stream<String> lines();

    @Sink void print(String line);
}
