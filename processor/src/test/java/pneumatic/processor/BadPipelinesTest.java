package pneumatic.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * One test per fixture in {@code src/test/resources/bad/}: each fixture holds one mistake (except
 * {@code ManyMistakes}), and its test asserts the compile error that the user sees: the id, the
 * whole message (the text is part of the user's experience, see {@code diag.Messages}), the line
 * of the narrowest element (the annotation value, the parameter, else the method), the exact
 * number of errors (so that a cascade of follow-up errors shows up), and that no wiring class was
 * written.
 *
 * <p>Where a fixture puts an annotation value or a parameter on a line of its own, that is so
 * {@code onLineContaining} proves the caret lands on that element and not on the method.
 *
 * <p>{@code bad/elsewhere/} holds no fixtures: it is the other package that some fixtures use.
 */
class BadPipelinesTest {

    // ---- the interface

    @Test
    void rejectsPipelineOnAClass() {
        Attempt a = compile("PipelineOnClass");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/NotInterface] @Pipeline goes on an interface, but"
                        + " PipelineOnClass is a class; declare PipelineOnClass as an interface whose abstract"
                        + " methods are the steps")
                .inFile(a.file).onLineContaining("@Pipeline");
        assertThat(a.compilation).hadErrorCount(1);
        a.assertNoWiringWritten();
    }

    @Test
    void rejectsPipelineOnAnEnum() {
        Attempt a = compile("PipelineOnEnum");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/NotInterface] @Pipeline goes on an interface, but"
                        + " PipelineOnEnum is an enum; declare PipelineOnEnum as an interface whose abstract"
                        + " methods are the steps")
                .inFile(a.file).onLineContaining("@Pipeline");
        assertThat(a.compilation).hadErrorCount(1);
        a.assertNoWiringWritten();
    }

    @Test
    void rejectsPipelineOnARecord() {
        Attempt a = compile("PipelineOnRecord");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/NotInterface] @Pipeline goes on an interface, but"
                        + " PipelineOnRecord is a record; declare PipelineOnRecord as an interface whose abstract"
                        + " methods are the steps")
                .inFile(a.file).onLineContaining("@Pipeline");
        assertThat(a.compilation).hadErrorCount(1);
        a.assertNoWiringWritten();
    }

    @Test
    void rejectsPipelineOnAnAnnotationType() {
        Attempt a = compile("PipelineOnAnnotationType");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/NotInterface] @Pipeline goes on an interface, but"
                        + " PipelineOnAnnotationType is an annotation type; declare PipelineOnAnnotationType as an"
                        + " interface whose abstract methods are the steps")
                .inFile(a.file).onLineContaining("@Pipeline");
        assertThat(a.compilation).hadErrorCount(1);
        a.assertNoWiringWritten();
    }

    @Test
    void rejectsPrivateNestedInterface() {
        Attempt a = compile("PrivateNestedInterface");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/Visibility] Steps cannot be used by its generated"
                        + " wiring class because Steps is private; make it package-private or public")
                .inFile(a.file).onLineContaining("private interface Steps {");
        assertThat(a.compilation).hadErrorCount(1);
        a.assertNoWiringWritten();
    }

    @Test
    void rejectsInterfaceInsideAPrivateClass() {
        Attempt a = compile("InterfaceInPrivateClass");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/Visibility] Steps cannot be used by its generated"
                        + " wiring class because its enclosing type Hidden is private; make it package-private or"
                        + " public")
                .inFile(a.file).onLineContaining("interface Steps {");
        assertThat(a.compilation).hadErrorCount(1);
        a.assertNoWiringWritten();
    }

    /**
     * Found in javac's syntax trees, which javac does not hand to a processor whose environment
     * is wrapped (as the recording one of the other tests is, and as Gradle's is): this one
     * compiles with the processor as javac gives it.
     */
    @Test
    void rejectsInterfaceDeclaredInsideAMethod() {
        JavaFileObject file = JavaFileObjects.forResource("bad/LocalInterface.java");
        Compilation compilation = Compiler.javac().withProcessors(new PipelineProcessor()).compile(file);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("[Pipeline/Visibility] Steps is declared inside a method, where"
                        + " its generated wiring class cannot see it; declare it at the top level or as a member"
                        + " of a class")
                .inFile(file).onLineContaining("interface Steps {");
        assertThat(compilation).hadErrorCount(1);
    }

    /** A member of a local class is out of reach too; javac's own environment, as for LocalInterface. */
    @Test
    void rejectsInterfaceDeclaredInsideALocalClass() {
        JavaFileObject file = JavaFileObjects.forResource("bad/InterfaceInLocalClass.java");
        Compilation compilation = Compiler.javac().withProcessors(new PipelineProcessor()).compile(file);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("[Pipeline/Visibility] Steps is declared inside the local class"
                        + " Local, where its generated wiring class cannot see it; declare it at the top level or as"
                        + " a member of a top-level class")
                .inFile(file).onLineContaining("interface Steps {");
        assertThat(compilation).hadErrorCount(1);
    }

    /** And a member of an anonymous class, even one outside any method (a field's initializer). */
    @Test
    void rejectsInterfaceDeclaredInsideAnAnonymousClass() {
        JavaFileObject file = JavaFileObjects.forResource("bad/InterfaceInAnonymousClass.java");
        Compilation compilation = Compiler.javac().withProcessors(new PipelineProcessor()).compile(file);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("[Pipeline/Visibility] Steps is declared inside an anonymous"
                        + " class, where its generated wiring class cannot see it; declare it at the top level or as"
                        + " a member of a top-level class")
                .inFile(file).onLineContaining("interface Steps {");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void rejectsPrivateTypeInStepSignaturesOnEachMention() {
        Attempt a = compile("StepUsesPrivateType");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/Visibility] items() uses StepUsesPrivateType.Hidden,"
                        + " which is private, so the generated StepUsesPrivateType_StepsWiring cannot name it; make"
                        + " Hidden package-private or public")
                .inFile(a.file).onLineContaining("@Source List<Hidden> items();");
        assertThat(a.compilation).hadErrorContaining("[Pipeline/Visibility] take(Hidden) uses"
                        + " StepUsesPrivateType.Hidden, which is private, so the generated"
                        + " StepUsesPrivateType_StepsWiring cannot name it; make Hidden package-private or public")
                .inFile(a.file).onLineContaining("Hidden h);");
        assertThat(a.compilation).hadErrorCount(2);
        a.assertNoWiringWritten();
    }

    /** The return type's errors go on the method, a parameter's on the parameter. */
    @Test
    void rejectsPrivateTypeInsideSendersOptionalsStreamsAndArrays() {
        Attempt a = compile("PrivateTypeWrappedInOtherTypes");
        assertThat(a.compilation).failed();
        String usesHidden = " uses PrivateTypeWrappedInOtherTypes.Hidden, which is private, so the generated"
                + " PrivateTypeWrappedInOtherTypes_StepsWiring cannot name it; make Hidden package-private or public";
        assertThat(a.compilation).hadErrorContaining("[Pipeline/Visibility] items(Sender<Hidden>)" + usesHidden)
                .inFile(a.file).onLineContaining("Sender<Hidden> items);");
        assertThat(a.compilation).hadErrorContaining("[Pipeline/Visibility] present(Object)" + usesHidden)
                .inFile(a.file).onLineContaining("@Stage Optional<Hidden> present(Object item);");
        assertThat(a.compilation).hadErrorContaining("[Pipeline/Visibility] spread(Object)" + usesHidden)
                .inFile(a.file).onLineContaining("@Stage Stream<? extends Hidden> spread(Object item);");
        assertThat(a.compilation).hadErrorContaining("[Pipeline/Visibility] gather(Object)" + usesHidden)
                .inFile(a.file).onLineContaining("@Stage Hidden[] gather(Object item);");
        String relay = "[Pipeline/Visibility] relay(Hidden[], Sender<Hidden>)" + usesHidden;
        assertThat(a.compilation).hadErrorContaining(relay).inFile(a.file).onLineContaining("Hidden[] batch,");
        assertThat(a.compilation).hadErrorContaining(relay).inFile(a.file).onLineContaining("Sender<Hidden> relayed);");
        assertThat(a.compilation).hadErrorContaining("[Pipeline/Visibility] take(Hidden)" + usesHidden)
                .inFile(a.file).onLineContaining("Hidden item);");
        assertThat(a.compilation).hadErrorCount(7);
        a.assertNoWiringWritten();
    }

    @Test
    void rejectsStepTypeNestedInAPrivateClassNamingThatClass() {
        Attempt a = compile("StepUsesTypeInsideAPrivateClass");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/Visibility] take(Rows.Row) uses"
                        + " StepUsesTypeInsideAPrivateClass.Rows.Row, whose enclosing type"
                        + " StepUsesTypeInsideAPrivateClass.Rows is private, so the generated"
                        + " StepUsesTypeInsideAPrivateClass_StepsWiring cannot name it; make Rows package-private or"
                        + " public")
                .inFile(a.file).onLineContaining("Rows.Row row);");
        assertThat(a.compilation).hadErrorCount(1);
        a.assertNoWiringWritten();
    }

    /** One mistake, one error: the private class is reported on the interface, not again per step type. */
    @Test
    void reportsAPrivateClassAroundTheInterfaceOnceWhenStepTypesShareIt() {
        Attempt a = compile("InterfaceAndStepTypeInPrivateClass");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/Visibility] Steps cannot be used by its generated"
                        + " wiring class because its enclosing type Hidden is private; make it package-private or"
                        + " public")
                .inFile(a.file).onLineContaining("interface Steps {");
        assertThat(a.compilation).hadErrorCount(1);
        a.assertNoWiringWritten();
    }

    @Test
    void rejectsProtectedTypeInheritedFromAClassOfAnotherPackage() {
        Attempt a = compile("StepUsesProtectedTypeOfAnotherPackage", "bad/elsewhere/Table.java");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/Visibility] rows() uses Table.Row, which is protected"
                        + " in package fixtures.elsewhere, so the generated"
                        + " StepUsesProtectedTypeOfAnotherPackage_StepsWiring cannot name it (it is neither in"
                        + " package fixtures.elsewhere nor a subclass of Table); make Row public")
                .inFile(a.file).onLineContaining("@Source Stream<Row> rows();");
        assertThat(a.compilation).hadErrorContaining("[Pipeline/Visibility] take(Row) uses Table.Row, which is"
                        + " protected in package fixtures.elsewhere, so the generated"
                        + " StepUsesProtectedTypeOfAnotherPackage_StepsWiring cannot name it (it is neither in"
                        + " package fixtures.elsewhere nor a subclass of Table); make Row public")
                .inFile(a.file).onLineContaining("Row row);");
        assertThat(a.compilation).hadErrorCount(2);
        a.assertNoWiringWritten();
    }

    /** The source says Catalog.Entry, but the wiring names a type by the class that declares it. */
    @Test
    void rejectsPublicTypeOfAPackagePrivateClassOfAnotherPackage() {
        Attempt a = compile("StepUsesTypeOfAPackagePrivateClass", "bad/elsewhere/Catalog.java");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/Visibility] take(Entries.Entry) uses Entries.Entry,"
                        + " whose enclosing type Entries is package-private in package fixtures.elsewhere, so the"
                        + " generated StepUsesTypeOfAPackagePrivateClassWiring cannot name it; make Entries public")
                .inFile(a.file).onLineContaining("Catalog.Entry entry);");
        assertThat(a.compilation).hadErrorCount(1);
        a.assertNoWiringWritten();
    }

    /** The wiring names a source's elements too, where only the source's Iterable supertype does. */
    @Test
    void rejectsSourceWhoseElementsAreOfATypeTheWiringCannotName() {
        Attempt a = compile("SourceOfElementsOfAHiddenType", "bad/elsewhere/Shelf.java");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/Visibility] books() uses Shelf.Book, which is"
                        + " package-private in package fixtures.elsewhere, so the generated"
                        + " SourceOfElementsOfAHiddenType_StepsWiring cannot name it; make Book public")
                .inFile(a.file).onLineContaining("@Source Shelf books();");
        assertThat(a.compilation).hadErrorContaining("[Pipeline/Visibility] secrets() uses"
                        + " SourceOfElementsOfAHiddenType.Secret, which is private, so the generated"
                        + " SourceOfElementsOfAHiddenType_OthersWiring cannot name it; make Secret package-private"
                        + " or public")
                .inFile(a.file).onLineContaining("@Source Secrets secrets();");
        assertThat(a.compilation).hadErrorCount(2);
        a.assertNoWiringWritten();
    }

    @Test
    void rejectsGenericInterfaceOnItsTypeParameter() {
        Attempt a = compile("GenericPipeline");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/TypeParameters] GenericPipeline declares the type"
                        + " parameters <T>; a @Pipeline interface cannot be generic, so replace them with concrete"
                        + " types")
                .inFile(a.file).onLineContaining("<T> {");
        assertThat(a.compilation).hadErrorCount(1);
        a.assertNoWiringWritten();
    }

    @Test
    void rejectsInvalidWiringNameOnTheNameValue() {
        Attempt a = compile("InvalidWiringName");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/Name] name = \"not-a-name\" is not a valid Java class"
                        + " name; give the simple name of the class to generate, such as \"Notaname\"")
                .inFile(a.file).onLineContaining("name = \"not-a-name\")");
        assertThat(a.compilation).hadErrorCount(1);
        a.assertNoWiringWritten();
    }

    @Test
    void rejectsAWiringNameThatWouldHideAJavaLangClass() {
        Attempt a = compile("WiringNamedLikeJavaLang");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/Name] name = \"String\" would hide java.lang.String"
                        + " from every class of the package, the interface included; choose another name, such as"
                        + " \"StringWiring\"")
                .inFile(a.file).onLineContaining("name = \"String\")");
        assertThat(a.compilation).hadErrorCount(1);
        a.assertNoWiringWritten();
    }

    @Test
    void rejectsARestrictedIdentifierAsWiringName() {
        Attempt a = compile("WiringNamedVar");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/Name] name = \"var\" is not a valid Java class name;"
                        + " give the simple name of the class to generate, such as \"VarWiring\"")
                .inFile(a.file).onLineContaining("name = \"var\")");
        assertThat(a.compilation).hadErrorCount(1);
        a.assertNoWiringWritten();
    }

    @Test
    void rejectsARawTypeHandedOnAsAValue() {
        Attempt a = compile("RawValueType");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/StageShape] split(String) uses the raw type List, which would make"
                        + " the wiring unchecked; write its type arguments, as in List<E>")
                .inFile(a.file).onLineContaining("@Stage List split(String line);");
        assertThat(a.compilation).hadErrorCount(1);
        a.assertNoWiringWritten();
    }

    @Test
    void rejectsWiringNamedLikeTheInterfaceOnTheNameValue() {
        Attempt a = compile("WiringNamedLikeInterface");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/NameClash] name = \"WiringNamedLikeInterface\" is the"
                        + " name of the interface itself; the generated class needs a name of its own, such as"
                        + " \"WiringNamedLikeInterfaceWiring\"")
                .inFile(a.file).onLineContaining("name = \"WiringNamedLikeInterface\")");
        assertThat(a.compilation).hadErrorCount(1);
        a.assertNoWiringWritten();
    }

    /**
     * A nested interface may give its wiring its own simple name (good/Registry), but not the name
     * of a type that exists: here the class around it.
     */
    @Test
    void rejectsWiringNamedLikeTheEnclosingClassOnTheNameValue() {
        Attempt a = compile("WiringNamedLikeTheEnclosingClass");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/NameClash] the wiring class"
                        + " fixtures.WiringNamedLikeTheEnclosingClass of Steps cannot be generated: a type of that name"
                        + " already exists; choose another name with @Pipeline(name = \"...\")")
                .inFile(a.file).onLineContaining("name = \"WiringNamedLikeTheEnclosingClass\")");
        assertThat(a.compilation).hadErrorCount(1);
        a.assertNoWiringWritten();
    }

    /**
     * Two pipelines of one compile whose wirings would share a name: each gets the error, on its
     * annotation, naming the other, whichever comes first; neither wiring is written, and no file is
     * asked for twice (javac warns about that).
     */
    @Test
    void rejectsBothPipelinesWhoseDefaultWiringNamesClash() {
        Attempt a = compile("DefaultWiringNamesClash");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/NameClash] the wiring class"
                        + " fixtures.DefaultWiringNamesClash_InnerWiring of DefaultWiringNamesClash.Inner cannot be"
                        + " generated: that is also the name of the wiring class of DefaultWiringNamesClash_Inner;"
                        + " choose another name for one of them with @Pipeline(name = \"...\")")
                .inFile(a.file).onLineContaining("@Pipeline // the nested one");
        assertThat(a.compilation).hadErrorContaining("[Pipeline/NameClash] the wiring class"
                        + " fixtures.DefaultWiringNamesClash_InnerWiring of DefaultWiringNamesClash_Inner cannot be"
                        + " generated: that is also the name of the wiring class of DefaultWiringNamesClash.Inner;"
                        + " choose another name for one of them with @Pipeline(name = \"...\")")
                .inFile(a.file).onLineContaining("@Pipeline // the top-level one");
        assertThat(a.compilation).hadErrorCount(2);
        assertThat(a.compilation).hadWarningCount(0);
        a.assertNoWiringWritten();
    }

    /** The same for a name given with @Pipeline(name): that error goes on the name, the other on @Pipeline. */
    @Test
    void rejectsBothPipelinesWhenOneIsNamedLikeTheOthersWiring() {
        Attempt a = compile("WiringNamedLikeAnotherPipelinesWiring");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/NameClash] the wiring class"
                        + " fixtures.WiringNamedLikeAnotherPipelinesWiringWiring of WiringNamedLikeAnotherPipelinesWiring"
                        + " cannot be generated: that is also the name of the wiring class of Borrower; choose another"
                        + " name for one of them with @Pipeline(name = \"...\")")
                .inFile(a.file).onLineContaining("@Pipeline // wired by");
        assertThat(a.compilation).hadErrorContaining("[Pipeline/NameClash] the wiring class"
                        + " fixtures.WiringNamedLikeAnotherPipelinesWiringWiring of Borrower cannot be generated: that"
                        + " is also the name of the wiring class of WiringNamedLikeAnotherPipelinesWiring; choose"
                        + " another name for one of them with @Pipeline(name = \"...\")")
                .inFile(a.file).onLineContaining("name = \"WiringNamedLikeAnotherPipelinesWiringWiring\")");
        assertThat(a.compilation).hadErrorCount(2);
        assertThat(a.compilation).hadWarningCount(0);
        a.assertNoWiringWritten();
    }

    @Test
    void rejectsOverloadedStepsOnTheSecondOne() {
        Attempt a = compile("OverloadedStep");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/NameClash] clean(CharSequence) is a second step named"
                        + " clean (the first is clean(String)); a step's name names its threads and its part of the"
                        + " wiring, so give each step a name of its own")
                .inFile(a.file).onLineContaining("@Stage String clean(CharSequence line);");
        assertThat(a.compilation).hadErrorCount(1);
        a.assertNoWiringWritten();
    }

    @Test
    void rejectsOverloadedStepsOnSameNamedTypesNamingEachWithItsPackage() {
        Attempt a = compile("OverloadedStepOnSameNamedTypes");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/NameClash] day(java.sql.Date) is a second step named"
                        + " day (the first is day(java.util.Date)); a step's name names its threads and its part of the"
                        + " wiring, so give each step a name of its own")
                .inFile(a.file).onLineContaining("@Stage Date day(java.sql.Date date);");
        assertThat(a.compilation).hadErrorCount(1);
        a.assertNoWiringWritten();
    }

    @Test
    void rejectsStepInheritedFromASuperinterface() {
        Attempt a = compile("InheritedStep");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/Inherited] InheritedStep inherits the abstract method"
                        + " lines() from Lines; the steps of a pipeline are declared in the @Pipeline interface"
                        + " itself, in order, so redeclare lines() in InheritedStep with its step annotation,"
                        + " or give it a default body there if it is no step")
                .inFile(a.file).onLineContaining("public interface InheritedStep extends Lines {");
        assertThat(a.compilation).hadErrorCount(1);
        a.assertNoWiringWritten();
    }

    @Test
    void showsAnInheritedStepAsThePipelineInheritsIt() {
        Attempt a = compile("InheritedGenericStep");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/Inherited] InheritedGenericStep inherits the abstract"
                        + " method lookUp(String, Map.Entry<String, Integer>) from Lookup;")
                .inFile(a.file).onLineContaining("public interface InheritedGenericStep extends Entries<Integer> {");
        assertThat(a.compilation).hadErrorContaining("so redeclare lookUp(String, Map.Entry<String, Integer>) in"
                + " InheritedGenericStep with its step annotation");
        assertThat(a.compilation).hadErrorCount(1);
        a.assertNoWiringWritten();
    }

    // ---- one method

    @Test
    void rejectsAbstractMethodWithoutAStepAnnotation() {
        Attempt a = compile("UnannotatedMethod");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/Unannotated] describe(String) is abstract but is not a"
                        + " step; annotate it with @Source, @Stage or @Sink, or give it a default body")
                .inFile(a.file).onLineContaining("String describe(String line);");
        assertThat(a.compilation).hadErrorCount(1);
        a.assertNoWiringWritten();
    }

    @Test
    void rejectsMethodWithTwoStepAnnotationsOnTheSecondAnnotation() {
        Attempt a = compile("TwoStepAnnotations");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/Unannotated] print(String) is annotated with both"
                        + " @Stage and @Sink; a step has exactly one role, so keep one of them")
                .inFile(a.file).onLineContaining("@Sink");
        assertThat(a.compilation).hadErrorCount(1);
        a.assertNoWiringWritten();
    }

    /** An import of another library's Stage: the message names it, rather than "not a step". */
    @Test
    void rejectsStepAnnotatedWithAnotherLibrarysStage() {
        Attempt a = compile("LookAlikeStepAnnotation", "bad/elsewhere/Stage.java");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/Unannotated] trim(String) is annotated with"
                        + " @fixtures.elsewhere.Stage, which is not Pneumatic's @Stage; import pneumatic.Stage instead")
                .inFile(a.file).onLineContaining("@Stage(workers = 2) String trim(String line);");
        assertThat(a.compilation).hadErrorCount(1);
        a.assertNoWiringWritten();
    }

    /** Found by a newcomer: the only method, with two annotations, also got "Alone has no steps". */
    @Test
    void reportsOnlyTheSecondAnnotationOfAStepWithTwo() {
        Attempt a = compile("StepsWithTwoAnnotationsKeepTheirPlace");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/Unannotated] lines() is annotated with both"
                        + " @Source and @Sink; a step has exactly one role, so keep one of them")
                .inFile(a.file).onLine(18);
        assertThat(a.compilation).hadErrorContaining("[Pipeline/Unannotated] length(String) is annotated with both"
                        + " @Stage and @Sink; a step has exactly one role, so keep one of them")
                .inFile(a.file).onLine(27);
        assertThat(a.compilation).hadErrorCount(2);
        a.assertNoWiringWritten();
    }

    @Test
    void rejectsStageOnADefaultMethod() {
        Attempt a = compile("StageOnDefaultMethod");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/NotAbstract] @Stage on the default method trim(String)"
                        + " has no effect: only abstract methods are steps; remove @Stage or make the method abstract")
                .inFile(a.file).onLineContaining("@Stage default String trim(String line) {");
        assertThat(a.compilation).hadErrorCount(1);
        a.assertNoWiringWritten();
    }

    @Test
    void rejectsStageOnAStaticMethod() {
        Attempt a = compile("StageOnStaticMethod");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/NotAbstract] @Stage on the static method trim(String)"
                        + " has no effect: only abstract methods are steps; remove @Stage or make the method abstract")
                .inFile(a.file).onLineContaining("@Stage static String trim(String line) {");
        assertThat(a.compilation).hadErrorCount(1);
        a.assertNoWiringWritten();
    }

    // ---- sources

    @Test
    void rejectsSourceWithANonSenderParameterOnTheParameter() {
        Attempt a = compile("SourceTakesParameter");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/SourceShape] lines(String) fits no source shape: a"
                        + " @Source produces the pipeline's input, so it takes no parameter, or only a Sender<T> to"
                        + " send on")
                .inFile(a.file).onLineContaining("String path);");
        assertThat(a.compilation).hadErrorCount(1);
        a.assertNoWiringWritten();
    }

    @Test
    void rejectsSourceThatReturnsOneString() {
        Attempt a = compile("SourceReturnsString");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/SourceShape] line() returns String, which fits no"
                        + " source shape; return Iterable<T> (such as List<T>), Iterator<T> or Stream<T>, or declare"
                        + " void line(Sender<T> out)")
                .inFile(a.file).onLineContaining("@Source String line();");
        assertThat(a.compilation).hadErrorCount(1);
        a.assertNoWiringWritten();
    }

    @Test
    void rejectsVoidSourceWithoutASender() {
        Attempt a = compile("SourceReturnsVoidWithoutSender");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/SourceShape] lines() returns void, which fits no"
                        + " source shape; return Iterable<T> (such as List<T>), Iterator<T> or Stream<T>, or declare"
                        + " void lines(Sender<T> out)")
                .inFile(a.file).onLineContaining("@Source void lines();");
        assertThat(a.compilation).hadErrorCount(1);
        a.assertNoWiringWritten();
    }

    @Test
    void rejectsSenderSourceThatAlsoReturnsAValue() {
        Attempt a = compile("SenderSourceReturnsValue");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/SourceShape] lines(Sender<String>) takes a Sender but"
                        + " returns boolean; a source that sends by itself returns void")
                .inFile(a.file).onLineContaining("@Source boolean lines(Sender<String> out);");
        assertThat(a.compilation).hadErrorCount(1);
        a.assertNoWiringWritten();
    }

    @Test
    void rejectsSourceReturningARawList() {
        Attempt a = compile("SourceReturnsRawList");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/SourceShape] lines() uses the raw type List, which would make the"
                        + " wiring unchecked; write its type arguments, as in List<E>")
                .inFile(a.file).onLineContaining("@Source List lines();");
        assertThat(a.compilation).hadErrorCount(1);
        a.assertNoWiringWritten();
    }

    @Test
    void rejectsGenericSourceMethod() {
        Attempt a = compile("GenericSource");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/SourceShape] items() declares type parameters; a step"
                        + " cannot be a generic method, so use concrete types")
                .inFile(a.file).onLineContaining("@Source <T> Stream<T> items();");
        assertThat(a.compilation).hadErrorCount(1);
        a.assertNoWiringWritten();
    }

    @Test
    void rejectsSourceWhoseSenderCannotBeSentOnOnTheParameter() {
        Attempt a = compile("SourceSenderOfExtends");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/SourceShape] lines(Sender<? extends String>) takes a"
                        + " Sender<? extends String>, which cannot be sent on; declare the parameter as Sender<T> for"
                        + " the type T it sends")
                .inFile(a.file).onLineContaining("Sender<? extends String> out);");
        assertThat(a.compilation).hadErrorCount(1);
        a.assertNoWiringWritten();
    }

    // ---- stages

    @Test
    void rejectsStageWithoutAParameter() {
        Attempt a = compile("StageTakesNothing");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/StageShape] next() takes no parameter; a @Stage takes"
                        + " the previous step's output: R f(T), Optional<R> f(T), Stream<R> f(T) or"
                        + " void f(T, Sender<R>) (a step that only produces is a @Source)")
                .inFile(a.file).onLineContaining("@Stage String next();");
        assertThat(a.compilation).hadErrorCount(1);
        a.assertNoWiringWritten();
    }

    @Test
    void rejectsStageThatReturnsVoid() {
        Attempt a = compile("StageReturnsVoid");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/StageShape] log(String) returns void, so it hands"
                        + " nothing on; return R, Optional<R> or Stream<R>, or add a Sender<R> parameter to send on"
                        + " (a step that only consumes is a @Sink)")
                .inFile(a.file).onLineContaining("@Stage void log(String line);");
        assertThat(a.compilation).hadErrorCount(1);
        a.assertNoWiringWritten();
    }

    @Test
    void rejectsStageWhoseSecondParameterIsNotASenderOnThatParameter() {
        Attempt a = compile("StageSecondParameterNotSender");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/StageShape] join(String, String) fits no stage shape:"
                        + " its second parameter is String, but a stage takes one value and, optionally, the"
                        + " Sender<R> it sends on: R f(T), Optional<R> f(T), Stream<R> f(T) or void f(T, Sender<R>)")
                .inFile(a.file).onLineContaining("String separator);");
        assertThat(a.compilation).hadErrorCount(1);
        a.assertNoWiringWritten();
    }

    /** Not "returns void, so add a Sender": it has one, and lacks the value. */
    @Test
    void rejectsStageThatTakesOnlyASenderOnTheSender() {
        Attempt a = compile("StageTakesOnlySender");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/StageShape] words(Sender<String>) takes only the"
                        + " Sender it sends on; a @Stage takes the previous step's output first, as in"
                        + " void words(T value, Sender<String> out)")
                .inFile(a.file).onLineContaining("Sender<String> out);");
        assertThat(a.compilation).hadErrorCount(1);
        a.assertNoWiringWritten();
    }

    @Test
    void rejectsStageThatTakesItsSenderFirstOnTheSender() {
        Attempt a = compile("StageTakesSenderFirst");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/StageShape] words(Sender<String>, String) takes its"
                        + " Sender before the value; a stage takes the value first and the Sender it sends on last:"
                        + " void words(String line, Sender<String> out)")
                .inFile(a.file).onLineContaining("Sender<String> out, String line);");
        assertThat(a.compilation).hadErrorCount(1);
        a.assertNoWiringWritten();
    }

    @Test
    void rejectsSenderStageThatAlsoReturnsAValue() {
        Attempt a = compile("SenderStageReturnsValue");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/StageShape] words(String, Sender<String>) takes a"
                        + " Sender but returns boolean; a stage that sends by itself returns void")
                .inFile(a.file).onLineContaining("@Stage boolean words(String line, Sender<String> out);");
        assertThat(a.compilation).hadErrorCount(1);
        a.assertNoWiringWritten();
    }

    @Test
    void rejectsStageWithThreeParametersOnTheThird() {
        Attempt a = compile("StageTakesThreeParameters");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/StageShape] words(String, Sender<String>, int) takes"
                        + " too many parameters; a stage takes one value and, optionally, the Sender<R> it sends on:"
                        + " R f(T), Optional<R> f(T), Stream<R> f(T) or void f(T, Sender<R>)")
                .inFile(a.file).onLineContaining("int limit);");
        assertThat(a.compilation).hadErrorCount(1);
        a.assertNoWiringWritten();
    }

    @Test
    void rejectsStageReturningARawOptional() {
        Attempt a = compile("StageReturnsRawOptional");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/StageShape] nonBlank(String) uses the raw type"
                        + " Optional, which would make the wiring unchecked; write its type arguments, as in"
                        + " Optional<T>")
                .inFile(a.file).onLineContaining("@Stage Optional nonBlank(String line);");
        assertThat(a.compilation).hadErrorCount(1);
        a.assertNoWiringWritten();
    }

    // ---- sinks

    @Test
    void rejectsSinkThatReturnsAValue() {
        Attempt a = compile("SinkReturnsValue");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/SinkShape] print(String) returns boolean, but a @Sink"
                        + " consumes and returns void; make it return void, or make it a @Stage to hand its result on")
                .inFile(a.file).onLineContaining("@Sink boolean print(String line);");
        assertThat(a.compilation).hadErrorCount(1);
        a.assertNoWiringWritten();
    }

    @Test
    void rejectsSinkWithTwoParametersOnTheSecond() {
        Attempt a = compile("SinkTakesTwoParameters");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/SinkShape] print(String, String) fits no sink shape: a"
                        + " @Sink takes exactly one parameter, the previous step's output: void f(T)")
                .inFile(a.file).onLineContaining("String prefix);");
        assertThat(a.compilation).hadErrorCount(1);
        a.assertNoWiringWritten();
    }

    @Test
    void rejectsSinkWithoutAParameter() {
        Attempt a = compile("SinkTakesNothing");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/SinkShape] done() fits no sink shape: a @Sink takes"
                        + " exactly one parameter, the previous step's output: void f(T)")
                .inFile(a.file).onLineContaining("@Sink void done();");
        assertThat(a.compilation).hadErrorCount(1);
        a.assertNoWiringWritten();
    }

    // ---- the chain

    @Test
    void rejectsPipelineWithoutSteps() {
        Attempt a = compile("NoSteps");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/Order] NoSteps has no steps; declare at least one"
                        + " abstract method annotated with @Source, @Stage or @Sink")
                .inFile(a.file).onLineContaining("public interface NoSteps {");
        assertThat(a.compilation).hadErrorCount(1);
        a.assertNoWiringWritten();
    }

    @Test
    void rejectsSecondSource() {
        Attempt a = compile("TwoSources");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/Order] moreLines() is a second @Source (the first is"
                        + " lines()); a pipeline has at most one source, so remove moreLines() or produce its values"
                        + " in lines()")
                .inFile(a.file).onLineContaining("@Source Stream<String> moreLines();");
        assertThat(a.compilation).hadErrorCount(1);
        a.assertNoWiringWritten();
    }

    @Test
    void rejectsSourceThatIsNotFirst() {
        Attempt a = compile("SourceNotFirst");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/Order] lines() is the @Source but comes after"
                        + " trim(String); the source is the first step, so declare it first")
                .inFile(a.file).onLineContaining("@Source Stream<String> lines();");
        assertThat(a.compilation).hadErrorCount(1);
        a.assertNoWiringWritten();
    }

    /** One mistake, one error: the first sink is not "not last" because of the second. */
    @Test
    void rejectsSecondSinkWithOneError() {
        Attempt a = compile("TwoSinks");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/Order] log(String) is a second @Sink (the first is"
                        + " print(String)); a pipeline has at most one sink, so remove log(String) or make"
                        + " print(String) a @Stage that returns the value it takes")
                .inFile(a.file).onLineContaining("@Sink void log(String line);");
        assertThat(a.compilation).hadErrorCount(1);
        a.assertNoWiringWritten();
    }

    @Test
    void rejectsSinkThatIsNotLast() {
        Attempt a = compile("SinkNotLast");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/Order] print(String) is the @Sink but trim(String)"
                        + " comes after it; the sink is the last step, so declare it last")
                .inFile(a.file).onLineContaining("@Sink void print(String line);");
        assertThat(a.compilation).hadErrorCount(1);
        a.assertNoWiringWritten();
    }

    @Test
    void rejectsTypeMismatchOnTheParameter() {
        Attempt a = compile("TypeMismatchOnParameter");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/TypeMismatch] describe(List<String>) cannot take the"
                        + " String that lower(String) emits; change the parameter to String or make lower return"
                        + " List<String>")
                .inFile(a.file).onLineContaining("List<String> words);");
        assertThat(a.compilation).hadErrorCount(1);
        a.assertNoWiringWritten();
    }

    /** Not "make lines return Stream<Sender<String>>": the parameter is what is wrong. */
    @Test
    void rejectsSinkThatTakesASenderForTheValues() {
        Attempt a = compile("SinkTakesSender");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/TypeMismatch] print(Sender<String>) cannot take the"
                        + " String that lines() emits; a step is handed the values themselves, not a Sender, so"
                        + " change the parameter to String")
                .inFile(a.file).onLineContaining("Sender<String> out);");
        assertThat(a.compilation).hadErrorCount(1);
        a.assertNoWiringWritten();
    }

    @Test
    void rejectsStageThatReturnsAListOfTheNextInputWithAStreamAsTheFix() {
        Attempt a = compile("StageReturnsListOfTheNextInput");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/TypeMismatch] print(String) cannot take the"
                        + " List<String> that words(String) emits; change the parameter to List<String> or make words"
                        + " return Stream<String>, which hands on each element instead of the whole List<String>")
                .inFile(a.file).onLineContaining("String word);");
        assertThat(a.compilation).hadErrorCount(1);
        a.assertNoWiringWritten();
    }

    /** Where two classes of one message share a simple name, each is shown with its package. */
    @Test
    void rejectsTypeMismatchBetweenSameNamedTypesNamingEachWithItsPackage() {
        Attempt a = compile("TypeMismatchBetweenSameNamedTypes");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/TypeMismatch] take(java.sql.Date) cannot take the"
                        + " java.util.Date that dates() emits; change the parameter to java.util.Date or make dates"
                        + " return List<java.sql.Date>")
                .inFile(a.file).onLineContaining("java.sql.Date date);");
        assertThat(a.compilation).hadErrorCount(1);
        a.assertNoWiringWritten();
    }

    /** An inner class's type is shown with the type it is a member of, whose arguments tell them apart. */
    @Test
    void rejectsTypeMismatchBetweenInnerClassTypesShowingTheTypesAroundThem() {
        Attempt a = compile("TypeMismatchBetweenInnerClassTypes");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/TypeMismatch] take(Box<Integer>.Item) cannot take"
                        + " the Box<String>.Item that items() emits; change the parameter to Box<String>.Item or make"
                        + " items return List<Box<Integer>.Item>")
                .inFile(a.file).onLineContaining("Box<Integer>.Item item);");
        assertThat(a.compilation).hadErrorCount(1);
        a.assertNoWiringWritten();
    }

    @Test
    void rejectsTypeMismatchBetweenMapEntriesShowingMapDotEntry() {
        Attempt a = compile("TypeMismatchBetweenMapEntries");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/TypeMismatch] take(Map.Entry<String, Long>) cannot"
                        + " take the Map.Entry<String, Integer> that entries() emits; change the parameter to"
                        + " Map.Entry<String, Integer> or make entries return List<Map.Entry<String, Long>>")
                .inFile(a.file).onLineContaining("Map.Entry<String, Long> entry);");
        assertThat(a.compilation).hadErrorCount(1);
        a.assertNoWiringWritten();
    }

    /** The edge from the source is checked like every other, here with a sender source's fix. */
    @Test
    void rejectsTypeMismatchRightAfterTheSourceOnTheParameter() {
        Attempt a = compile("TypeMismatchAfterTheSource");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/TypeMismatch] trim(Integer) cannot take the String"
                        + " that lines(Sender<String>) emits; change the parameter to String or make lines send on a"
                        + " Sender<Integer>")
                .inFile(a.file).onLineContaining("Integer line);");
        assertThat(a.compilation).hadErrorCount(1);
        a.assertNoWiringWritten();
    }

    /** A shape message tells two classes of one simple name apart, as the type messages do. */
    @Test
    void qualifiesSameNamedTypesInAShapeMessage() {
        Attempt a = compile("StageShapeOfSameNamedTypes");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/StageShape] stamp(Sender<java.util.Date>,"
                        + " java.sql.Date) takes its Sender before the value; a stage takes the value first and the"
                        + " Sender it sends on last: void stamp(java.sql.Date day, Sender<java.util.Date> out)")
                .inFile(a.file).onLineContaining("@Stage void stamp(Sender<Date> out, java.sql.Date day);");
        assertThat(a.compilation).hadErrorCount(1);
        a.assertNoWiringWritten();
    }

    /**
     * Raw types the signature does not show: the elements of a source's Iterable subtype, and
     * the raw Box of a member type Box.Item. The wiring would name both and be unchecked.
     */
    @Test
    void rejectsRawTypesThatOnlyTheElementsOrTheEnclosingTypeShow() {
        Attempt a = compile("SourceOfElementsOfARawType");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/SourceShape] lists() returns"
                        + " RawLists, an Iterable of the raw type List, which would make the"
                        + " wiring unchecked; return an Iterable of List<E> with its type arguments written")
                .inFile(a.file).onLineContaining("@Source RawLists lists();");
        assertThat(a.compilation).hadErrorContaining("[Pipeline/StageShape] wrap(Object) uses the raw type"
                        + " Box, which would make the wiring unchecked; write its type"
                        + " arguments, as in Box<T>")
                .inFile(a.file).onLineContaining("@Stage Box.Item wrap(Object list);");
        assertThat(a.compilation).hadErrorCount(2);
        a.assertNoWiringWritten();
    }

    /**
     * The elements of a Grid<?> (an Iterable<List<List<T>>>) are List<List<capture of ?>>, so
     * the check compares List<? extends List<?>> with the sink: the uncaptured List<List<?>>
     * passed, and its wiring did not compile.
     */
    @Test
    void rejectsSinkOfTheUncapturedElementsOfAWildcardSource() {
        Attempt a = compile("SourceOfCapturedElements");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/TypeMismatch] take(List<List<?>>) cannot take the"
                        + " List<? extends List<?>> that rows() emits; change the parameter to List<? extends List<?>>"
                        + " or make rows return Iterable<List<List<?>>>")
                .inFile(a.file).onLineContaining("List<List<?>> row);");
        assertThat(a.compilation).hadErrorCount(1);
        a.assertNoWiringWritten();
    }

    /** A type annotation on a primitive is no part of how a message shows the type. */
    @Test
    void showsAnAnnotatedPrimitiveAsItsPlainType() {
        Attempt a = compile("AnnotatedPrimitiveTypeMismatch");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/TypeMismatch] take(int) cannot take the String that"
                        + " words() emits; change the parameter to String or make words return List<Integer>")
                .inFile(a.file).onLineContaining("int digit);");
        assertThat(a.compilation).hadErrorCount(1);
        a.assertNoWiringWritten();
    }

    @Test
    void rejectsSourceOfTheWrongElementsKeepingItsIterableInTheFix() {
        Attempt a = compile("SourceListTypeMismatch");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/TypeMismatch] add(Integer) cannot take the String"
                        + " that words() emits; change the parameter to String or make words return List<Integer>")
                .inFile(a.file).onLineContaining("@Sink void add(Integer length);");
        assertThat(a.compilation).hadErrorContaining("[Pipeline/TypeMismatch] add(Integer) cannot take the String"
                        + " that words() emits; change the parameter to String or make words return"
                        + " Iterable<Integer>")
                .inFile(a.file).onLineContaining("@Sink void add(Integer size);");
        assertThat(a.compilation).hadErrorContaining("[Pipeline/TypeMismatch] add(Set<String>) cannot take the"
                        + " String that words() emits; change the parameter to String or make words return"
                        + " Iterable<Set<String>>")
                .inFile(a.file).onLineContaining("@Sink void add(Set<String> letters);");
        assertThat(a.compilation).hadErrorContaining("[Pipeline/TypeMismatch] add(Integer) cannot take the String"
                        + " that words() emits; change the parameter to String or make words return"
                        + " Iterable<Integer>")
                .inFile(a.file).onLineContaining("@Sink void add(Integer count);");
        assertThat(a.compilation).hadErrorContaining("[Pipeline/TypeMismatch] add(String) cannot take the Integer"
                        + " that numbers() emits; change the parameter to Integer or make numbers return"
                        + " Iterable<String>")
                .inFile(a.file).onLineContaining("@Sink void add(String number);");
        assertThat(a.compilation).hadErrorCount(5);
        a.assertNoWiringWritten();
    }

    @Test
    void rejectsLongHandedToAnIntParameter() {
        Attempt a = compile("PrimitiveTypeMismatch");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/TypeMismatch] add(int) cannot take the long that"
                        + " square(int) emits; change the parameter to long or make square return int")
                .inFile(a.file).onLineContaining("int total);");
        assertThat(a.compilation).hadErrorCount(1);
        a.assertNoWiringWritten();
    }

    @Test
    void rejectsTypeMismatchAfterAnOptionalProducerWithAnOptionalFix() {
        Attempt a = compile("OptionalTypeMismatch");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/TypeMismatch] count(int) cannot take the String that"
                        + " nonBlank(String) emits; change the parameter to String or make nonBlank return"
                        + " Optional<Integer>")
                .inFile(a.file).onLineContaining("int length);");
        assertThat(a.compilation).hadErrorCount(1);
        a.assertNoWiringWritten();
    }

    @Test
    void rejectsZeroWorkersOnTheWorkersValue() {
        Attempt a = compile("ZeroWorkers");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/Workers] workers = 0 on trim(String); a step runs on"
                        + " at least one thread, so use workers = 1 or more")
                .inFile(a.file).onLineContaining("workers = 0)");
        assertThat(a.compilation).hadErrorCount(1);
        a.assertNoWiringWritten();
    }

    @Test
    void rejectsCapacityBelowUnboundedOnTheCapacityValue() {
        Attempt a = compile("NegativeCapacity");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/Capacity] capacity = -2 on print(String); use 0 for a"
                        + " rendezvous, a positive capacity, or Stage.UNBOUNDED (-1) for no limit")
                .inFile(a.file).onLineContaining("capacity = -2)");
        assertThat(a.compilation).hadErrorCount(1);
        a.assertNoWiringWritten();
    }

    // ---- outside a pipeline, and the processor itself

    @Test
    void rejectsStepAnnotationOutsideAPipeline() {
        Attempt a = compile("StageWithoutPipeline");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/Orphan] @Stage on trim(String) has no effect, because"
                        + " StageWithoutPipeline is not annotated with @Pipeline; add @Pipeline to"
                        + " StageWithoutPipeline, or remove @Stage")
                .inFile(a.file).onLineContaining("@Stage String trim(String line);");
        assertThat(a.compilation).hadErrorCount(1);
        a.assertNoWiringWritten();
    }

    /** Whatever step annotation each carries, the orphans of one type come in source order. */
    @Test
    void rejectsStepAnnotationsWithoutPipelineInSourceOrder() {
        Attempt a = compile("StepsWithoutPipeline");
        assertThat(a.compilation).failed();
        String[][] steps = {{"Source", "lines()", "List<String> lines();"}, {"Stage", "trim(String)", "String trim("},
            {"Sink", "print(String)", "void print("}};
        for (String[] step : steps) {
            assertThat(a.compilation).hadErrorContaining("[Pipeline/Orphan] @" + step[0] + " on " + step[1]
                            + " has no effect, because StepsWithoutPipeline is not annotated with @Pipeline; add"
                            + " @Pipeline to StepsWithoutPipeline, or remove @" + step[0])
                    .inFile(a.file).onLineContaining(step[2]);
        }
        assertThat(a.compilation).hadErrorCount(3);
        List<Long> lines = a.compilation.errors().stream().map(Diagnostic::getLineNumber).collect(Collectors.toList());
        assertEquals(List.of(10L, 12L, 14L), lines);
        a.assertNoWiringWritten();
    }

    /**
     * A step annotation whose import is missing is no unannotated method: javac's "cannot find
     * symbol" is the one error (JDK 17 drops such an annotation from the element, JDK 25 keeps it
     * with an error type), and the method keeps its place in the chain, so its neighbours are not
     * compared with each other.
     */
    @Test
    void leavesAStepAnnotationWithoutImportToJavac() {
        // javac's own environment, as for LocalInterface: JDK 17 shows the annotation only in
        // javac's trees, which a swapped environment does not offer
        JavaFileObject file = JavaFileObjects.forResource("bad/StepAnnotationNotImported.java");
        WiringProbe probe = new WiringProbe();
        Compilation compilation = Compiler.javac().withProcessors(probe, new PipelineProcessor()).compile(file);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("cannot find symbol")
                .inFile(file).onLineContaining("@Stage Integer length(String line);");
        assertThat(compilation).hadErrorCount(1);
        assertEquals(Set.of(), probe.written, "no wiring written");
    }

    /**
     * A {@code @Pipeline} javac cannot resolve may be the one the step annotations belong to: they
     * are no orphans, and javac's "cannot find symbol" is the one error. javac's own environment,
     * for its trees (see {@link #leavesAStepAnnotationWithoutImportToJavac}).
     */
    @Test
    void leavesAPipelineAnnotationWithoutImportToJavac() {
        JavaFileObject file = JavaFileObjects.forResource("bad/PipelineAnnotationNotImported.java");
        WiringProbe probe = new WiringProbe();
        Compilation compilation = Compiler.javac().withProcessors(probe, new PipelineProcessor()).compile(file);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("cannot find symbol")
                .inFile(file).onLineContaining("@Pipeline");
        assertThat(compilation).hadErrorCount(1);
        assertEquals(Set.of(), probe.written, "no wiring written");
    }

    /**
     * The processor waits for a later round that might generate the missing type, then reports it
     * on the parameter that mentions it once every processor has run. javac reports its own
     * "cannot find symbol" on the same parameter: two errors, on JDK 17 as on JDK 25.
     */
    @Test
    void reportsUndefinedParameterTypeOnceEveryProcessorHasRun() {
        assertMissingParameterOfPrintReported("UndefinedParameterType");
    }

    /** Found again in the last round although a '$' in its name may read as a nested class's separator. */
    @Test
    void reportsUndefinedTypeOfAPipelineWithADollarInItsName() {
        assertMissingParameterOfPrintReported("UndefinedTypeInANameWithADollar");
    }

    /**
     * javac drops a method that follows a namesake with an undefined parameter type, so only the
     * undefined type is reported; Eclipse's compiler keeps the method and reports its mistakes
     * too ({@code EclipseCompilerTest}).
     */
    @Test
    void aStepAfterANamesakeWithAnUndefinedParameterIsNotSeenOnJavac() {
        assertOnlyUndefined("NamesakeAfterAnUndefinedStep", "parse(Missing)", "Missing", "parse(Missing line)");
    }

    /**
     * A Sender of an undefined type is a Sender all the same (Eclipse's compiler calls the whole
     * type undefined): no shape error, no raw type, only the missing type.
     */
    @Test
    void aSenderOfAnUndefinedTypeIsOnlyUndefined() {
        assertOnlyUndefined("UndefinedArgumentOfASender", "relay(String, Sender<Nope>)", "Nope", "Sender<Nope> out");
    }

    /** The two errors of a fixture whose print(Missing line) sink names an undefined type. */
    private static void assertMissingParameterOfPrintReported(String fixture) {
        assertOnlyUndefined(fixture, "print(Missing)", "Missing", "Missing line);");
    }

    /**
     * The fixture's only errors are javac's "cannot find symbol" and {@code [Pipeline/Undefined]}
     * on {@code step} for {@code missing}, on the line containing {@code line}; no wiring.
     */
    private static void assertOnlyUndefined(String fixture, String step, String missing, String line) {
        Attempt a = compile(fixture);
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/Undefined] " + step + " refers to " + missing
                        + ", which is still undefined after every annotation processor ran; if another processor"
                        + " should generate it, check that it is on the processor path, otherwise fix the type")
                .inFile(a.file).onLineContaining(line);
        assertThat(a.compilation).hadErrorContaining("cannot find symbol");
        assertThat(a.compilation).hadErrorCount(2);
        a.assertNoWiringWritten();
    }

    /**
     * An undefined type written with type arguments, here a {@code Sender<String>} whose import is
     * missing, is named by its class. JDK 17 gives it no name at all ({@code <any>}), so there
     * javac's "cannot find symbol", which names it, is the one error; JDK 25 names it, and
     * {@code [Pipeline/Undefined]} joins in as for any undefined type. Never {@code <any>}.
     */
    @Test
    void namesAnUndefinedGenericTypeByItsClass() {
        Attempt a = compile("SenderNotImported");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("cannot find symbol")
                .inFile(a.file).onLineContaining("Sender<String> out);");
        boolean named = a.compilation.errors().stream()
                .anyMatch(e -> e.getMessage(Locale.ROOT).startsWith("[Pipeline/Undefined]"));
        if (named) {
            assertThat(a.compilation).hadErrorContaining("[Pipeline/Undefined] words(String, Sender<String>) refers"
                            + " to Sender, which is still undefined after every annotation processor ran")
                    .inFile(a.file).onLineContaining("Sender<String> out);");
        }
        assertThat(a.compilation).hadErrorCount(named ? 2 : 1);
        assertEquals(List.of(), a.compilation.errors().stream().map(e -> e.getMessage(Locale.ROOT))
                .filter(m -> m.contains("<any>")).collect(Collectors.toList()));
        a.assertNoWiringWritten();
    }

    /**
     * An undefined superinterface is waited for too, since what it declares decides whether the
     * pipeline is valid, and reported on the interface, beside javac's own "cannot find symbol"
     * on the extends clause: two errors, and no wiring.
     */
    @Test
    void reportsAnUndefinedSuperinterfaceOnTheInterface() {
        Attempt a = compile("UndefinedSuperinterface");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/Undefined] UndefinedSuperinterface refers to"
                        + " MissingSteps, which is still undefined after every annotation processor ran")
                .inFile(a.file).onLineContaining("public interface UndefinedSuperinterface");
        assertThat(a.compilation).hadErrorCount(2);
        a.assertNoWiringWritten();
    }

    /**
     * An attribute javac cannot evaluate (an undefined constant) is reported in the last round
     * too, beside javac's own "cannot find symbol" on the value: two errors.
     */
    @Test
    void reportsAnUndefinedConstantInWorkers() {
        Attempt a = compile("UndefinedConstantInWorkers");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/Undefined] javac could not evaluate the workers value"
                        + " of trim(String) (see its error there); use a compile-time constant of the attribute's"
                        + " type, such as a literal or a static final field that exists")
                .inFile(a.file).onLineContaining("@Stage(workers = THREADS)");
        assertThat(a.compilation).hadErrorCount(2);
        a.assertNoWiringWritten();
    }

    /**
     * The same for {@code @Pipeline(name)}: javac hands over the String "<error>" for the value,
     * which is no name to report as invalid.
     */
    @Test
    void reportsAnUndefinedConstantInTheName() {
        Attempt a = compile("UndefinedConstantInName");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/Undefined] javac could not evaluate the name value"
                        + " of UndefinedConstantInName (see its error there); use a compile-time constant of the"
                        + " attribute's type, such as a literal or a static final field that exists")
                .inFile(a.file).onLineContaining("interface UndefinedConstantInName {");
        assertThat(a.compilation).hadErrorContaining("cannot find symbol")
                .inFile(a.file).onLineContaining("@Pipeline(name = Names.LINES)");
        assertThat(a.compilation).hadErrorCount(2);
        a.assertNoWiringWritten();
    }

    /**
     * A missing type hidden in the enclosing type of a step's type ({@code Box<Missing>.Item})
     * is waited for and reported like any other, and no wiring is written that would name it.
     */
    @Test
    void reportsAnUndefinedArgumentOfAnEnclosingType() {
        Attempt a = compile("UndefinedArgumentOfAnOuterType");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/Undefined] take(Box<Missing>.Item) refers to Missing,"
                        + " which is still undefined after every annotation processor ran")
                .inFile(a.file).onLineContaining("@Sink void take(");
        assertThat(a.compilation).hadErrorCount(2);
        a.assertNoWiringWritten();
    }

    /**
     * A missing type sets the interface aside until the last round, where it is checked all the
     * same: every mistake that does not depend on the missing type is reported in the same
     * compile. No type flow is checked into or out of the missing type. Besides the five errors
     * of the processor, javac's "cannot find symbol" on the parameter.
     */
    @Test
    void reportsTheOtherMistakesOfAnInterfaceWithAnUndefinedType() {
        Attempt a = compile("UndefinedTypeAmongOtherMistakes");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/Undefined] log(Missing) refers to Missing, which is"
                        + " still undefined after every annotation processor ran; if another processor should"
                        + " generate it, check that it is on the processor path, otherwise fix the type")
                .inFile(a.file).onLineContaining("Missing length);");
        assertThat(a.compilation).hadErrorContaining("[Pipeline/Workers] workers = 0 on trim(String); a step runs on"
                        + " at least one thread, so use workers = 1 or more")
                .inFile(a.file).onLineContaining("workers = 0)");
        assertThat(a.compilation).hadErrorContaining("[Pipeline/Unannotated] describe(String) is abstract but is not a"
                        + " step; annotate it with @Source, @Stage or @Sink, or give it a default body")
                .inFile(a.file).onLineContaining("String describe(String line);");
        assertThat(a.compilation).hadErrorContaining("[Pipeline/TypeMismatch] length(Integer) cannot take the String"
                        + " that trim(String) emits; change the parameter to String or make trim return Integer")
                .inFile(a.file).onLineContaining("Integer line);");
        assertThat(a.compilation).hadErrorContaining("[Pipeline/StageShape] log(Missing) returns void, so it hands"
                        + " nothing on; return R, Optional<R> or Stream<R>, or add a Sender<R> parameter to send on"
                        + " (a step that only consumes is a @Sink)")
                .inFile(a.file).onLineContaining("@Stage void log(");
        assertThat(a.compilation).hadErrorContaining("cannot find symbol")
                .inFile(a.file).onLineContaining("Missing length);");
        assertThat(a.compilation).hadErrorCount(6);
        a.assertNoWiringWritten();
    }

    /**
     * Where an undefined type decides a step's shape (it could be an Iterable, a Sender, an
     * Optional) or stands in the type flow, the processor reports only that it is undefined: no
     * shape or type error made up from a type nobody knows. The type flow next to it waits for the
     * type to exist, even where no type could make it fit. One error of the processor and one of
     * javac per mention.
     */
    @Test
    void reportsNothingButUndefinedWhereAnUndefinedTypeDecides() {
        Attempt a = compile("UndefinedTypesDecideNoShape");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/Undefined] lines() refers to Lines, which is still"
                        + " undefined after every annotation processor ran")
                .inFile(a.file).onLineContaining("@Source Lines lines();");
        assertThat(a.compilation).hadErrorContaining("[Pipeline/Undefined] split(String) refers to Word, which is"
                        + " still undefined after every annotation processor ran")
                .inFile(a.file).onLineContaining("@Stage List<Word> split(String line);");
        assertThat(a.compilation).hadErrorContaining("[Pipeline/Undefined] join(Set<Word>) refers to Word, which is"
                        + " still undefined after every annotation processor ran")
                .inFile(a.file).onLineContaining("@Stage String join(Set<Word> words);");
        assertThat(a.compilation).hadErrorContaining("[Pipeline/Undefined] relay(String, Out) refers to Out, which is"
                        + " still undefined after every annotation processor ran")
                .inFile(a.file).onLineContaining("@Stage void relay(String line, Out out);");
        assertThat(a.compilation).hadErrorContaining("[Pipeline/Undefined] count(String) refers to Count, which is"
                        + " still undefined after every annotation processor ran")
                .inFile(a.file).onLineContaining("@Stage Count count(String line);");
        assertThat(a.compilation).hadErrorCount(10);
        assertEquals(5, a.compilation.errors().stream()
                .filter(e -> e.getMessage(Locale.ROOT).startsWith("[Pipeline/")).count());
        a.assertNoWiringWritten();
    }

    /** A class is no pipeline, whatever its methods mention: the missing type does not hide that. */
    @Test
    void rejectsPipelineOnAClassThatMentionsAnUndefinedType() {
        Attempt a = compile("UndefinedTypeInAClass");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/NotInterface] @Pipeline goes on an interface, but"
                        + " UndefinedTypeInAClass is a class; declare UndefinedTypeInAClass as an interface whose"
                        + " abstract methods are the steps")
                .inFile(a.file).onLineContaining("@Pipeline");
        assertThat(a.compilation).hadErrorContaining("[Pipeline/Undefined] print(Missing) refers to Missing")
                .inFile(a.file).onLineContaining("abstract void print(Missing line);");
        assertThat(a.compilation).hadErrorCount(3);
        a.assertNoWiringWritten();
    }

    /** API.md: "Every error of one interface is reported in one compile". */
    @Test
    void reportsEveryMistakeOfOneInterfaceInOneCompile() {
        Attempt a = compile("ManyMistakes");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/Workers] workers = 0 on trim(String); a step runs on"
                        + " at least one thread, so use workers = 1 or more")
                .inFile(a.file).onLineContaining("workers = 0)");
        assertThat(a.compilation).hadErrorContaining("[Pipeline/Unannotated] describe(String) is abstract but is not a"
                        + " step; annotate it with @Source, @Stage or @Sink, or give it a default body")
                .inFile(a.file).onLineContaining("String describe(String line);");
        assertThat(a.compilation).hadErrorContaining("[Pipeline/TypeMismatch] length(Integer) cannot take the String"
                        + " that nonBlank(String) emits; change the parameter to String or make nonBlank return"
                        + " Optional<Integer>")
                .inFile(a.file).onLineContaining("Integer line);");
        assertThat(a.compilation).hadErrorContaining("[Pipeline/Capacity] capacity = -2 on print(Integer); use 0 for a"
                        + " rendezvous, a positive capacity, or Stage.UNBOUNDED (-1) for no limit")
                .inFile(a.file).onLineContaining("capacity = -2)");
        assertThat(a.compilation).hadErrorContaining("[Pipeline/Order] print(Integer) is the @Sink but label(Integer)"
                        + " comes after it; the sink is the last step, so declare it last")
                .inFile(a.file).onLineContaining("@Sink(");
        assertThat(a.compilation).hadErrorCount(5);
        a.assertNoWiringWritten();
    }

    /**
     * The rules run one after the other, but the errors come in the order of the source, as
     * javac's own do: here the order the rules found them in was lines 19, 26, 24, 16, 27.
     */
    @Test
    void reportsTheMistakesOfAnInterfaceInSourceOrder() {
        Attempt a = compile("ManyMistakes");
        List<Long> lines = a.compilation.errors().stream().map(Diagnostic::getLineNumber).collect(Collectors.toList());
        List<Long> sorted = new ArrayList<>(lines);
        Collections.sort(sorted);
        assertEquals(5, lines.size());
        assertEquals(sorted, lines);
    }

    /** Within one step too: an error on its annotation comes before one on its parameter. */
    @Test
    void reportsTheMistakesOfOneStepInSourceOrder() {
        Attempt a = compile("MistakesInOneStep");
        assertThat(a.compilation).failed();
        assertThat(a.compilation).hadErrorContaining("[Pipeline/Workers] workers = 0 on length(Integer); a step runs"
                        + " on at least one thread, so use workers = 1 or more")
                .inFile(a.file).onLineContaining("workers = 0)");
        assertThat(a.compilation).hadErrorContaining("[Pipeline/TypeMismatch] length(Integer) cannot take the String"
                        + " that lines() emits; change the parameter to String or make lines return Stream<Integer>")
                .inFile(a.file).onLineContaining("Integer line);");
        assertThat(a.compilation).hadErrorCount(2);
        List<Long> lines = a.compilation.errors().stream().map(Diagnostic::getLineNumber).collect(Collectors.toList());
        assertEquals(List.of(14L, 16L), lines);
        a.assertNoWiringWritten();
    }

    /** The control for {@link Attempt#assertNoWiringWritten}: the same recording sees a wiring written. */
    @Test
    void recordsTheWiringWrittenForAGoodPipeline() {
        Attempt a = compileResource("good/Shout.java");
        assertThat(a.compilation).succeededWithoutWarnings();
        assertEquals(List.of("fixtures.ShoutWiring"), a.sourcesWritten);
    }

    /** The control for {@link WiringProbe}: it sees the wiring written for a good pipeline. */
    @Test
    void seesTheWiringWrittenForAGoodPipelineAmongTheRoots() {
        WiringProbe probe = new WiringProbe();
        Compilation compilation = Compiler.javac().withProcessors(probe, new PipelineProcessor())
                .compile(JavaFileObjects.forResource("good/Shout.java"));
        assertThat(compilation).succeededWithoutWarnings();
        assertEquals(Set.of("fixtures.ShoutWiring"), probe.written);
    }

    // ---- support

    /**
     * Compiles {@code bad/<fixture>.java} with the processor, and with the given resources of
     * another package where the fixture needs one, noting every source file it writes.
     */
    private static Attempt compile(String fixture, String... otherPackage) {
        return compileResource("bad/" + fixture + ".java", otherPackage);
    }

    private static Attempt compileResource(String resource, String... otherPackage) {
        JavaFileObject file = JavaFileObjects.forResource(resource);
        List<JavaFileObject> files = new ArrayList<>(List.of(file));
        for (String other : otherPackage) {
            files.add(JavaFileObjects.forResource(other));
        }
        List<String> sourcesWritten = new ArrayList<>(); // by the Filer, in order
        Processor processor = new EnvironmentSwap(new PipelineProcessor(),
                env -> new RecordingEnvironment(env, new RecordingFiler(env.getFiler(), sourcesWritten)));
        Compilation compilation = Compiler.javac().withProcessors(processor).compile(files);
        return new Attempt(resource, file, compilation, sourcesWritten);
    }

    /** One compile of a bad fixture. */
    private static final class Attempt {
        final String resource;
        final JavaFileObject file;
        final Compilation compilation;
        final List<String> sourcesWritten;

        Attempt(String resource, JavaFileObject file, Compilation compilation, List<String> sourcesWritten) {
            this.resource = resource;
            this.file = file;
            this.compilation = compilation;
            this.sourcesWritten = sourcesWritten;
        }

        /**
         * No wiring class for a bad pipeline. compile-testing hides the generated files of a failed
         * compile ({@code generatedSourceFiles()} throws), so this asks the Filer instead.
         */
        void assertNoWiringWritten() {
            assertEquals(List.of(), sourcesWritten, "source files written for " + resource);
        }
    }

    /** javac's environment with another Filer. */
    private static final class RecordingEnvironment extends ForwardingEnvironment {
        private final Filer filer;

        RecordingEnvironment(ProcessingEnvironment env, Filer filer) {
            super(env);
            this.filer = filer;
        }

        @Override
        public Filer getFiler() {
            return filer;
        }
    }

    /** javac's Filer, noting the name of each source file before creating it. */
    private static final class RecordingFiler implements Filer {
        private final Filer filer;
        private final List<String> sourcesWritten;

        RecordingFiler(Filer filer, List<String> sourcesWritten) {
            this.filer = filer;
            this.sourcesWritten = sourcesWritten;
        }

        @Override
        public JavaFileObject createSourceFile(CharSequence name, Element... originatingElements) throws IOException {
            sourcesWritten.add(name.toString());
            return filer.createSourceFile(name, originatingElements);
        }

        @Override
        public JavaFileObject createClassFile(CharSequence name, Element... originatingElements) throws IOException {
            return filer.createClassFile(name, originatingElements);
        }

        @Override
        public FileObject createResource(JavaFileManager.Location location, CharSequence moduleAndPackage,
                CharSequence relativeName, Element... originatingElements) throws IOException {
            return filer.createResource(location, moduleAndPackage, relativeName, originatingElements);
        }

        @Override
        public FileObject getResource(JavaFileManager.Location location, CharSequence moduleAndPackage,
                CharSequence relativeName) throws IOException {
            return filer.getResource(location, moduleAndPackage, relativeName);
        }
    }
}
