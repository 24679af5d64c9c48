package fixtures;

import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;

/** A pipeline its generated wiring class cannot see: the interface itself is private. */
public class PrivateNestedInterface {
    @Pipeline
    private interface Steps {
        @Source Stream<String> lines();

        @Sink void print(String line);
    }
}
