package org.reglament.benchmark;

import java.util.List;
import java.util.Map;

import org.kie.dmn.api.core.DMNContext;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNResult;
import org.kie.dmn.api.core.DMNRuntime;
import org.kie.dmn.core.internal.utils.DMNRuntimeBuilder;
import org.kie.internal.io.ResourceFactory;
import org.reglament.matrix.ServiceDescription;

/**
 * The peer: Drools DMN ({@code kie-dmn-core}, the same Drools as the product) evaluating the criteria as one decision
 * table ({@code kamchatka-3.1.4.dmn}, hit policy UNIQUE, nine outputs), bare: the cells and nothing else. Built as
 * its documentation builds a runtime without a kmodule; the alpha-network compilation of tables is left off (it fails
 * on a nine-output table, STACK.md trap 13).
 */
final class DroolsDmnCriteria implements Criteria {
    private final DMNRuntime runtime;
    private final DMNModel model;

    DroolsDmnCriteria() {
        runtime = DMNRuntimeBuilder.fromDefaults().buildConfiguration()
                .fromResources(List.of(ResourceFactory.newClassPathResource("kamchatka-3.1.4.dmn", getClass())))
                .getOrElseThrow(e -> new IllegalStateException("the decision table does not compile", e));
        model = runtime.getModels().get(0);
        if (model.hasErrors()) {
            throw new IllegalStateException("the decision table has errors: " + model.getMessages());
        }
    }

    /** The table's result: a context with action1 … action9. */
    DMNResult evaluate(ServiceDescription service) {
        DMNContext context = runtime.newContext();
        context.set("applicationsPerYear", service.applicationsPerYear());
        context.set("electronicWithoutOriginals", service.electronicWithoutOriginals());
        context.set("inPersonReceptionAtAgency", service.inPersonReceptionAtAgency());
        context.set("feeOrPayment", service.feeOrPayment());
        return runtime.evaluateAll(model, context);
    }

    @Override
    public String[] cells(ServiceDescription service) {
        DMNResult result = evaluate(service);
        if (result.hasErrors()) {
            throw new IllegalStateException("the decision table failed on " + service + ": " + result.getMessages());
        }
        Map<?, ?> cells = (Map<?, ?>) result.getDecisionResultByName("cells").getResult();
        String[] codes = new String[9];
        for (int action = 1; action <= 9; action++) {
            codes[action - 1] = (String) cells.get("action" + action);
        }
        return codes;
    }
}
