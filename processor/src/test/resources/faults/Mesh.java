package fixtures;

import java.util.Optional;
import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;
import pneumatic.Stage;
import pneumatic.channel.Sender;

/** A stream source, every stage shape, several workers per step, every kind of small capacity. */
@Pipeline
public interface Mesh {
    @Source Stream<String> numbers() throws Exception;

    @Stage(workers = 3, capacity = 0) void spread(String value, Sender<String> out) throws Exception;

    @Stage(workers = 2, capacity = 1) Optional<String> keep(String value) throws Exception;

    @Stage(workers = 4, capacity = 2) String mark(String value) throws Exception;

    @Stage(workers = 2, capacity = Stage.UNBOUNDED) Stream<String> split(String value) throws Exception;

    @Sink(workers = 3, capacity = 1) void store(String value) throws Exception;
}
