package org.reglament.deployment;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reglament.deployment.Tree.at;
import static org.reglament.deployment.Tree.has;
import static org.reglament.deployment.Tree.list;
import static org.reglament.deployment.Tree.map;
import static org.reglament.deployment.Tree.text;

/**
 * k8s/, rendered by `kubectl kustomize k8s` as a cluster would get it, checked against the application: the ports it
 * listens on, the probes it answers, the properties its environment variables set, what it writes and where its
 * signing key is. The probes and the scrape path are asked of a started server in {@link MonitoringTest}.
 */
class KubernetesManifestsTest {
    private static KubernetesManifests manifests;
    private static ApplicationSettings settings;
    private static Map<String, String> environment;

    @BeforeAll
    static void render() throws Exception {
        manifests = KubernetesManifests.render();
        settings = ApplicationSettings.load();
        environment = manifests.environment();
    }

    @Test
    void rendersEveryPartOfTheDeployment() {
        Set<String> kinds = new TreeSet<>();
        manifests.objects().forEach(o -> kinds.add(text(o, "kind")));
        assertThat(kinds).containsExactlyInAnyOrder("ConfigMap", "Secret", "Service", "Deployment",
                "HorizontalPodAutoscaler", "PodDisruptionBudget");
    }

    @Test
    void everyEnvironmentVariableSetsAPropertyTheApplicationReads() {
        assertThat(environment).isNotEmpty();
        List<String> unread = environment.keySet().stream().filter(v -> settings.propertyOf(v).isEmpty()).toList();
        assertEquals(List.of(), unread, "environment variables of k8s/ that set no property the application reads");
    }

    @Test
    void containerPortsAreThePortsTheApplicationListensOn() {
        int server = Integer.parseInt(settings.value("server.port", environment).orElseThrow());
        int management = Integer.parseInt(settings.value("management.server.port", environment)
                .orElseThrow(() -> new AssertionError("k8s/ must set management.server.port: probes and metrics "
                        + "answer there without a key")));
        assertNotEquals(server, management, "the management port must be a port of its own");
        assertEquals(server, manifests.containerPort("http"));
        assertEquals(management, manifests.containerPort("management"));
        assertEquals(2, list(manifests.container(), "ports").size());

        Map<String, Object> service = manifests.one("Service");
        for (Object port : list(service, "spec", "ports")) {
            int target = manifests.containerPort(at(port, "targetPort"));
            assertThat(target).isIn(server, management);
        }
        assertThat(podLabels()).containsAllEntriesOf(stringMap(map(service, "spec", "selector")));
        Map<String, Object> annotations = map(manifests.deployment(), "spec", "template", "metadata", "annotations");
        assertEquals(String.valueOf(management), text(annotations, "prometheus.io/port"));
        assertEquals("/actuator/prometheus", text(annotations, "prometheus.io/path"));
    }

    @Test
    void probesAreTheActuatorProbesOnTheManagementPort() {
        Map<String, Object> container = manifests.container();
        int management = manifests.containerPort("management");
        assertEquals("/actuator/health/readiness", text(container, "readinessProbe", "httpGet", "path"));
        assertEquals("/actuator/health/liveness", text(container, "livenessProbe", "httpGet", "path"));
        assertEquals("/actuator/health/liveness", text(container, "startupProbe", "httpGet", "path"));
        for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
            assertEquals(management, manifests.containerPort(at(container, probe, "httpGet", "port")), probe);
        }
        // The application answers them: the health endpoint is exposed with its probe groups.
        assertEquals("true", settings.value("management.endpoint.health.probes.enabled", environment).orElseThrow());
        assertThat(settings.value("management.endpoints.web.exposure.include", environment).orElseThrow().split(","))
                .contains("health", "prometheus");
    }

    @Test
    void runsAsTheImagesNonRootUserWithAReadOnlyRoot() throws Exception {
        ContainerImage image = ContainerImage.fromPom();
        Map<String, Object> pod = map(manifests.podSpec(), "securityContext");
        Map<String, Object> container = map(manifests.container(), "securityContext");
        assertEquals(image.name(), text(manifests.container(), "image"));
        assertNotEquals(0L, image.uid());
        assertEquals(true, at(pod, "runAsNonRoot"));
        assertEquals(image.uid(), ((Number) at(pod, "runAsUser")).longValue());
        assertEquals(image.uid(), ((Number) at(pod, "fsGroup")).longValue(), "volumes must be writable by the user");
        assertEquals(true, at(container, "readOnlyRootFilesystem"));
        assertEquals(false, at(container, "allowPrivilegeEscalation"));
        assertThat(list(container, "capabilities", "drop")).containsExactly("ALL");
        assertTrue(!has(container, "runAsUser") || ((Number) at(container, "runAsUser")).longValue() == image.uid());
    }

    @Test
    void everyPathTheApplicationWritesIsAWritableVolume() {
        List<String> written = List.of(
                settings.value("reglament.data-directory", environment).orElseThrow(),
                settings.value("reglament.audit.log.journal-directory", environment).orElseThrow(),
                "/tmp");
        for (String path : written) {
            assertTrue(Path.of(path).isAbsolute(), path + " must be absolute: the working directory is read-only");
            Map<String, Object> volume = volumeOf(path);
            assertTrue(has(volume, "emptyDir") || has(volume, "persistentVolumeClaim"),
                    path + " is on volume " + volume + ", not a writable one");
        }
    }

    @Test
    void theSigningKeyIsAFileOfASecretOutsideTheDataDirectory() {
        Path key = Path.of(settings.value("reglament.audit.log.signing-key", environment)
                .orElseThrow(() -> new AssertionError("k8s/ must set reglament.audit.log.signing-key")));
        Path data = Path.of(settings.value("reglament.data-directory", environment).orElseThrow());
        assertTrue(!key.startsWith(data), key + " must not be under the data directory " + data);
        Map<String, Object> mount = mountOf(key.toString());
        assertEquals(true, at(mount, "readOnly"));
        assertEquals(key.getParent(), Path.of(text(mount, "mountPath")));
        Map<String, Object> volume = volumeOf(key.toString());
        Map<String, Object> secret = manifests.named("Secret", text(volume, "secret", "secretName"));
        assertThat(KubernetesManifests.secretData(secret)).containsKey(key.getFileName().toString());
    }

    @Test
    void everyReferenceResolvesAndSelectorsMatchThePods() {
        Map<String, Object> container = manifests.container();
        for (Object source : list(container, "envFrom")) {
            if (has(source, "configMapRef")) {
                assertTrue(manifests.exists("ConfigMap", text(source, "configMapRef", "name")), source.toString());
            }
            if (has(source, "secretRef")) {
                assertTrue(manifests.exists("Secret", text(source, "secretRef", "name")), source.toString());
            }
        }
        for (Object volume : list(manifests.podSpec(), "volumes")) {
            if (has(volume, "secret")) {
                assertTrue(manifests.exists("Secret", text(volume, "secret", "secretName")), volume.toString());
            }
        }
        Map<String, Object> deployment = manifests.deployment();
        Map<String, Object> autoscaler = manifests.one("HorizontalPodAutoscaler");
        assertEquals("Deployment", text(autoscaler, "spec", "scaleTargetRef", "kind"));
        assertEquals(text(deployment, "metadata", "name"), text(autoscaler, "spec", "scaleTargetRef", "name"));
        Map<String, Object> budget = manifests.one("PodDisruptionBudget");
        assertThat(podLabels()).containsAllEntriesOf(stringMap(map(budget, "spec", "selector", "matchLabels")));
        assertThat(podLabels()).containsAllEntriesOf(stringMap(map(deployment, "spec", "selector", "matchLabels")));
        int minReplicas = ((Number) at(autoscaler, "spec", "minReplicas")).intValue();
        int maxUnavailable = ((Number) at(budget, "spec", "maxUnavailable")).intValue();
        assertThat(minReplicas).isGreaterThanOrEqualTo(2);
        assertThat(maxUnavailable).isLessThan(minReplicas);
        List<String> mounts = list(container, "volumeMounts").stream().map(m -> text(m, "name")).toList();
        List<String> volumes = list(manifests.podSpec(), "volumes").stream().map(v -> text(v, "name")).toList();
        assertThat(volumes).containsAll(mounts);
    }

    @Test
    void stoppingLeavesTimeToAnswerTheRequestsInFlight() {
        assertEquals("graceful", settings.value("server.shutdown", environment).orElseThrow());
        Duration shutdown = DurationStyle.detectAndParse(
                settings.value("spring.lifecycle.timeout-per-shutdown-phase", environment).orElseThrow());
        List<Object> preStop = list(manifests.container(), "lifecycle", "preStop", "exec", "command");
        assertEquals("sleep", preStop.get(0));
        Duration sleep = Duration.ofSeconds(Long.parseLong(String.valueOf(preStop.get(1))));
        Duration drain = DurationStyle.detectAndParse(settings.value("reglament.shutdown.drain", environment).orElse("0s"));
        Duration grace = Duration.ofSeconds(((Number) at(manifests.podSpec(), "terminationGracePeriodSeconds")).longValue());
        assertThat(grace).isGreaterThan(sleep.plus(drain).plus(shutdown));
    }

    private Map<String, String> podLabels() {
        return stringMap(map(manifests.deployment(), "spec", "template", "metadata", "labels"));
    }

    private static Map<String, String> stringMap(Map<String, Object> map) {
        Map<String, String> strings = new java.util.LinkedHashMap<>();
        map.forEach((k, v) -> strings.put(k, String.valueOf(v)));
        return strings;
    }

    /** The volume mount holding a path: the one with the longest mount path above it. */
    private Map<String, Object> mountOf(String path) {
        List<Map<String, Object>> mounts = new ArrayList<>();
        for (Object mount : list(manifests.container(), "volumeMounts")) {
            if (Path.of(path).startsWith(Path.of(text(mount, "mountPath")))) {
                mounts.add(map(mount));
            }
        }
        return mounts.stream().max((a, b) -> text(a, "mountPath").length() - text(b, "mountPath").length())
                .orElseThrow(() -> new AssertionError(path + " is on no volume: the root file system is read-only"));
    }

    private Map<String, Object> volumeOf(String path) {
        String name = text(mountOf(path), "name");
        return list(manifests.podSpec(), "volumes").stream().filter(v -> name.equals(text(v, "name")))
                .map(Tree::map).findFirst().orElseThrow(() -> new AssertionError("no volume " + name));
    }
}
