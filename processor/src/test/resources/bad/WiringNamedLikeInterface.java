package fixtures;

import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;

/** @Pipeline(name) that names the interface itself. */
@Pipeline(
        name = "WiringNamedLikeInterface")
public interface WiringNamedLikeInterface {
    @Source Stream<String> lines();

    @Sink void print(String line);
}
