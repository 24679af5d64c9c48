package fixtures;

import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;

/**
 * A pipeline declared as a member of an anonymous class, here one in a field's initializer, outside
 * any method. {@link Visible} makes javac run the processor (see {@code LocalInterface}).
 */
public class InterfaceInAnonymousClass {
    @Pipeline
    interface Visible {
        @Source Stream<String> lines();

        @Sink void print(String line);
    }

    final Object task = new Object() {
        @Pipeline
        interface Steps {
            @Source Stream<String> lines();

            @Sink void print(String line);
        }
    };
}
