package fixtures;

import java.util.List;
import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;
import pneumatic.Stage;

/** The example of API.md: a sink that takes a List where the stage before it emits a String. */
@Pipeline
public interface TypeMismatchOnParameter {
    @Source Stream<String> words();

    @Stage String lower(String word);

    @Sink void describe(
            List<String> words);
}
