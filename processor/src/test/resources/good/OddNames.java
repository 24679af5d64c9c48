package fixtures;

import java.util.Optional;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;
import pneumatic.Stage;
import pneumatic.channel.Sender;

/** Steps and parameters named like the generated code's own names, or like contextual keywords. */
@Pipeline
public interface OddNames {
    @Source void run(Sender<String> sender);

    @Stage String start(String to);

    @Stage void sender(String steps, Sender<String> run);

    @Stage Optional<String> in(String out);

    @Stage(workers = 2) String worker(String worker);

    @Stage String sealed(String yield);

    @Sink void wire(String in);
}
