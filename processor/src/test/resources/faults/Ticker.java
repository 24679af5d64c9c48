package fixtures;

import java.util.Iterator;
import java.util.Optional;
import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;
import pneumatic.Stage;

/** An iterator source, a stream stage, an optional stage on an unbounded channel, a rendezvous sink. */
@Pipeline
public interface Ticker {
    @Source Iterator<String> ticks() throws Exception;

    @Stage(workers = 3, capacity = 1) Stream<String> burst(String value) throws Exception;

    @Stage(workers = 2, capacity = Stage.UNBOUNDED) Optional<String> odd(String value) throws Exception;

    @Sink(workers = 2, capacity = 0) void tally(String value) throws Exception;
}
