package fixtures;

import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;
import pneumatic.Stage;

/** A stage whose second parameter is not the Sender it sends on. */
@Pipeline
public interface StageSecondParameterNotSender {
    @Source Stream<String> lines();

    @Stage String join(String line,
            String separator);

    @Sink void print(String line);
}
