package fixtures;

import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;

/**
 * Two pipelines with the same default wiring name: DefaultWiringNamesClash.Inner and
 * DefaultWiringNamesClash_Inner would both be wired by DefaultWiringNamesClash_InnerWiring.
 */
public class DefaultWiringNamesClash {
    @Pipeline // the nested one
    interface Inner {
        @Source Stream<String> lines();

        @Sink void print(String line);
    }
}

@Pipeline // the top-level one
interface DefaultWiringNamesClash_Inner {
    @Source Stream<String> lines();

    @Sink void print(String line);
}
