package io.agrisense.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The deployment kit's example settings ({@code deploy/platform/platform.yaml}) and environment file are read by the
 * real loader, so they cannot drift from it: every key they use is one the loader accepts, and every setting of the
 * configuration records appears in the example.
 */
class ExamplePlatformYamlTest {

    private static final Path DEPLOY = Path.of("..", "deploy", "platform");
    private static final Path EXAMPLE = DEPLOY.resolve("platform.yaml");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void theExampleLoadsWithTheRealLoaderAndGivesTheDocumentedValues() {
        PlatformConfig c = ConfigLoader.load(EXAMPLE, Map.of());

        assertThat(c.dataDir()).isEqualTo(Path.of("/var/lib/agrisense-platform"));
        assertThat(c.database().embedded()).as("empty url: embedded PostgreSQL").isTrue();
        assertThat(c.database().poolSize()).isEqualTo(10);
        assertThat(c.mqtt().embedded()).as("empty url: embedded broker").isTrue();
        assertThat(c.mqtt().port()).isEqualTo(1883);
        assertThat(c.mqtt().clientId()).isEqualTo("agri-platform");
        assertThat(c.mqtt().shareGroup()).as("empty: no shared subscription").isNull();
        assertThat(c.mqtt().sessionExpiry()).isEqualTo(Duration.ofDays(7));
        assertThat(c.http().host()).isEqualTo("127.0.0.1");
        assertThat(c.http().port()).isEqualTo(8080);
        assertThat(c.coap().dtls().port()).isEqualTo(5684);
        assertThat(c.coap().dtls().keys()).isEmpty();
        assertThat(c.ingest().queueCapacity()).isEqualTo(100_000);
        assertThat(c.ingest().batchWait()).isEqualTo(Duration.ZERO);
        assertThat(c.alerts().tickInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.alerts().webhooks()).isEmpty();
        assertThat(c.alerts().webhookRetry().maxAttempts()).isEqualTo(20);
    }

    @Test
    void theEnvironmentStillOverridesTheExample() {
        PlatformConfig c = ConfigLoader.load(EXAMPLE, Map.of(ConfigLoader.AGRI_DB_URL, "jdbc:postgresql://db:5432/agrisense",
                ConfigLoader.AGRI_HTTP_PORT, "9090", ConfigLoader.AGRI_DATA_DIR, "/srv/agri"));

        assertThat(c.database().url()).isEqualTo("jdbc:postgresql://db:5432/agrisense");
        assertThat(c.http().port()).isEqualTo(9090);
        assertThat(c.dataDir()).isEqualTo(Path.of("/srv/agri"));
    }

    @Test
    void theExampleNamesEverySettingOfTheConfigurationRecords() throws IOException {
        List<String> missing = new ArrayList<>();
        missingKeys(PlatformConfig.class, YAML.readTree(EXAMPLE.toFile()), "", missing);
        // Secrets and the first admin come only from the environment (the example environment file names them).
        assertThat(missing).as("settings without an example").containsExactlyInAnyOrderElementsOf(ENVIRONMENT_ONLY.keySet());
        String env = Files.readString(DEPLOY.resolve("platform.env"));
        assertThat(ENVIRONMENT_ONLY.values()).allSatisfy(variable -> assertThat(env).contains(variable));
    }

    private static final Map<String, String> ENVIRONMENT_ONLY = Map.of(
            "security.secretKey", ConfigLoader.AGRI_SECRET_KEY,
            "security.adminUser", ConfigLoader.AGRI_ADMIN_USER,
            "security.adminPassword", ConfigLoader.AGRI_ADMIN_PASSWORD);

    @Test
    void theCommentedWebhookExampleIsValidAndComplete() throws IOException {
        String block = commentedBlock(Files.readString(EXAMPLE), "webhooks:");
        PlatformConfig c = ConfigLoader.fromYaml("alerts:\n" + block, "commented webhook example", Map.of());

        assertThat(c.alerts().webhooks()).singleElement().satisfies(w -> {
            assertThat(w.url()).isEqualTo("https://ops.example.org/agrisense/alerts");
            assertThat(w.severities()).containsExactlyInAnyOrder("critical", "warning");
            assertThat(w.timeout()).isEqualTo(Duration.ofSeconds(10));
        });
        List<String> missing = new ArrayList<>();
        missingKeys(PlatformConfig.Webhook.class, YAML.readTree(block).path("webhooks").get(0), "alerts.webhooks[0].", missing);
        assertThat(missing).isEmpty();
    }

    @Test
    void theEnvironmentFileNamesOnlyVariablesTheLoaderReads() throws Exception {
        Set<String> known = Arrays.stream(ConfigLoader.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getName().startsWith("AGRI_"))
                .map(f -> f.getName()).collect(Collectors.toSet());
        Matcher m = Pattern.compile("AGRI_[A-Z_]+").matcher(Files.readString(DEPLOY.resolve("platform.env")));
        List<String> named = new ArrayList<>();
        while (m.find()) {
            named.add(m.group());
        }
        assertThat(named).isNotEmpty().allSatisfy(v -> assertThat(known).contains(v));
        assertThat(named).contains(ConfigLoader.AGRI_DB_URL, ConfigLoader.AGRI_DB_PASSWORD, ConfigLoader.AGRI_MQTT_URL);
    }

    /** Record components (the settings) that have no key in the example node; nested records are walked. */
    private static void missingKeys(Class<?> type, JsonNode node, String path, List<String> missing) {
        for (RecordComponent c : type.getRecordComponents()) {
            JsonNode child = node.get(c.getName());
            if (child == null) {
                missing.add(path + c.getName());
            } else if (c.getType().isRecord()) {
                missingKeys(c.getType(), child, path + c.getName() + ".", missing);
            }
        }
    }

    /** The lines after {@code # <start>} up to the first line that is not a comment, uncommented. */
    private static String commentedBlock(String text, String start) {
        List<String> lines = text.lines().toList();
        int first = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals("# " + start)) {
                first = i;
                break;
            }
        }
        assertThat(first).as("a commented '%s' block", start).isNotNegative();
        StringBuilder block = new StringBuilder();
        for (int i = first; i < lines.size() && lines.get(i).strip().startsWith("#"); i++) {
            block.append(lines.get(i).replaceFirst("#\\s?", "")).append('\n');
        }
        return block.toString();
    }
}
