package fixtures;

import java.util.List;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;

/** Steps that take and return a record private to the class around them: the wiring cannot name it. */
public class StepUsesPrivateType {
    private record Hidden(String s) {}

    @Pipeline
    interface Steps {
        @Source List<Hidden> items();

        @Sink void take(
                Hidden h);
    }
}
