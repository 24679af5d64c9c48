package fixtures;

import java.util.Iterator;
import java.util.Optional;
import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;
import pneumatic.Stage;
import pneumatic.channel.Sender;

/** One worker per step, so the order survives; its single workers take their input in batches. */
@Pipeline
public interface Chain {
    @Source Iterator<String> links() throws Exception;

    @Stage(capacity = 0) String first(String value) throws Exception;

    @Stage(capacity = Stage.UNBOUNDED) void second(String value, Sender<String> out) throws Exception;

    @Stage(capacity = 1) Optional<String> third(String value) throws Exception;

    @Stage(capacity = 2) Stream<String> fourth(String value) throws Exception;

    @Sink void last(String value) throws Exception;
}
