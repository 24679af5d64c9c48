package fixtures;

import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;

/**
 * A pipeline declared inside a method body, where no generated class can name it. javac runs a
 * processor only for annotations it sees on types and their members, so the check needs a
 * pipeline it does see in the same compilation: {@link Visible}.
 */
public class LocalInterface {
    @Pipeline
    interface Visible {
        @Source Stream<String> lines();

        @Sink void print(String line);
    }

    void run() {
        @Pipeline
        interface Steps {
            @Source Stream<String> lines();

            @Sink void print(String line);
        }
    }
}
