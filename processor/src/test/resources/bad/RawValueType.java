package fixtures;

import java.util.List;
import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;
import pneumatic.Stage;

/** A stage that hands on a raw List: the generated code would be unchecked. */
@Pipeline
public interface RawValueType {
    @Source Stream<String> lines();

    @SuppressWarnings("rawtypes")
    @Stage List split(String line);

    @Sink void print(List<String> words);
}
