package fixtures;

import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Stage;
import pneumatic.channel.Sender;

/** No source: fed through input(). */
@Pipeline
public interface Intake {
    @Stage(workers = 2, capacity = 1) String clean(String value) throws Exception;

    @Stage(workers = 3, capacity = 0) void words(String value, Sender<String> out) throws Exception;

    @Sink(workers = 2, capacity = Stage.UNBOUNDED) void file(String value) throws Exception;
}
