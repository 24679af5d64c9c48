package pneumatic.processor.validate;

import java.util.List;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import pneumatic.processor.diag.Report;
import pneumatic.processor.model.Pipeline;

/**
 * Every rule, in two stages as in Dagger: checks of the annotated type, which may stop the
 * processing of that type, then checks of the parsed chain. Each rule reports all it finds.
 */
public final class Validator {

    private final List<ElementRule> elementRules;
    private final List<ChainRule> chainRules;

    public Validator(Elements elements, Types types) {
        this.elementRules = List.of(
                new KindRule(), new VisibilityRule(), new TypeParametersRule(), new NameRule(elements),
                new InheritedRule(elements, types));
        this.chainRules = List.of(
                new OrderRule(), new StepNameRule(), new SignatureVisibilityRule(elements),
                new TypeFlowRule(elements, types), new WorkersRule(), new CapacityRule());
    }

    /**
     * Runs the checks of the annotated type.
     *
     * @return whether the type can be parsed as a pipeline
     */
    public boolean checkType(TypeElement type, Report report) {
        for (ElementRule rule : elementRules) {
            if (!rule.check(type, report)) {
                return false;
            }
        }
        return true;
    }

    /** Runs the checks of the parsed chain. */
    public void checkChain(Pipeline pipeline, Report report) {
        for (ChainRule rule : chainRules) {
            rule.check(pipeline, report);
        }
    }
}
