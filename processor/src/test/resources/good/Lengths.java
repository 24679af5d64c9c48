package fixtures;

import java.util.Optional;
import pneumatic.Pipeline;
import pneumatic.Stage;

/** Neither source nor sink: fed and drained by the caller. */
@Pipeline
public interface Lengths {
    @Stage(capacity = 8) Optional<String> nonBlank(String line);

    @Stage(workers = 2) int length(String line);
}
