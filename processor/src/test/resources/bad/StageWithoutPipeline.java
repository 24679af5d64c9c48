package fixtures;

import pneumatic.Stage;

/** A step annotation in an interface that is not a @Pipeline: it would do nothing. */
public interface StageWithoutPipeline {
    @Stage String trim(String line);
}
