package fixtures;

import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;

/** var is a restricted identifier: no class may be called that. */
@Pipeline(
        name = "var")
public interface WiringNamedVar {
    @Source Stream<String> lines();

    @Sink void print(String line);
}
