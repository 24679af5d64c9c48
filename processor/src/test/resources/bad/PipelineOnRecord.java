package fixtures;

import pneumatic.Pipeline;

/** A pipeline declared as a record. */
@Pipeline
public record PipelineOnRecord(String line) {}
