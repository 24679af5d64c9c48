package fixtures;

import pneumatic.Pipeline;
import pneumatic.Sink;

/** A step type that is not private itself, but nested in a private class: the wiring cannot name it. */
public class StepUsesTypeInsideAPrivateClass {
    private static class Rows {
        static final class Row {}
    }

    @Pipeline
    interface Steps {
        @Sink void take(
                Rows.Row row);
    }
}
