package fixtures;

import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;

/**
 * A pipeline declared as a member of a local class: as unreachable for a generated class as a
 * local interface. {@link Visible} makes javac run the processor (see {@code LocalInterface}).
 */
public class InterfaceInLocalClass {
    @Pipeline
    interface Visible {
        @Source Stream<String> lines();

        @Sink void print(String line);
    }

    void run() {
        class Local {
            @Pipeline
            interface Steps {
                @Source Stream<String> lines();

                @Sink void print(String line);
            }
        }
    }
}
