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
            String method = Display.method(step.method());
            if (step.role() == Role.SOURCE) {
                if (firstSource != null) {
                    report.error(step.method(), step.annotation(), null,
                            Messages.secondSource(method, Display.method(firstSource.method())));
                } else {
                    firstSource = step;
                    if (i > 0) {
                        report.error(step.method(), step.annotation(), null,
                                Messages.sourceNotFirst(method, Display.method(steps.get(i - 1).method())));
                    }
                }
            } else if (step.role() == Role.SINK) {
                if (firstSink != null) {
                    report.error(step.method(), step.annotation(), null,
                            Messages.secondSink(method, Display.method(firstSink.method())));
                } else {
                    firstSink = step;
                    Step after = firstNonSinkAfter(steps, i);
                    if (after != null) { // only sinks after it: each of those is "a second sink"
                        report.error(step.method(), step.annotation(), null,
                                Messages.sinkNotLast(method, Display.method(after.method())));
                    }
                }
            }
        }
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
