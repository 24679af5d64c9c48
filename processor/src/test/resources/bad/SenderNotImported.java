package fixtures;

import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;
import pneumatic.Stage;

/** A stage whose Sender is not imported: an undefined type written with type arguments. */
@Pipeline
public interface SenderNotImported {
    @Source Stream<String> lines();

    @Stage void words(String line,
            Sender<String> out);

    @Sink void print(String word);
}
