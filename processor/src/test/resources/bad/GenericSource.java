package fixtures;

import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;

/** A source that is a generic method. */
@Pipeline
public interface GenericSource {
    @Source <T> Stream<T> items();

    @Sink void print(String line);
}
