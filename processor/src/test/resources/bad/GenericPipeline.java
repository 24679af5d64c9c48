package fixtures;

import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;

/** A pipeline interface with a type parameter. */
@Pipeline
public interface GenericPipeline
        <T> {
    @Source Stream<T> items();

    @Sink void take(T item);
}
