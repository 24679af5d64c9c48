package fixtures;

import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;

/**
 * @Pipeline(name) on a nested interface that names the class around it: the wiring would be a
 * second fixtures.WiringNamedLikeTheEnclosingClass.
 */
public class WiringNamedLikeTheEnclosingClass {
    @Pipeline(
            name = "WiringNamedLikeTheEnclosingClass")
    interface Steps {
        @Source Stream<String> lines();

        @Sink void print(String line);
    }
}
