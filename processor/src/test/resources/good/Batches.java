package fixtures;

import java.io.IOException;
import java.util.List;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;
import pneumatic.Stage;
import pneumatic.channel.Sender;

/** A source that sends by itself, a stage that passes a List along as one value, checked exceptions. */
@Pipeline
public interface Batches {
    @Source void read(Sender<String> out) throws IOException, InterruptedException;

    @Stage List<String> split(String line);

    @Sink(workers = 2) void store(List<String> batch) throws IOException;
}
