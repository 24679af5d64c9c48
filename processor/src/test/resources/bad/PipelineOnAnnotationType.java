package fixtures;

import pneumatic.Pipeline;

/** A pipeline declared as an annotation type. */
@Pipeline
public @interface PipelineOnAnnotationType {
    String value();
}
