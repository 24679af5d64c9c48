package fixtures;

import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;

/** A pipeline nested in a class: its wiring is Outer_InnerWiring. */
public class Outer {
    @Pipeline
    public interface Inner {
        @Source Iterable<String> names();

        @Sink void greet(String name);
    }
}
