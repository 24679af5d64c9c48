package fixtures;

import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;
import pneumatic.Stage;

/** An iterable source, a value stage on a rendezvous, a sink of four workers. */
@Pipeline
public interface Relay {
    @Source Iterable<String> items() throws Exception;

    @Stage(workers = 2, capacity = 0) String upper(String value) throws Exception;

    @Sink(workers = 4, capacity = 2) void take(String value) throws Exception;
}
