package fixtures;

import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;

/**
 * A pipeline with a '$' in its name, set aside for a later round by its undefined type. Eclipse's
 * compiler, looking it up again by name, takes the '$' for a nested class's separator.
 */
public class UndefinedTypeInANameWithADollar {
    @Pipeline
    interface $Steps {
        @Source Stream<String> lines();

        @Sink void print(
                Missing line);
    }
}
