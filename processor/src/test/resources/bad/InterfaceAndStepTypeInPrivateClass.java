package fixtures;

import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;

/** The interface and its step type in the same private class: one mistake, the private class. */
public class InterfaceAndStepTypeInPrivateClass {
    private static class Hidden {
        static final class Item {}

        @Pipeline
        interface Steps {
            @Source Stream<Item> items();

            @Sink void take(Item item);
        }
    }
}
