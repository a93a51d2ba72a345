package org.reglament.deployment;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.StreamSupport;

import org.yaml.snakeyaml.Yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.reglament.deployment.Tree.has;
import static org.reglament.deployment.Tree.list;
import static org.reglament.deployment.Tree.map;
import static org.reglament.deployment.Tree.text;

/** k8s/ as `kubectl kustomize k8s` renders it: the objects a cluster would be given. */
final class KubernetesManifests {
    private static KubernetesManifests rendered;

    private final List<Map<String, Object>> objects;

    private KubernetesManifests(List<Map<String, Object>> objects) {
        this.objects = objects;
    }

    /** Rendered once per test run; the test is skipped when kubectl is not installed. */
    static synchronized KubernetesManifests render() throws Exception {
        if (rendered == null) {
            ExternalProgram kubectl = ExternalProgram.required("kubectl");
            ExternalProgram.Run run = kubectl.run(Duration.ofSeconds(90), "kustomize", "k8s");
            assertEquals(0, run.exitCode(), "kubectl kustomize k8s failed:\n" + run.errors());
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> objects = StreamSupport.stream(new Yaml().loadAll(run.output()).spliterator(), false)
                    .filter(Objects::nonNull).map(o -> (Map<String, Object>) o).toList();
            rendered = new KubernetesManifests(objects);
        }
        return rendered;
    }

    List<Map<String, Object>> objects() {
        return objects;
    }

    List<Map<String, Object>> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
    }

    Map<String, Object> one(String kind) {
        List<Map<String, Object>> found = ofKind(kind);
        assertEquals(1, found.size(), "one " + kind + " expected in the rendered manifests");
        return found.get(0);
    }

    boolean exists(String kind, String name) {
        return ofKind(kind).stream().anyMatch(o -> name.equals(text(o, "metadata", "name")));
    }

    Map<String, Object> named(String kind, String name) {
        return ofKind(kind).stream().filter(o -> name.equals(text(o, "metadata", "name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " named " + name + " in the rendered manifests"));
    }

    Map<String, Object> deployment() {
        return one("Deployment");
    }

    Map<String, Object> podSpec() {
        return map(deployment(), "spec", "template", "spec");
    }

    /** The Reglament container (the only one of the pod). */
    Map<String, Object> container() {
        List<Object> containers = list(podSpec(), "containers");
        assertEquals(1, containers.size(), "one container per pod expected");
        return map(containers.get(0));
    }

    /**
     * The container's environment as the kubelet would give it: every ConfigMap and Secret of envFrom (Secret values
     * decoded), then env entries with a literal value.
     */
    Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        Map<String, Object> container = container();
        if (has(container, "envFrom")) {
            for (Object source : list(container, "envFrom")) {
                if (has(source, "configMapRef")) {
                    map(named("ConfigMap", text(source, "configMapRef", "name")), "data")
                            .forEach((k, v) -> environment.put(k, String.valueOf(v)));
                }
                if (has(source, "secretRef")) {
                    secretData(named("Secret", text(source, "secretRef", "name"))).forEach(environment::put);
                }
            }
        }
        if (has(container, "env")) {
            for (Object variable : list(container, "env")) {
                environment.put(text(variable, "name"), has(variable, "value") ? text(variable, "value") : "");
            }
        }
        return environment;
    }

    /** A Secret's values, decoded. */
    static Map<String, String> secretData(Map<String, Object> secret) {
        Map<String, String> data = new LinkedHashMap<>();
        if (has(secret, "data")) {
            map(secret, "data").forEach((k, v) -> data.put(k, new String(
                    Base64.getMimeDecoder().decode(String.valueOf(v)), StandardCharsets.UTF_8)));
        }
        if (has(secret, "stringData")) {
            map(secret, "stringData").forEach((k, v) -> data.put(k, String.valueOf(v)));
        }
        return data;
    }

    /** The container port of this name, or the port itself when given as a number. */
    int containerPort(Object portOrName) {
        if (portOrName instanceof Number number) {
            return number.intValue();
        }
        return list(container(), "ports").stream()
                .filter(p -> String.valueOf(portOrName).equals(text(p, "name")))
                .map(p -> ((Number) Tree.at(p, "containerPort")).intValue()).findFirst()
                .orElseThrow(() -> new AssertionError("no container port named " + portOrName));
    }
}
