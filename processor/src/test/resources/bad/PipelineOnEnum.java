package fixtures;

import pneumatic.Pipeline;

/** A pipeline declared as an enum. */
@Pipeline
public enum PipelineOnEnum {
    LINES
}
