package fixtures;

import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Source;
import pneumatic.Stage;
import pneumatic.channel.Sender;

/** No sink: drained from output(). */
@Pipeline
public interface Outlet {
    @Source void emit(Sender<String> out) throws Exception;

    @Stage(workers = 3, capacity = 2) Stream<String> expand(String value) throws Exception;

    @Stage(workers = 2, capacity = 0) String tag(String value) throws Exception;
}
