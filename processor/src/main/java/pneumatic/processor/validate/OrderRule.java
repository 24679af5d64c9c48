package pneumatic.processor.validate;

import java.util.List;
import pneumatic.processor.diag.Display;
import pneumatic.processor.diag.Messages;
import pneumatic.processor.diag.Report;
import pneumatic.processor.model.Pipeline;
import pneumatic.processor.model.Role;
import pneumatic.processor.model.Step;

/**
 * {@code [Pipeline/Order]}: at least one step; at most one source, and it comes first; at most
 * one sink, and it comes last.
 */
final class OrderRule implements ChainRule {

    @Override
    public void check(Pipeline pipeline, Report report) {
        List<Step> steps = pipeline.steps();
        if (steps.isEmpty()) {
            report.error(pipeline.element(), Messages.noSteps(pipeline.displayName()));
            return;
        }
        Step firstSource = null;
        Step firstSink = null;
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            if (step.role() == Role.SOURCE) {
                if (firstSource != null) {
                    report.error(step.method(), step.annotation(), null,
                            Messages.secondSource(method(step, firstSource), method(firstSource, step)));
                } else {
                    firstSource = step;
                    if (i > 0) {
                        Step before = steps.get(i - 1);
                        report.error(step.method(), step.annotation(), null,
                                Messages.sourceNotFirst(method(step, before), method(before, step)));
                    }
                }
            } else if (step.role() == Role.SINK) {
                if (firstSink != null) {
                    report.error(step.method(), step.annotation(), null,
                            Messages.secondSink(method(step, firstSink), method(firstSink, step)));
                } else {
                    firstSink = step;
                    Step after = firstNonSinkAfter(steps, i);
                    if (after != null) { // only sinks after it: each of those is "a second sink"
                        report.error(step.method(), step.annotation(), null,
                                Messages.sinkNotLast(method(step, after), method(after, step)));
                    }
                }
            }
        }
    }

    /** How a message that also names {@code other} shows {@code step}: {@link Display.Names}. */
    private static String method(Step step, Step other) {
        return Display.Names.of(step.method(), other.method()).method(step.method());
    }

    private static Step firstNonSinkAfter(List<Step> steps, int index) {
        for (Step step : steps.subList(index + 1, steps.size())) {
            if (step.role() != Role.SINK) {
                return step;
            }
        }
        return null;
    }
}
