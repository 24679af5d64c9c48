package pneumatic.processor.diag;

import java.util.List;

/**
 * Every message the processor reports. Each starts with a stable id in brackets, says what is
 * wrong and how to fix it. The negative tests spell these texts out: they are part of the
 * user's experience.
 */
public final class Messages {

    private Messages() {}

    private static final String STAGE_SHAPES =
            "R f(T), Optional<R> f(T), Stream<R> f(T) or void f(T, Sender<R>)";

    // ---- the interface

    public static String notInterface(String name, String kind) {
        return "[Pipeline/NotInterface] @Pipeline goes on an interface, but " + name + " is " + kind
                + "; declare " + name + " as an interface whose abstract methods are the steps";
    }

    public static String privateInterface(String name, String privateOne) {
        return "[Pipeline/Visibility] " + name + " cannot be used by its generated wiring class because "
                + privateOne + " is private; make it package-private or public";
    }

    /**
     * A pipeline that no wiring class can name: declared inside {@code container} ("a method",
     * "the local class Local", "an anonymous class").
     */
    public static String localInterface(String name, String container) {
        return "[Pipeline/Visibility] " + name + " is declared inside " + container + ", where its generated wiring"
                + " class cannot see it; declare it at the top level or as a member of "
                + (container.equals("a method") ? "a class" : "a top-level class");
    }

    public static String typeParameters(String name, String parameters) {
        return "[Pipeline/TypeParameters] " + name + " declares the type parameters " + parameters
                + "; a @Pipeline interface cannot be generic, so replace them with concrete types";
    }

    public static String invalidName(String name) {
        return "[Pipeline/Name] name = \"" + name + "\" is not a valid Java class name; give the simple"
                + " name of the class to generate, such as \"" + suggestName(name) + "\"";
    }

    public static String nameTaken(String wiring, String pipeline) {
        return "[Pipeline/NameClash] the wiring class " + wiring + " of " + pipeline + " cannot be generated:"
                + " a type of that name already exists; choose another name with @Pipeline(name = \"...\")";
    }

    /** Two pipelines (or more) whose wiring classes would have the same name. */
    public static String wiringsClash(String wiring, String pipeline, List<String> others) {
        String names = others.size() == 1 ? others.get(0)
                : String.join(", ", others.subList(0, others.size() - 1)) + " and " + others.get(others.size() - 1);
        return "[Pipeline/NameClash] the wiring class " + wiring + " of " + pipeline + " cannot be generated: that is"
                + " also the name of the wiring class" + (others.size() == 1 ? "" : "es") + " of " + names
                + "; choose another name for one of them with @Pipeline(name = \"...\")";
    }

    public static String nameIsPackage(String wiring, String pipeline) {
        return "[Pipeline/NameClash] the wiring class " + wiring + " of " + pipeline + " cannot be generated:"
                + " a package of that name exists, and a class cannot share its name with a package; choose"
                + " another name with @Pipeline(name = \"...\")";
    }

    public static String nameHidesJavaLang(String name) {
        return "[Pipeline/Name] name = \"" + name + "\" would hide java.lang." + name + " from every class of"
                + " the package, the interface included; choose another name, such as \"" + name + "Wiring\"";
    }

    public static String nameIsInterface(String name) {
        return "[Pipeline/NameClash] name = \"" + name + "\" is the name of the interface itself; the"
                + " generated class needs a name of its own, such as \"" + name + "Wiring\"";
    }

    public static String noSteps(String name) {
        return "[Pipeline/Order] " + name + " has no steps; declare at least one abstract method annotated"
                + " with @Source, @Stage or @Sink";
    }

    public static String inherited(String name, String method, String from) {
        return "[Pipeline/Inherited] " + name + " inherits the abstract method " + method + " from " + from
                + "; the steps of a pipeline are declared in the @Pipeline interface itself, in order,"
                + " so redeclare " + method + " in " + name + " with its step annotation,"
                + " or give it a default body there if it is no step";
    }

    // ---- one method

    public static String unannotated(String method) {
        return "[Pipeline/Unannotated] " + method + " is abstract but is not a step; annotate it with"
                + " @Source, @Stage or @Sink, or give it a default body";
    }

    /** A method annotated with another library's annotation of a step annotation's name. */
    public static String lookAlikeAnnotation(String method, String annotation) {
        String simple = annotation.substring(annotation.lastIndexOf('.') + 1);
        return "[Pipeline/Unannotated] " + method + " is annotated with @" + annotation + ", which is not"
                + " Pneumatic's @" + simple + "; import pneumatic." + simple + " instead";
    }

    public static String twoRoles(String method, String first, String second) {
        return "[Pipeline/Unannotated] " + method + " is annotated with both @" + first + " and @" + second
                + "; a step has exactly one role, so keep one of them";
    }

    public static String notAbstract(String method, String annotation, String kind) {
        return "[Pipeline/NotAbstract] @" + annotation + " on the " + kind + " method " + method
                + " has no effect: only abstract methods are steps; remove @" + annotation
                + " or make the method abstract";
    }

    public static String genericMethod(String role, String method) {
        return "[Pipeline/" + role + "Shape] " + method + " declares type parameters; a step cannot be a"
                + " generic method, so use concrete types";
    }

    public static String rawType(String role, String method, String raw, String typeParameters) {
        return "[Pipeline/" + role + "Shape] " + method + " uses the raw type " + raw
                + ", which would make the wiring unchecked; write its type arguments, as in " + raw
                + "<" + typeParameters + ">";
    }

    /** A source's Iterable, Iterator or Stream subtype whose elements are of a raw type. */
    public static String rawElement(String role, String method, String returned, String generic, String raw,
            String typeParameters) {
        return "[Pipeline/" + role + "Shape] " + method + " returns " + returned + ", " + withArticle(generic)
                + " of the raw type " + raw + ", which would make the wiring unchecked; return "
                + withArticle(generic) + " of " + raw + "<" + typeParameters + "> with its type arguments written";
    }

    /** "an Iterable", "an Optional", "a Stream". */
    private static String withArticle(String noun) {
        return ("AEIOU".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }

    public static String elementNeedsCapture(String role, String method, String returned, String generic) {
        return "[Pipeline/" + role + "Shape] " + method + " returns " + returned + ", whose " + generic
                + " elements this compiler cannot work out: it does not implement capture conversion (Eclipse's"
                + " compiler); return " + withArticle(generic) + " of the element type, or " + returned
                + " with its type arguments written without wildcards";
    }

    public static String senderCannotSend(String role, String method, String sender) {
        return "[Pipeline/" + role + "Shape] " + method + " takes a " + sender
                + ", which cannot be sent on; declare the parameter as Sender<T> for the type T it sends";
    }

    public static String sourceTakesParameters(String method) {
        return "[Pipeline/SourceShape] " + method + " fits no source shape: a @Source produces the"
                + " pipeline's input, so it takes no parameter, or only a Sender<T> to send on";
    }

    public static String sourceReturns(String method, String returned) {
        return "[Pipeline/SourceShape] " + method + " returns " + returned + ", which fits no source shape;"
                + " return Iterable<T> (such as List<T>), Iterator<T> or Stream<T>, or declare"
                + " void " + nameOf(method) + "(Sender<T> out)";
    }

    public static String senderSourceReturns(String method, String returned) {
        return "[Pipeline/SourceShape] " + method + " takes a Sender but returns " + returned
                + "; a source that sends by itself returns void";
    }

    public static String stageTakesNothing(String method) {
        return "[Pipeline/StageShape] " + method + " takes no parameter; a @Stage takes the previous"
                + " step's output: " + STAGE_SHAPES + " (a step that only produces is a @Source)";
    }

    public static String stageReturnsVoid(String method) {
        return "[Pipeline/StageShape] " + method + " returns void, so it hands nothing on; return R,"
                + " Optional<R> or Stream<R>, or add a Sender<R> parameter to send on (a step that only"
                + " consumes is a @Sink)";
    }

    /** A stage whose one parameter is the Sender: the value it takes is missing. */
    public static String stageTakesOnlySender(String method, String sender, String senderName) {
        return "[Pipeline/StageShape] " + method + " takes only the Sender it sends on; a @Stage takes the"
                + " previous step's output first, as in void " + nameOf(method) + "(T value, " + sender + " "
                + senderName + ")";
    }

    /** A stage that takes its Sender before its value. */
    public static String stageSenderFirst(String method, String value, String valueName, String sender,
            String senderName) {
        return "[Pipeline/StageShape] " + method + " takes its Sender before the value; a stage takes the value"
                + " first and the Sender it sends on last: void " + nameOf(method) + "(" + value + " " + valueName
                + ", " + sender + " " + senderName + ")";
    }

    public static String stageSecondParameter(String method, String second) {
        return "[Pipeline/StageShape] " + method + " fits no stage shape: its second parameter is " + second
                + ", but a stage takes one value and, optionally, the Sender<R> it sends on: " + STAGE_SHAPES;
    }

    public static String senderStageReturns(String method, String returned) {
        return "[Pipeline/StageShape] " + method + " takes a Sender but returns " + returned
                + "; a stage that sends by itself returns void";
    }

    public static String stageTooManyParameters(String method) {
        return "[Pipeline/StageShape] " + method + " takes too many parameters; a stage takes one value"
                + " and, optionally, the Sender<R> it sends on: " + STAGE_SHAPES;
    }

    public static String sinkReturns(String method, String returned) {
        return "[Pipeline/SinkShape] " + method + " returns " + returned + ", but a @Sink consumes and"
                + " returns void; make it return void, or make it a @Stage to hand its result on";
    }

    public static String sinkParameters(String method) {
        return "[Pipeline/SinkShape] " + method + " fits no sink shape: a @Sink takes exactly one"
                + " parameter, the previous step's output: void f(T)";
    }

    /**
     * A type in a step's signature, or a type it is nested in (the blocker), is private. The
     * wiring is a top-level class of its own, outside every private type's scope.
     */
    public static String privateStepType(String method, String type, String blocker, String wiring,
            boolean samePackage) {
        return outOfReach(method, type, blocker, "private", wiring) + "; make " + simpleName(blocker)
                + (samePackage ? " package-private or public" : " public");
    }

    /** The blocker is package-private, in another package than the wiring's. */
    public static String packagePrivateStepType(String method, String type, String blocker, String pack,
            String wiring) {
        return outOfReach(method, type, blocker, "package-private in package " + pack, wiring)
                + "; make " + simpleName(blocker) + " public";
    }

    /** The blocker is protected in another package, and the wiring is no subclass of its owner. */
    public static String protectedStepType(String method, String type, String blocker, String pack,
            String owner, String wiring) {
        return outOfReach(method, type, blocker, "protected in package " + pack, wiring)
                + " (it is neither in package " + pack + " nor a subclass of " + owner + "); make "
                + simpleName(blocker) + " public";
    }

    private static String outOfReach(String method, String type, String blocker, String access, String wiring) {
        return "[Pipeline/Visibility] " + method + " uses " + type
                + (type.equals(blocker) ? ", which is " : ", whose enclosing type " + blocker + " is ") + access
                + ", so the generated " + wiring + " cannot name it";
    }

    // ---- the chain

    public static String secondSource(String method, String first) {
        return "[Pipeline/Order] " + method + " is a second @Source (the first is " + first + ");"
                + " a pipeline has at most one source, so remove " + method + " or produce its values in "
                + first;
    }

    public static String sourceNotFirst(String method, String before) {
        return "[Pipeline/Order] " + method + " is the @Source but comes after " + before
                + "; the source is the first step, so declare it first";
    }

    public static String secondSink(String method, String first) {
        return "[Pipeline/Order] " + method + " is a second @Sink (the first is " + first + ");"
                + " a pipeline has at most one sink, so remove " + method + " or make " + first
                + " a @Stage that returns the value it takes";
    }

    public static String sinkNotLast(String method, String after) {
        return "[Pipeline/Order] " + method + " is the @Sink but " + after + " comes after it;"
                + " the sink is the last step, so declare it last";
    }

    public static String typeMismatch(
            String consumer, String produced, String producer, String producerName, String fix) {
        return "[Pipeline/TypeMismatch] " + consumer + " cannot take the " + produced + " that " + producer
                + " emits; change the parameter to " + produced + " or make " + producerName + " " + fix;
    }

    /** The fix of a type mismatch that changes what the producer returns. */
    public static String returnInstead(String type) {
        return "return " + type;
    }

    /** The fix of a producer that returns a whole List (or array) of what the next step takes. */
    public static String returnEachElement(String stream, String whole) {
        return "return " + stream + ", which hands on each element instead of the whole " + whole;
    }

    /** The fix of a type mismatch after a source that sends. */
    public static String sendOn(String sender) {
        return "send on a " + sender;
    }

    /**
     * A step whose input parameter is a Sender, where the step before emits no Senders: it meant
     * to take the values; making the producer emit Senders would be no fix.
     */
    public static String senderForValues(String consumer, String produced, String producer) {
        return "[Pipeline/TypeMismatch] " + consumer + " cannot take the " + produced + " that " + producer
                + " emits; a step is handed the values themselves, not a Sender, so change the parameter to "
                + produced;
    }

    public static String sameName(String method, String first) {
        return "[Pipeline/NameClash] " + method + " is a second step named " + nameOf(method) + " (the first is "
                + first + "); a step's name names its threads and its part of the wiring, so give each"
                + " step a name of its own";
    }

    public static String workers(int workers, String method) {
        return "[Pipeline/Workers] workers = " + workers + " on " + method + "; a step runs on at least one"
                + " thread, so use workers = 1 or more";
    }

    public static String capacity(int capacity, String method) {
        return "[Pipeline/Capacity] capacity = " + capacity + " on " + method + "; use 0 for a rendezvous,"
                + " a positive capacity, or Stage.UNBOUNDED (-1) for no limit";
    }

    public static String orphan(String annotation, String method, String owner) {
        return "[Pipeline/Orphan] @" + annotation + " on " + method + " has no effect, because " + owner
                + " is not annotated with @Pipeline; add @Pipeline to " + owner + ", or remove @" + annotation;
    }

    // ---- the processor itself

    public static String undefined(String name, String missing) {
        return "[Pipeline/Undefined] " + name + " refers to " + missing + ", which is still undefined after"
                + " every annotation processor ran; if another processor should generate it, check that it"
                + " is on the processor path, otherwise fix the type";
    }

    public static String undefinedValue(String name, String attribute) {
        return "[Pipeline/Undefined] javac could not evaluate the " + attribute + " value of " + name
                + " (see its error there); use a compile-time constant of the attribute's type, such as a"
                + " literal or a static final field that exists";
    }

    /** The processor path holds the processor but not a library it needs. */
    public static String missingDependency(String className) {
        return "[Pipeline/Setup] the Pipeline processor cannot run: the class " + className + " is not on the"
                + " processor path; put pneumatic-processor there with its dependencies"
                + " (com.palantir.javapoet:javapoet), as Maven's annotationProcessorPaths does, not its jar alone";
    }

    public static String internal(String name, String stackTrace) {
        return internalFailure("on " + name, stackTrace);
    }

    public static String internalWhile(String task, String stackTrace) {
        return internalFailure("while " + task, stackTrace);
    }

    private static String internalFailure(String where, String stackTrace) {
        return "[Pipeline/Internal] the Pipeline processor failed " + where + ". This is a bug in"
                + " Pneumatic, not in your code; please report it with this stack trace:\n" + stackTrace;
    }

    /** {@code Hidden} of {@code Outer.Hidden}. */
    private static String simpleName(String nestedName) {
        return nestedName.substring(nestedName.lastIndexOf('.') + 1);
    }

    private static String nameOf(String method) {
        int paren = method.indexOf('(');
        return paren < 0 ? method : method.substring(0, paren);
    }

    /** A valid class name close to an invalid one. */
    private static String suggestName(String name) {
        if (javax.lang.model.SourceVersion.isIdentifier(name)) {
            // A keyword or a restricted name ("class", "var"): capitalized alone, it could be a
            // java.lang class ("Record").
            return Character.toUpperCase(name.charAt(0)) + name.substring(1) + "Wiring";
        }
        StringBuilder suggestion = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (suggestion.length() == 0 ? Character.isJavaIdentifierStart(c) : Character.isJavaIdentifierPart(c)) {
                suggestion.append(c);
            }
        }
        if (suggestion.length() == 0) {
            return "MyWiring";
        }
        suggestion.setCharAt(0, Character.toUpperCase(suggestion.charAt(0)));
        return suggestion.toString();
    }
}
