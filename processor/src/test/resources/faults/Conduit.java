package fixtures;

import java.util.Optional;
import pneumatic.Pipeline;
import pneumatic.Stage;
import pneumatic.channel.Sender;

/** Neither source nor sink: fed through input() and drained from output(). */
@Pipeline
public interface Conduit {
    @Stage(workers = 2, capacity = 0) Optional<String> admit(String value) throws Exception;

    @Stage(workers = 3, capacity = Stage.UNBOUNDED) void route(String value, Sender<String> out) throws Exception;
}
