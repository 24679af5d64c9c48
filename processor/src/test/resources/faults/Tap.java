package fixtures;

import pneumatic.Pipeline;
import pneumatic.Stage;

/** One stage of one worker, open at both ends: the order survives. */
@Pipeline
public interface Tap {
    @Stage(capacity = 1) String pass(String value) throws Exception;
}
