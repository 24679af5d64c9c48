package fixtures;

import pneumatic.Pipeline;

/** A pipeline without a single step: its only method has a body. */
@Pipeline
public interface NoSteps {
    default String describe() {
        return "nothing";
    }
}
