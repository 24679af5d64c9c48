package pneumatic.processor.codegen;

import com.palantir.javapoet.ClassName;

/** Every runtime and JDK class the generated code names, in one place. */
final class TypeNames {

    private TypeNames() {}

    static final ClassName PIPELINE_RUN = ClassName.get("pneumatic", "PipelineRun");
    static final ClassName WITH_INPUT = PIPELINE_RUN.nestedClass("WithInput");
    static final ClassName WITH_OUTPUT = PIPELINE_RUN.nestedClass("WithOutput");
    static final ClassName WITH_INPUT_AND_OUTPUT = PIPELINE_RUN.nestedClass("WithInputAndOutput");
    static final ClassName RUNNING_PIPELINE = ClassName.get("pneumatic", "RunningPipeline");
    static final ClassName PIPELINE_FAILED = ClassName.get("pneumatic", "PipelineFailedException");
    static final ClassName OUTPUTS = ClassName.get("pneumatic", "Outputs");
    static final ClassName STAGE = ClassName.get("pneumatic", "Stage");
    static final ClassName CHANNEL = ClassName.get("pneumatic.channel", "Channel");
    static final ClassName SENDER = ClassName.get("pneumatic.channel", "Sender");

    static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
    static final ClassName OBJECTS = ClassName.get("java.util", "Objects");
    static final ClassName LIST = ClassName.get("java.util", "List");
    static final ClassName ITERABLE = ClassName.get("java.lang", "Iterable");
    static final ClassName VOID = ClassName.get("java.lang", "Void");

    /** The processor's name, for {@code @Generated}. */
    static final String PROCESSOR = "pneumatic.processor.PipelineProcessor";

    /** {@code Stage.DEFAULT_CAPACITY}, for the output channel of a pipeline without a sink. */
    static final int DEFAULT_CAPACITY = pneumatic.Stage.DEFAULT_CAPACITY;
}
