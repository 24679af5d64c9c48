package fixtures;

import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;

/** A pipeline its generated wiring class cannot see: a class around it is private. */
public class InterfaceInPrivateClass {
    private static class Hidden {
        @Pipeline
        interface Steps {
            @Source Stream<String> lines();

            @Sink void print(String line);
        }
    }
}
