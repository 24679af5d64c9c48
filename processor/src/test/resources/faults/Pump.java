package fixtures;

import java.util.Optional;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;
import pneumatic.Stage;
import pneumatic.channel.Sender;

/** A source that sends by itself, a sender stage of four workers on a rendezvous. */
@Pipeline
public interface Pump {
    @Source void pump(Sender<String> out) throws Exception;

    @Stage(workers = 2, capacity = 2) Optional<String> screen(String value) throws Exception;

    @Stage(workers = 4, capacity = 0) void fan(String value, Sender<String> out) throws Exception;

    @Sink(workers = 2, capacity = Stage.UNBOUNDED) void drain(String value) throws Exception;
}
