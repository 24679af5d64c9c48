package fixtures;

import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Source;
import pneumatic.Stage;

/** No sink: the caller drains the results from output(). */
@Pipeline
public interface Words {
    @Source Iterable<String> lines();

    @Stage Stream<String> words(String line);
}
