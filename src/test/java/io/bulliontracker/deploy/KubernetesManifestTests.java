package io.bulliontracker.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.FileReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Kubernetes manifests agree with the service: probe paths and port, secrets by reference, non-root, sized. */
class KubernetesManifestTests {

    private static final Path MANIFESTS = Path.of("src/main/kubernetes/kubernetes.yml");
    private static Map<String, JsonNode> byKind;
    private static Properties config;

    @BeforeAll
    static void read() throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<JsonNode> docs = new ArrayList<>();
        try (var parser = yaml.getFactory().createParser(Files.readString(MANIFESTS))) {
            yaml.readValues(parser, JsonNode.class).forEachRemaining(docs::add);
        }
        byKind = docs.stream().filter(d -> d != null && d.has("kind"))
                .collect(Collectors.toMap(d -> d.get("kind").asText(), d -> d));
        config = new Properties();
        try (var reader = new FileReader("src/main/resources/application.properties")) {
            config.load(reader);
        }
    }

    private static JsonNode container() {
        return byKind.get("Deployment").at("/spec/template/spec/containers/0");
    }

    @Test
    void allResourcesArePresent() {
        for (String kind : List.of("ConfigMap", "Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget")) {
            assertNotNull(byKind.get(kind), kind);
        }
        assertFalse(byKind.containsKey("Secret"), "secret values must not be kept in the manifests");
    }

    @Test
    void probesPointAtTheHealthEndpointsOnTheServicePort() {
        JsonNode c = container();
        assertEquals("/q/health/live", c.at("/livenessProbe/httpGet/path").asText());
        assertEquals("/q/health/ready", c.at("/readinessProbe/httpGet/path").asText());
        assertEquals("/q/health/started", c.at("/startupProbe/httpGet/path").asText());
        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            assertEquals("http", c.at("/" + probe + "/httpGet/port").asText(), probe);
        }
        assertEquals("http", c.at("/ports/0/name").asText());
        assertEquals(Integer.parseInt(config.getProperty("quarkus.http.port")), c.at("/ports/0/containerPort").asInt());
        assertEquals("http", byKind.get("Service").at("/spec/ports/0/targetPort").asText());
    }

    @Test
    void credentialsAndKeysComeFromASecretByReference() {
        JsonNode c = container();
        List<String> secretRefs = new ArrayList<>();
        List<String> configMapRefs = new ArrayList<>();
        c.get("envFrom").forEach(from -> {
            if (from.has("secretRef")) {
                secretRefs.add(from.at("/secretRef/name").asText());
            }
            if (from.has("configMapRef")) {
                configMapRefs.add(from.at("/configMapRef/name").asText());
            }
        });
        assertEquals(List.of("bullion-valuation-secrets"), secretRefs);
        assertEquals(List.of(byKind.get("ConfigMap").at("/metadata/name").asText()), configMapRefs);
        byKind.get("ConfigMap").get("data").fieldNames().forEachRemaining(key ->
                assertFalse(key.contains("PASSWORD") || key.contains("USERNAME") || key.contains("PUBLICKEY"), key + " belongs in the Secret"));
        assertFalse(c.has("env"), "no value is inlined in the container");
    }

    @Test
    void runsAsNonRootWithoutPrivileges() {
        JsonNode pod = byKind.get("Deployment").at("/spec/template/spec");
        assertTrue(pod.at("/securityContext/runAsNonRoot").asBoolean());
        JsonNode c = container();
        assertFalse(c.at("/securityContext/allowPrivilegeEscalation").asBoolean(true));
        assertTrue(c.at("/securityContext/readOnlyRootFilesystem").asBoolean());
        assertEquals("ALL", c.at("/securityContext/capabilities/drop/0").asText());
    }

    @Test
    void resourcesAreRequestedAndLimited() {
        JsonNode resources = container().get("resources");
        for (String path : List.of("/requests/cpu", "/requests/memory", "/limits/cpu", "/limits/memory")) {
            assertFalse(resources.at(path).asText().isBlank(), path);
        }
    }

    @Test
    void gracePeriodCoversTheShutdownDelayAndTimeout() {
        long grace = byKind.get("Deployment").at("/spec/template/spec/terminationGracePeriodSeconds").asLong();
        long delay = Duration.parse("PT" + config.getProperty("%prod.quarkus.shutdown.delay").toUpperCase()).toSeconds();
        long timeout = Duration.parse("PT" + config.getProperty("quarkus.shutdown.timeout").toUpperCase()).toSeconds();
        assertTrue(grace > delay + timeout, grace + " s grace vs " + delay + " + " + timeout + " s");
    }
}
