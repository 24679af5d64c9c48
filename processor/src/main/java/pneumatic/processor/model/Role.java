package pneumatic.processor.model;

/** What a step does in the pipeline, named after its annotation. */
public enum Role {
    SOURCE("Source"),
    STAGE("Stage"),
    SINK("Sink");

    private final String annotation;

    Role(String annotation) {
        this.annotation = annotation;
    }

    /** The simple name of the annotation that gives a method this role. */
    public String annotation() {
        return annotation;
    }

    /** The fully qualified name of that annotation. */
    public String annotationName() {
        return "pneumatic." + annotation;
    }
}
