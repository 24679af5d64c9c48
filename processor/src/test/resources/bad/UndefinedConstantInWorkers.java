package fixtures;

import java.util.List;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;
import pneumatic.Stage;

/** workers names a constant that does not exist. */
@Pipeline
interface UndefinedConstantInWorkers {
    @Source List<String> lines();

    @Stage(workers = THREADS) String trim(String line);

    @Sink void print(String line);
}
