package fixtures;

import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;

/** A pipeline that extends an interface that does not exist. */
@Pipeline
public interface UndefinedSuperinterface
        extends MissingSteps {
    @Source Stream<String> lines();

    @Sink void print(String line);
}
