package fixtures;

import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;

/** @Pipeline(name) that gives Borrower the default wiring name of this pipeline. */
@Pipeline // wired by WiringNamedLikeAnotherPipelinesWiringWiring, by default
public interface WiringNamedLikeAnotherPipelinesWiring {
    @Source Stream<String> lines();

    @Sink void print(String line);
}

@Pipeline(
        name = "WiringNamedLikeAnotherPipelinesWiringWiring")
interface Borrower {
    @Source Stream<String> lines();

    @Sink void print(String line);
}
