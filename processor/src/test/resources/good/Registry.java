package fixtures;

import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;

/**
 * A nested pipeline whose wiring takes the interface's simple name: the wiring fixtures.Lookup is
 * another class than the interface fixtures.Registry.Lookup.
 */
public class Registry {
    @Pipeline(name = "Lookup")
    public interface Lookup {
        @Source Iterable<String> keys();

        @Sink void find(String key);
    }
}
