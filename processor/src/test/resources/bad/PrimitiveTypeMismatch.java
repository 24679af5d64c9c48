package fixtures;

import java.util.List;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;
import pneumatic.Stage;

/** A long handed to an int parameter: primitives widen, but never narrow. */
@Pipeline
public interface PrimitiveTypeMismatch {
    @Source List<Integer> numbers();

    @Stage long square(int n);

    @Sink void add(
            int total);
}
