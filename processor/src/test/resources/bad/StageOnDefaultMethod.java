package fixtures;

import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;
import pneumatic.Stage;

/** @Stage on a default method, which is never a step. */
@Pipeline
public interface StageOnDefaultMethod {
    @Source Stream<String> lines();

    @Stage default String trim(String line) {
        return line.trim();
    }

    @Sink void print(String line);
}
