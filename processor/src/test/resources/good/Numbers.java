package fixtures;

import java.util.List;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;
import pneumatic.Stage;

/** An Iterable subtype as source, primitives that box and widen, rendezvous and unbounded. */
@Pipeline
public interface Numbers {
    @Source List<Integer> numbers();

    @Stage(capacity = 0) int square(int n);

    @Stage(capacity = Stage.UNBOUNDED) long widen(Integer n);

    @Sink(workers = 3) void add(long n);
}
