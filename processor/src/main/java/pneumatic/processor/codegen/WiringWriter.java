package pneumatic.processor.codegen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import pneumatic.processor.diag.Display;
import pneumatic.processor.model.Edge;
import pneumatic.processor.model.Pipeline;
import pneumatic.processor.model.Role;
import pneumatic.processor.model.Shape;
import pneumatic.processor.model.Step;

/**
 * Writes the {@code XWiring} class of a valid pipeline. It reads like a careful person wrote it
 * by hand: {@code wire} creates one channel per edge and calls one {@code startX} method per
 * step, and each of those gives every worker its own handles and then drops the originals, with
 * a comment that says why.
 *
 * <p>The writer never validates: it receives only pipelines that passed every rule.
 */
public final class WiringWriter {

    /** Names of the generated class's own members and parameters, reserved before steps'. */
    private static final String RUN = "run";
    private static final String STEPS = "steps";
    private static final String IN = "in";
    private static final String OUT = "out";
    private static final String WORKER = "worker";
    private static final String INPUTS = "inputs";
    private static final String WIRING_FAILED = "wiringFailed";

    /**
     * Names a lambda parameter must not take: those the generated code uses inside lambdas,
     * which a parameter of the same name would shadow (the class it calls and the root packages
     * of qualified names), and {@code yield}, which javac takes as a name in an expression such
     * as {@code (long) yield} but Eclipse's compiler does not.
     */
    private static final String[] NOT_FOR_PARAMETERS = {"Outputs", "pneumatic", "java", "javax", "yield"};

    /** The module of {@code @Generated}, which a named module must read to compile the marker. */
    private static final String JAVA_COMPILER = "java.compiler";

    private final Elements elements;

    public WiringWriter(Elements elements) {
        this.elements = elements;
    }

    public JavaFile write(Pipeline pipeline) {
        NameAllocator names = new NameAllocator();
        for (String reserved : new String[] {RUN, "start", "wire", STEPS, WIRING_FAILED}) {
            names.newName(reserved, reserved);
        }
        Graph graph = Graph.of(pipeline, names);
        TypeSpec.Builder wiring = TypeSpec.classBuilder(pipeline.wiringName())
                .addOriginatingElement(pipeline.element());
        if (readsJavaCompiler(pipeline.element())) {
            wiring.addAnnotation(AnnotationSpec.builder(TypeNames.GENERATED)
                    .addMember("value", "$S", TypeNames.PROCESSOR)
                    .build());
        }
        Set<String> deprecations = deprecationsUsed(graph);
        if (!deprecations.isEmpty()) {
            // It calls the deprecated parts because the interface declares them; the interface,
            // not this class, is where a warning belongs. Only the warnings it would draw, as
            // Eclipse's compiler flags a suppression that suppresses nothing.
            wiring.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class)
                    .addMember("value", deprecations.size() == 1 ? "$S" : "{$S, $S}", deprecations.toArray())
                    .build());
        }
        wiring.addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc(classJavadoc(graph))
                .alwaysQualify(javaLangNamesTakenInPackage(pipeline));
        wiring.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        wiring.addMethod(runMethod(graph));
        wiring.addMethod(startMethod(graph));
        MethodSpec.Builder wire = wireMethod(graph);
        List<MethodSpec> starts = new ArrayList<>();
        for (Step step : pipeline.steps()) {
            MethodSpec start = stepMethod(graph, step, names.newName("start" + Graph.capitalized(step.name())));
            wire.addStatement(callOf(start, graph, step));
            starts.add(start);
        }
        wiring.addMethod(wire.addStatement("return $N.started()", RUN)
                .nextControlFlow("catch ($T $N)", Throwable.class, WIRING_FAILED)
                .addComment("Out of memory half-way, say: stop the workers already started, then rethrow.")
                .addStatement("$N.abandon($N)", RUN, WIRING_FAILED)
                .addStatement("throw $N", WIRING_FAILED)
                .endControlFlow()
                .build());
        wiring.addMethods(starts);
        return JavaFile.builder(pipeline.wiringName().packageName(), wiring.build())
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
    }

    /**
     * Whether the interface's module reads java.compiler, the module of {@code @Generated}. The
     * unnamed module (a class path build) reads every module; a named module reads only what it
     * requires, and there the marker would fail the wiring's compile ("package
     * javax.annotation.processing is not visible"), so the wiring goes without it. Any
     * {@code requires} will do, {@code static} too: the marker has source retention.
     */
    private boolean readsJavaCompiler(Element type) {
        ModuleElement module = elements.getModuleOf(type);
        if (module == null || module.isUnnamed()) { // null: a source version without modules
            return true;
        }
        for (ModuleElement.RequiresDirective requires : ElementFilter.requiresIn(module.getDirectives())) {
            if (readableThrough(requires.getDependency(), JAVA_COMPILER)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether requiring {@code module} makes the module {@code name} readable: it is that module,
     * or passes it on through {@code requires transitive} (as java.se does java.compiler). The
     * module graph has no cycles, so the recursion ends.
     */
    private static boolean readableThrough(ModuleElement module, String name) {
        if (module.getQualifiedName().contentEquals(name)) {
            return true;
        }
        for (ModuleElement.RequiresDirective requires : ElementFilter.requiresIn(module.getDirectives())) {
            if (requires.isTransitive() && readableThrough(requires.getDependency(), name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The simple names of java.lang classes that a type of the pipeline's own package also has:
     * {@code java.lang} imports are left out, so those must be written qualified, or the
     * package's type would be used instead.
     *
     * <p>Each java.lang name is looked up in the package; the package's members are never
     * listed. Listing them makes javac, when a source path is set (Maven always sets one), read
     * every file of the package from it again, and a file named after none of its types
     * ({@code Pipelines.java} holding {@code interface Upper}) then declares those types a second
     * time: "duplicate class", on a valid interface.
     */
    private String[] javaLangNamesTakenInPackage(Pipeline pipeline) {
        String pack = elements.getPackageOf(pipeline.element()).getQualifiedName().toString();
        String prefix = pack.isEmpty() ? "" : pack + ".";
        ModuleElement module = elements.getModuleOf(pipeline.element());
        return javaLangNames().stream()
                .filter(name -> (module == null
                        ? elements.getTypeElement(prefix + name)
                        : elements.getTypeElement(module, prefix + name)) != null)
                .toArray(String[]::new);
    }

    /** The public top-level types of java.lang, by simple name. */
    private List<String> javaLangNames() {
        // Object's package rather than getPackageElement("java.lang"), for which Eclipse's
        // compiler gives null
        PackageElement javaLang = elements.getPackageOf(elements.getTypeElement("java.lang.Object"));
        return ElementFilter.typesIn(javaLang.getEnclosedElements()).stream()
                .filter(type -> type.getModifiers().contains(Modifier.PUBLIC))
                .map(type -> type.getSimpleName().toString())
                .collect(Collectors.toList());
    }

    /**
     * The warnings the wiring would draw for what the interface declares: {@code deprecation} if
     * something it names is deprecated, {@code removal} if something it names is deprecated for
     * removal; in that order. It names the interface, each step it calls, the type of each
     * channel (what a step emits, and the first step's input where the caller feeds it) and
     * the types it casts arguments to. A step's own signature may mention more (a deprecated
     * container type, a parameter fed a subtype), which the wiring never writes: a suppression
     * for those would suppress nothing, and Eclipse's compiler warns of that.
     */
    private Set<String> deprecationsUsed(Graph graph) {
        Pipeline pipeline = graph.pipeline();
        Set<String> found = new TreeSet<>();
        deprecatedOrNestedInDeprecated(pipeline.element(), found);
        if (!pipeline.hasSource()) {
            deprecatedIn(pipeline.steps().get(0).input(), found);
        }
        for (Step step : pipeline.steps()) {
            deprecated(step.method(), found);
            if (step.output() != null) { // its elements: the type of the channel it feeds
                deprecatedIn(step.output(), found);
            }
            for (VariableElement parameter : castParameters(graph, step)) {
                deprecatedIn(parameter.asType(), found);
            }
        }
        return found;
    }

    /** The parameters of a step whose arguments the wiring casts to their type (see {@link #argument}). */
    private List<VariableElement> castParameters(Graph graph, Step step) {
        List<VariableElement> cast = new ArrayList<>();
        List<? extends VariableElement> parameters = step.method().getParameters();
        if (step.role() != Role.SOURCE && isCast(step, parameters.get(0), graph.into(step).type())) {
            cast.add(parameters.get(0));
        }
        if (step.shape() == Shape.SENDER) {
            VariableElement sender = parameters.get(parameters.size() - 1);
            if (isCast(step, sender, senderOf(graph.outOf(step)))) {
                cast.add(sender);
            }
        }
        return cast;
    }

    /** Adds the warning that using {@code element} draws, if it is deprecated. */
    private void deprecated(Element element, Set<String> found) {
        if (elements.isDeprecated(element)) {
            found.add(isForRemoval(element) ? "removal" : "deprecation");
        }
    }

    /** Whether {@code element} is {@code @Deprecated(forRemoval = true)}. */
    private static boolean isForRemoval(Element element) {
        for (AnnotationMirror annotation : element.getAnnotationMirrors()) {
            if (((TypeElement) annotation.getAnnotationType().asElement()).getQualifiedName()
                    .contentEquals("java.lang.Deprecated")) {
                for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> value
                        : annotation.getElementValues().entrySet()) {
                    if (value.getKey().getSimpleName().contentEquals("forRemoval")
                            && Boolean.TRUE.equals(value.getValue().getValue())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Adds the warnings of a type and of the types it is nested in. */
    private void deprecatedOrNestedInDeprecated(Element type, Set<String> found) {
        for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
            deprecated(e, found);
        }
    }

    /** Adds the warnings of the classes a type mentions. */
    private void deprecatedIn(TypeMirror type, Set<String> found) {
        if (type instanceof DeclaredType) {
            DeclaredType declared = (DeclaredType) type;
            // Box<Old>.Item names Old in the type it is nested in, not in its own arguments.
            deprecatedOrNestedInDeprecated(declared.asElement(), found);
            declared.getTypeArguments().forEach(argument -> deprecatedIn(argument, found));
            deprecatedIn(declared.getEnclosingType(), found);
        } else if (type instanceof ArrayType) {
            deprecatedIn(((ArrayType) type).getComponentType(), found);
        } else if (type instanceof WildcardType) {
            WildcardType wildcard = (WildcardType) type;
            if (wildcard.getExtendsBound() != null) {
                deprecatedIn(wildcard.getExtendsBound(), found);
            }
            if (wildcard.getSuperBound() != null) {
                deprecatedIn(wildcard.getSuperBound(), found);
            }
        }
    }

    private static CodeBlock classJavadoc(Graph graph) {
        Pipeline pipeline = graph.pipeline();
        StringJoiner chain = new StringJoiner(" -> ");
        if (!pipeline.hasSource()) {
            chain.add("input()");
        }
        for (Step step : pipeline.steps()) {
            chain.add(step.workers() == 1 ? step.name() : step.name() + " (" + step.workers() + " workers)");
        }
        if (!pipeline.hasSink()) {
            chain.add("output()");
        }
        return CodeBlock.builder()
                .add("Runs the {@link $T} pipeline, each step on its own threads:\n", pipeline.interfaceName())
                .add("<pre>\n$L\n</pre>\n", chain)
                .add("Generated from {@link $T}; change the interface, not this class.\n", pipeline.interfaceName())
                .build();
    }

    /** {@code RunningPipeline<I, O>} for this pipeline. */
    private static TypeName runningType(Graph graph) {
        return ParameterizedTypeName.get(TypeNames.RUNNING_PIPELINE, graph.inputType(), graph.outputType());
    }

    /** What {@code start} returns: the view of the run that fits the pipeline's open ends. */
    private static TypeName runType(Graph graph) {
        Pipeline pipeline = graph.pipeline();
        if (pipeline.hasSource() && pipeline.hasSink()) {
            return TypeNames.PIPELINE_RUN;
        }
        if (pipeline.hasSink()) {
            return ParameterizedTypeName.get(TypeNames.WITH_INPUT, graph.inputType());
        }
        if (pipeline.hasSource()) {
            return ParameterizedTypeName.get(TypeNames.WITH_OUTPUT, graph.outputType());
        }
        return ParameterizedTypeName.get(TypeNames.WITH_INPUT_AND_OUTPUT, graph.inputType(), graph.outputType());
    }

    private static MethodSpec runMethod(Graph graph) {
        Pipeline pipeline = graph.pipeline();
        MethodSpec.Builder run = MethodSpec.methodBuilder(RUN)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addParameter(pipeline.interfaceName(), STEPS)
                .addException(InterruptedException.class);
        CodeBlock.Builder javadoc = CodeBlock.builder()
                .add("Runs the pipeline to its end: starts every step, waits until all of them are done,\n")
                .add("and rethrows the first failure.\n\n")
                .add("@param $L the implementation of every step\n", STEPS);
        if (!pipeline.hasSource()) {
            run.addParameter(ParameterizedTypeName.get(TypeNames.ITERABLE,
                    WildcardTypeName.subtypeOf(graph.inputType())), INPUTS);
            javadoc.add("@param $L the values to feed the first step, sent from a thread of the run;\n", INPUTS)
                    .add("    if iterating them throws, the run fails with {@code stage()} {@code \"<input>\"}\n");
        }
        if (!pipeline.hasSink()) {
            run.returns(ParameterizedTypeName.get(TypeNames.LIST, graph.outputType()));
            javadoc.add("@return every value the last step emitted, in the order they arrived\n");
        }
        javadoc.add("@throws InterruptedException if interrupted while waiting; the run is then cancelled, and\n")
                .add("    this throws once its threads have ended (a step that ignores interrupts delays it)\n")
                // named in full, not imported: Eclipse's compiler warns of an import used only here
                .add("@throws $L if a step throws\n", TypeNames.PIPELINE_FAILED.canonicalName());
        run.addJavadoc(javadoc.build());

        run.beginControlFlow("try ($T $N = wire($N))", runningType(graph), RUN, STEPS);
        if (!pipeline.hasSource()) {
            run.addStatement("$N.feed($N)", RUN, INPUTS);
        }
        if (pipeline.hasSink()) {
            run.addStatement("$N.await()", RUN);
        } else {
            run.addStatement("$T results = $N.collect()",
                    ParameterizedTypeName.get(TypeNames.LIST, graph.outputType()), RUN);
            run.addStatement("$N.await()", RUN);
            run.addStatement("return results");
        }
        return run.endControlFlow().build();
    }

    private static MethodSpec startMethod(Graph graph) {
        Pipeline pipeline = graph.pipeline();
        CodeBlock.Builder javadoc = CodeBlock.builder()
                .add("Starts every step on its own threads and returns at once.\n\n")
                .add("@param $L the implementation of every step\n", STEPS);
        if (!pipeline.hasSource()) {
            javadoc.add("@return the run; feed it through {@code input()} and close that to end it\n");
        } else if (!pipeline.hasSink()) {
            javadoc.add("@return the run; its results come out of {@code output()}\n");
        } else {
            javadoc.add("@return the run: await it, or close it to stop it and wait for its threads\n");
        }
        return MethodSpec.methodBuilder("start")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addParameter(pipeline.interfaceName(), STEPS)
                .returns(runType(graph))
                .addJavadoc(javadoc.build())
                .addStatement("return wire($N)", STEPS)
                .build();
    }

    /** The start of {@code wire}: the run and its channels; the caller adds the steps. */
    private static MethodSpec.Builder wireMethod(Graph graph) {
        Pipeline pipeline = graph.pipeline();
        MethodSpec.Builder wire = MethodSpec.methodBuilder("wire")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addParameter(pipeline.interfaceName(), STEPS)
                .returns(runningType(graph))
                .addStatement("$T.requireNonNull($N, $S)", TypeNames.OBJECTS, STEPS, STEPS)
                .addStatement("$T $N = new $T<>($S)",
                        runningType(graph), RUN, TypeNames.RUNNING_PIPELINE, pipeline.displayName())
                .beginControlFlow("try")
                .addComment("One channel per edge, each named after the step it feeds.");
        for (Edge edge : graph.edges()) {
            wire.addStatement("$T $N = $N.channel($L)",
                    ParameterizedTypeName.get(TypeNames.CHANNEL, edge.type()), edge.variable(), RUN,
                    capacity(edge.capacity()));
        }
        if (!pipeline.hasSource()) {
            wire.addComment("The caller feeds the first step: input() is this channel's original sender.")
                    .addStatement("$N.exposeInput($N.sender())", RUN, graph.edges().get(0).variable());
        }
        if (!pipeline.hasSink()) {
            wire.addComment("The caller drains the last step: output() is this channel's original receiver.")
                    .addStatement("$N.exposeOutput($N.receiver())", RUN,
                            graph.edges().get(graph.edges().size() - 1).variable());
        }
        return wire;
    }

    private static CodeBlock capacity(int capacity) {
        return capacity == pneumatic.Stage.UNBOUNDED ? CodeBlock.of("$T.UNBOUNDED", TypeNames.STAGE) : CodeBlock.of("$L", capacity);
    }

    private static CodeBlock callOf(MethodSpec start, Graph graph, Step step) {
        CodeBlock.Builder call = CodeBlock.builder().add("$N($N, $N", start, RUN, STEPS);
        if (step.role() != Role.SOURCE) {
            call.add(", $N", graph.into(step).variable());
        }
        if (step.role() != Role.SINK) {
            call.add(", $N", graph.outOf(step).variable());
        }
        return call.add(")").build();
    }

    /** {@code startX}: starts the workers of one step, then drops the original handles. */
    private MethodSpec stepMethod(Graph graph, Step step, String methodName) {
        NameAllocator local = new NameAllocator();
        for (String reserved : new String[] {RUN, STEPS, IN, OUT, WORKER}) {
            local.newName(reserved, reserved);
        }
        for (String reserved : NOT_FOR_PARAMETERS) {
            local.newName(reserved, reserved);
        }
        String value = step.role() == Role.SOURCE
                ? null
                : local.newName(step.method().getParameters().get(0).getSimpleName().toString());
        String to = local.newName("to");

        MethodSpec.Builder method = MethodSpec.methodBuilder(methodName)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addJavadoc("{@code $L}: $L.\n", Display.method(step.method()), describe(step))
                .addParameter(ParameterizedTypeName.get(TypeNames.RUNNING_PIPELINE,
                        WildcardTypeName.subtypeOf(Object.class), WildcardTypeName.subtypeOf(Object.class)), RUN)
                .addParameter(graph.pipeline().interfaceName(), STEPS);
        if (step.role() != Role.SOURCE) {
            method.addParameter(ParameterizedTypeName.get(TypeNames.CHANNEL, graph.into(step).type()), IN);
        }
        if (step.role() != Role.SINK) {
            method.addParameter(ParameterizedTypeName.get(TypeNames.CHANNEL, graph.outOf(step).type()), OUT);
        }

        // Counted from 0 so that the loop ends for every count: "worker <= N" never turns false
        // when N is Integer.MAX_VALUE, since worker++ wraps around; the numbers still start at 1.
        String workerNumber = step.workers() == 1 ? "1" : WORKER + " + 1";
        CodeBlock start;
        switch (step.role()) {
            case SOURCE:
                start = CodeBlock.of("$N.startSource($S, $L, $N.sender().clone(), $N -> $L)",
                        RUN, step.name(), workerNumber, OUT, to, emit(graph, step, to, null));
                break;
            case STAGE:
                start = CodeBlock.of("$N.startStage($S, $L, $N.receiver().clone(), $N.sender().clone(),\n"
                                + "($N, $N) -> $L)",
                        RUN, step.name(), workerNumber, IN, OUT, value, to, emit(graph, step, to, value));
                break;
            default:
                start = CodeBlock.of("$N.startSink($S, $L, $N.receiver().clone(), $N -> $N.$N($L))",
                        RUN, step.name(), workerNumber, IN, value, STEPS, step.name(), input(graph, step, value));
        }
        if (step.workers() == 1) {
            method.addStatement(start);
        } else {
            method.beginControlFlow("for (int $N = 0; $N < $L; $N++)", WORKER, WORKER, step.workers(), WORKER)
                    .addStatement(start)
                    .endControlFlow();
        }
        addDrops(method, step);
        return method.build();
    }

    /** The comment and the calls that drop the step's original handles, and why. */
    private static void addDrops(MethodSpec.Builder method, Step step) {
        boolean one = step.workers() == 1;
        String until = one ? "this one does" : "the last of these workers does";
        switch (step.role()) {
            case SOURCE:
                method.addComment("Drop the original sender: the worker's clone is now the only one,")
                        .addComment("so the next step ends exactly when this one does.")
                        .addStatement("$N.sender().close()", OUT);
                break;
            case STAGE:
                method.addComment("Drop the originals: the $L clones are now the only handles,", one ? "worker's" : "workers'")
                        .addComment("so the next step ends exactly when $L.", until)
                        .addStatement("$N.receiver().close()", IN)
                        .addStatement("$N.sender().close()", OUT);
                break;
            default:
                method.addComment("Drop the original receiver: once the $L, the step", one ? "worker ends" : "workers end")
                        .addComment("before this one finds out at its next send.")
                        .addStatement("$N.receiver().close()", IN);
        }
    }

    /** The step's input {@code value} as its first parameter takes it (see {@link #argument}). */
    private CodeBlock input(Graph graph, Step step, String value) {
        return argument(step, step.method().getParameters().get(0), graph.into(step).type(), value);
    }

    /**
     * The argument {@code name}, of type {@code type}, as the step's parameter {@code parameter}
     * takes it: as is, or cast to the parameter's type where a call with {@code type} could
     * resolve to another method or warn. That is where the step's name is overloaded (a default,
     * static or inherited method, or one of Object's, such as {@code equals(Object)} or
     * {@code wait(long)}, could match the channel's type better than the step), and where a
     * varargs parameter would receive a subtype array (an inexact varargs call, which javac warns
     * about). Cast to its own parameter types, the step is the one best match.
     */
    private CodeBlock argument(Step step, VariableElement parameter, TypeName type, String name) {
        return isCast(step, parameter, type)
                ? CodeBlock.of("($T) $N", TypeName.get(parameter.asType()), name)
                : CodeBlock.of("$N", name);
    }

    /** Whether {@link #argument} casts an argument of type {@code type} to {@code parameter}'s type. */
    private boolean isCast(Step step, VariableElement parameter, TypeName type) {
        boolean varargs = step.method().isVarArgs() && step.method().getParameters().size() == 1;
        return !TypeName.get(parameter.asType()).equals(type) && (varargs || overloaded(step));
    }

    /** {@code Sender<T>} of the channel a step sends into, as the wiring hands it to the step. */
    private static TypeName senderOf(Edge out) {
        return ParameterizedTypeName.get(TypeNames.SENDER, out.type());
    }

    /**
     * Whether a method other than the step, of the interface or of Object, has the step's name
     * and as many parameters: only such a method takes part in the call's overload resolution
     * ({@code notify(T, Sender<R>)} does not meet Object's {@code notify()}), and a cast where
     * none competes is one javac calls redundant. A varargs method of another arity competes only
     * when no method fits without its variable arity (JLS 15.12.2, phase 3), and the step fits.
     */
    private boolean overloaded(Step step) {
        TypeElement steps = (TypeElement) step.method().getEnclosingElement();
        TypeElement object = elements.getTypeElement("java.lang.Object");
        int arguments = step.method().getParameters().size();
        return Stream.of(steps, object)
                .flatMap(type -> ElementFilter.methodsIn(elements.getAllMembers(type)).stream())
                .anyMatch(method -> method.getSimpleName().contentEquals(step.name()) && !method.equals(step.method())
                        && method.getParameters().size() == arguments);
    }

    /** How a step's result reaches its channel {@code to}, given its input {@code value}. */
    private CodeBlock emit(Graph graph, Step step, String to, String value) {
        CodeBlock call = value == null
                ? CodeBlock.of("$N.$N()", STEPS, step.name())
                : CodeBlock.of("$N.$N($L)", STEPS, step.name(), input(graph, step, value));
        switch (step.shape()) {
            case VALUE:
                return CodeBlock.of("$T.sendOne($N, $L)", TypeNames.OUTPUTS, to, call);
            case OPTIONAL:
                return CodeBlock.of("$T.sendPresent($N, $L)", TypeNames.OUTPUTS, to, call);
            case STREAM:
                return CodeBlock.of("$T.sendStream($N, $L)", TypeNames.OUTPUTS, to, call);
            case ITERABLE:
                return CodeBlock.of("$T.sendIterable($N, $L)", TypeNames.OUTPUTS, to, call);
            case ITERATOR:
                return CodeBlock.of("$T.sendIterator($N, $L)", TypeNames.OUTPUTS, to, call);
            case SENDER:
                List<? extends VariableElement> parameters = step.method().getParameters();
                CodeBlock sender = argument(step, parameters.get(parameters.size() - 1),
                        senderOf(graph.outOf(step)), to);
                return value == null
                        ? CodeBlock.of("$N.$N($L)", STEPS, step.name(), sender)
                        : CodeBlock.of("$N.$N($L, $L)", STEPS, step.name(), input(graph, step, value), sender);
            default:
                throw new IllegalArgumentException("no output for " + step.shape());
        }
    }

    private static String describe(Step step) {
        String role = step.role().name().toLowerCase();
        String threads = step.workers() == 1
                ? "on one thread"
                : "on " + step.workers() + " threads that compete for its input";
        return "the " + role + ", " + threads;
    }
}
