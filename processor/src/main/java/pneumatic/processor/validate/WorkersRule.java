package pneumatic.processor.validate;

import pneumatic.processor.diag.Display;
import pneumatic.processor.diag.Messages;
import pneumatic.processor.diag.Report;
import pneumatic.processor.model.Pipeline;
import pneumatic.processor.model.Step;

/** {@code [Pipeline/Workers]}: a step runs on at least one thread. */
final class WorkersRule implements ChainRule {

    @Override
    public void check(Pipeline pipeline, Report report) {
        for (Step step : pipeline.steps()) {
            if (step.workers() < 1) {
                report.error(step.method(), step.annotation(), step.workersValue(),
                        Messages.workers(step.workers(), Display.method(step.method())));
            }
        }
    }
}
