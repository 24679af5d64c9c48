package pneumatic.processor;

import com.google.auto.service.AutoService;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.FilerException;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;
import pneumatic.processor.codegen.WiringWriter;
import pneumatic.processor.diag.Display;
import pneumatic.processor.diag.Messages;
import pneumatic.processor.diag.Report;
import pneumatic.processor.model.Pipeline;
import pneumatic.processor.model.Role;
import pneumatic.processor.parse.Annotations;
import pneumatic.processor.parse.PipelineParser;
import pneumatic.processor.parse.UndefinedTypes;
import pneumatic.processor.parse.UnresolvedAnnotations;
import pneumatic.processor.validate.Validator;

/**
 * Generates the {@code XWiring} class of every {@code @Pipeline} interface.
 *
 * <p>For each annotated type, in each round:
 * <ol>
 *   <li>If its method signatures mention types that do not exist yet, set it aside: another
 *       processor may generate them in a later round. In the last round, report what is still
 *       missing ({@code [Pipeline/Undefined]}), then go on with the steps below all the same,
 *       without writing anything, so that the same compile shows every mistake that does not
 *       depend on the missing types.</li>
 *   <li>Check the type itself ({@link Validator#checkType}); stop if it is not a pipeline
 *       interface that can be parsed.</li>
 *   <li>Parse it into a {@link Pipeline} ({@link PipelineParser}), reporting each method that is
 *       not a well-formed step.</li>
 *   <li>Check the chain ({@link Validator#checkChain}).</li>
 * </ol>
 * Then, once every interface of the round is checked, write the wiring class of each one of
 * which nothing was reported ({@link WiringWriter}), unless its name is taken: by the wiring of
 * another interface, which gets the same error, or by a type or a package that exists.
 * Every error of an interface is reported in the same compile, in the order of its source
 * ({@link Report}). Nothing is ever thrown into javac:
 * a failure of the processor itself becomes an error ({@code [Pipeline/Internal]}) on the
 * interface it was handling, or without an element when it was handling none.
 * A step annotation outside a {@code @Pipeline} interface is an error too
 * ({@code [Pipeline/Orphan]}), since it would silently do nothing.
 *
 * <p>It claims its own four annotations, and {@code @Generated} ({@link #process} returns
 * {@code true}): javac warns under {@code -Xlint:all} about every annotation no processor claims,
 * including the {@code @Generated} on the classes written here, which would break the builds of
 * users who also pass {@code -Werror}. No other processor has business with these.
 */
@AutoService(Processor.class)
public final class PipelineProcessor extends AbstractProcessor {

    private static final String PIPELINE = Annotations.PIPELINE;
    private static final String GENERATED = "javax.annotation.processing.Generated";
    private static final Set<String> STEP_ANNOTATIONS =
            Arrays.stream(Role.values()).map(Role::annotationName).collect(Collectors.toUnmodifiableSet());

    /**
     * Interfaces set aside for a later round, by name, each with its element of the round that
     * set it aside: the element is looked up again by name, as javac's elements of an earlier
     * round may be stale, and the kept one is used only when that lookup does not find the
     * interface (Eclipse's compiler takes a {@code $} in a name for a nested class's separator,
     * and its elements stay valid from round to round).
     */
    private final Map<String, TypeElement> deferred = new LinkedHashMap<>();

    /** Interfaces already handled, so none is written twice. */
    private final Set<String> done = new LinkedHashSet<>();

    /**
     * The wirings written so far, by qualified name, each with the name of its interface: a
     * pipeline of a later round whose wiring would have that name is told which one has it.
     * Only {@link #write} adds to it.
     */
    private final Map<String, String> written = new LinkedHashMap<>();

    /** Reports the pipelines javac does not hand over; null when the compiler is not javac. */
    private LocalPipelines localPipelines;

    /** Finds the annotations javac could not resolve, such as a step annotation never imported. */
    private UnresolvedAnnotations unresolved;

    @Override
    public synchronized void init(ProcessingEnvironment environment) {
        super.init(environment);
        localPipelines = LocalPipelines.of(environment);
        unresolved = UnresolvedAnnotations.of(environment);
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        Set<String> supported = new LinkedHashSet<>(STEP_ANNOTATIONS);
        supported.add(PIPELINE);
        supported.add(GENERATED);
        return supported;
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    /**
     * Handles one round. Each part is guarded on its own, so that none can throw into javac: a
     * failure while handling an interface becomes an error on it, any other failure an error
     * without an element ({@code [Pipeline/Internal]}).
     */
    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        List<Pipeline> valid = new ArrayList<>();
        try {
            boolean last = round.processingOver();
            for (TypeElement type : pipelinesOf(round)) {
                Pipeline pipeline = processSafely(type, last);
                if (pipeline != null) {
                    valid.add(pipeline);
                }
            }
        } catch (Throwable failure) {
            reportInternal("looking for @Pipeline interfaces", failure);
        }
        try {
            writeAll(valid);
        } catch (Throwable failure) {
            reportInternal("writing the wiring classes", failure);
        }
        try {
            if (localPipelines != null) {
                localPipelines.report(round.getRootElements());
            }
        } catch (Throwable failure) {
            reportInternal("looking for @Pipeline interfaces declared inside methods", failure);
        }
        try {
            reportOrphans(annotations, round);
        } catch (Throwable failure) {
            reportInternal("looking for step annotations outside @Pipeline interfaces", failure);
        }
        return true;
    }

    /** The interfaces set aside before, then those annotated in this round. */
    private Set<TypeElement> pipelinesOf(RoundEnvironment round) {
        Set<TypeElement> todo = new LinkedHashSet<>();
        deferred.forEach((name, kept) -> {
            TypeElement again = processingEnv.getElementUtils().getTypeElement(name);
            todo.add(again != null && again.getQualifiedName().contentEquals(name) ? again : kept);
        });
        deferred.clear();
        TypeElement annotation = processingEnv.getElementUtils().getTypeElement(PIPELINE);
        if (annotation != null) {
            for (Element element : round.getElementsAnnotatedWith(annotation)) {
                if (element instanceof TypeElement) {
                    todo.add((TypeElement) element);
                }
            }
        }
        return todo;
    }

    /**
     * Step annotations on methods of types that are not {@code @Pipeline}: they would do nothing.
     * A type with an annotation javac could not resolve is left alone: javac reports that one.
     * Each type's are reported in the order of its source, whichever annotation they carry.
     */
    private void reportOrphans(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        Map<TypeElement, Report> byOwner = new LinkedHashMap<>();
        for (TypeElement annotation : annotations) {
            if (!STEP_ANNOTATIONS.contains(annotation.getQualifiedName().toString())) {
                continue;
            }
            for (Element element : round.getElementsAnnotatedWith(annotation)) {
                Element owner = element.getEnclosingElement();
                // an annotation javac cannot resolve may be a @Pipeline whose import is missing
                if (owner instanceof TypeElement && Annotations.find(owner, PIPELINE).isEmpty()
                        && unresolved.on(owner).isEmpty()) {
                    byOwner.computeIfAbsent((TypeElement) owner, type -> new Report(processingEnv.getMessager(), type))
                            .error(element,
                                    Annotations.find(element, annotation.getQualifiedName().toString()).orElse(null),
                                    null, Messages.orphan(annotation.getSimpleName().toString(),
                                            Display.of(element), owner.getSimpleName().toString()));
                }
            }
        }
        byOwner.values().forEach(Report::flush); // a failure here is process()'s to report
    }

    /**
     * Checks a type, or sets it aside while it mentions undefined types.
     *
     * @param last whether this is the last round, in which nothing is set aside any more
     * @return the pipeline, if it is valid and its wiring is to be written; else null
     */
    private Pipeline processSafely(TypeElement type, boolean last) {
        String name = type.getQualifiedName().toString();
        if (done.contains(name)) {
            return null;
        }
        Report report = new Report(processingEnv.getMessager(), type);
        try {
            List<UndefinedTypes.Undefined> missing = UndefinedTypes.in(type, unresolved);
            if (missing.isEmpty()) {
                done.add(name);
                return processType(type, true, report);
            } else if (!last) {
                deferred.put(name, type);
            } else {
                done.add(name);
                reportUndefined(missing, report);
                processType(type, false, report);
            }
        } catch (Throwable failure) {
            done.add(name);
            reportInternal(type, failure);
        } finally {
            flush(report, type);
        }
        return null;
    }

    /**
     * Writes the wiring of every valid pipeline of the round, once its name is known to be free.
     * Pipelines whose wirings would share a name ({@code Outer_Inner} and {@code Outer.Inner}, or
     * {@code @Pipeline(name = "AWiring")} beside {@code A}) each get an error naming the others, and
     * none of them is written: which one would win is no better than chance, and asking javac's
     * Filer for a file twice is a warning of its own.
     */
    private void writeAll(List<Pipeline> pipelines) {
        Map<String, List<Pipeline>> byWiring = new LinkedHashMap<>();
        for (Pipeline pipeline : pipelines) {
            byWiring.computeIfAbsent(pipeline.wiringName().canonicalName(), name -> new ArrayList<>()).add(pipeline);
        }
        for (List<Pipeline> sharing : byWiring.values()) {
            for (Pipeline pipeline : sharing) {
                writeSafely(pipeline, sharing);
            }
        }
    }

    /** Writes one wiring, or reports why not; {@code sharing} are the pipelines of the round with its name. */
    private void writeSafely(Pipeline pipeline, List<Pipeline> sharing) {
        TypeElement type = pipeline.element();
        Report report = new Report(processingEnv.getMessager(), type);
        try {
            String wiring = pipeline.wiringName().canonicalName();
            List<String> others = new ArrayList<>();
            sharing.stream().filter(other -> other != pipeline).forEach(other -> others.add(name(other.element())));
            String earlier = written.get(wiring);
            if (earlier != null) { // an interface of an earlier round
                others.add(earlier);
            }
            if (others.isEmpty()) {
                write(pipeline, report);
            } else {
                reportNameClash(type, report, Messages.wiringsClash(wiring, name(type), others));
            }
        } catch (Throwable failure) {
            reportInternal(type, failure);
        } finally {
            flush(report, type);
        }
    }

    /** How a name clash shows an interface: {@code Outer.Inner}, beside an {@code Outer_Inner}. */
    private static String name(TypeElement type) {
        return Display.nestedName(type);
    }

    /** A failure of the processor while handling one interface: an error on the interface. */
    private void reportInternal(TypeElement type, Throwable failure) {
        String missing = missingClass(failure);
        processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, missing != null
                ? Messages.missingDependency(missing)
                : Messages.internal(type.getSimpleName().toString(), stackTrace(failure)), type);
    }

    /**
     * The class that a failure says the processor path lacks, or null: a class of a library the
     * processor needs (JavaPoet), which is missing when the processor jar was put on the
     * processor path without its dependencies. That is a setup to fix, not a bug to report.
     */
    private static String missingClass(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof NoClassDefFoundError && t.getMessage() != null) {
                String name = t.getMessage().replace('/', '.');
                return name.startsWith("pneumatic.") ? null : name;
            }
        }
        return null;
    }

    /** Hands a type's errors to javac; a failure there, too, becomes an error on the type. */
    private void flush(Report report, TypeElement type) {
        try {
            report.flush();
        } catch (Throwable failure) {
            reportInternal(type, failure);
        }
    }

    /** A failure of the processor outside any one interface: an error without an element. */
    private void reportInternal(String task, Throwable failure) {
        String missing = missingClass(failure);
        processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, missing != null
                ? Messages.missingDependency(missing)
                : Messages.internalWhile(task, stackTrace(failure)));
    }

    private static String stackTrace(Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }

    /**
     * Checks a type.
     *
     * @param write {@code false} for a type that still mentions undefined types: it is checked
     *     (the parser and the rules leave alone whatever those types decide), never written
     * @param report where the type's errors go
     * @return the pipeline, if it is valid and {@code write} allows writing its wiring; else null
     */
    private Pipeline processType(TypeElement type, boolean write, Report report) {
        Validator validator = new Validator(processingEnv.getElementUtils(), processingEnv.getTypeUtils());
        if (!validator.checkType(type, report)) {
            return null;
        }
        Pipeline pipeline =
                new PipelineParser(processingEnv.getElementUtils(), processingEnv.getTypeUtils(), unresolved)
                        .parse(type, report);
        validator.checkChain(pipeline, report);
        return report.hasErrors() || !write ? null : pipeline;
    }

    /**
     * Writes the wiring of a valid pipeline, unless a type or a package of its name exists; the
     * caller has made sure that no other pipeline of this compile has a wiring of that name.
     */
    private void write(Pipeline pipeline, Report report) throws IOException {
        TypeElement type = pipeline.element();
        String wiring = pipeline.wiringName().canonicalName();
        TypeElement existing = processingEnv.getElementUtils().getTypeElement(wiring);
        if (existing != null && !isEarlierWiringOf(existing, type)) {
            // a class of the class path, which javac's Filer would only warn about before
            // hiding it behind the wiring; a source file of this compile, which it refuses
            reportNameClash(type, report, Messages.nameTaken(wiring, type.getSimpleName().toString()));
            return;
        }
        if (packageExists(wiring)) {
            // a class and a package of one name cannot both exist; javac would reject the wiring
            reportNameClash(type, report, Messages.nameIsPackage(wiring, type.getSimpleName().toString()));
            return;
        }
        try {
            new WiringWriter(processingEnv.getElementUtils()).write(pipeline).writeTo(processingEnv.getFiler());
            written.put(wiring, name(type));
        } catch (FilerException taken) { // a file of that name, which another processor wrote in this round
            reportNameClash(type, report, Messages.nameTaken(wiring, type.getSimpleName().toString()));
        }
    }

    /**
     * Whether a package of that name exists, as far as this compiler can tell without harm.
     * Eclipse's compiler gives a package element for any name it is asked about, and from then
     * on treats that package as existing, so that asking about the wiring's name would itself
     * make the wiring collide with a package; there the check is left out, and a real clash is
     * Eclipse's own error on the wiring ("collides with a package").
     */
    private boolean packageExists(String name) {
        return !isEclipseCompiler() && processingEnv.getElementUtils().getPackageElement(name) != null;
    }

    private boolean isEclipseCompiler() {
        return processingEnv.getClass().getName().startsWith("org.eclipse.jdt.");
    }

    /** {@code [Pipeline/NameClash]}, on the name given in {@code @Pipeline(name)}, if any. */
    private static void reportNameClash(TypeElement type, Report report, String message) {
        AnnotationMirror annotation = Annotations.find(type, PIPELINE).orElse(null);
        report.error(type, annotation, annotation == null ? null : Annotations.explicitValue(annotation, "name"),
                message);
    }

    /**
     * Whether {@code existing} is the wiring of {@code type} from an earlier build (a class file
     * in the output directory that is on the class path), which is to be written again: it has
     * the {@code start} method of that interface's wiring.
     */
    private boolean isEarlierWiringOf(TypeElement existing, TypeElement type) {
        Types types = processingEnv.getTypeUtils();
        return ElementFilter.methodsIn(existing.getEnclosedElements()).stream()
                .anyMatch(method -> method.getSimpleName().contentEquals("start")
                        && method.getModifiers().contains(Modifier.STATIC)
                        && method.getParameters().size() == 1
                        && types.isSameType(method.getParameters().get(0).asType(), type.asType()));
    }

    /**
     * In the last round: what a set-aside interface still misses, on the element that mentions
     * it. Where javac's own error says it better, it alone is reported.
     */
    private void reportUndefined(List<UndefinedTypes.Undefined> missing, Report report) {
        for (UndefinedTypes.Undefined undefined : missing) {
            switch (undefined.kind()) {
                case TYPE:
                    report.error(undefined.where(),
                            Messages.undefined(Display.of(undefined.where()), undefined.name()));
                    break;
                case VALUE:
                    report.error(undefined.where(),
                            Messages.undefinedValue(Display.of(undefined.where()), undefined.name()));
                    break;
                default: // OUTER_TYPE_VARIABLE, UNNAMED, ANNOTATION: javac's own error is the one to read
            }
        }
    }
}
