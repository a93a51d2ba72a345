package org.reglament.deployment;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.reglament.api.TestIdentityProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The container image as operators get it (docker/README.md), run without a container engine: the image jib built in
 * this build's {@code package} starts and decides as it is, then docker/train-image.sh adds the class-data archive of a
 * training start, and the trained image starts from that archive (the check sees the JVM map it) on Spring's AOT code
 * and decides with its log in PostgreSQL and an identity provider's tokens accepted, as docker/compose.yaml and k8s/
 * run it. Needs root (chroot), the base image .ci/run makes
 * (REGLAMENT_TEST_IMAGE_BASE, which also makes {@code package} build the image) and a PostgreSQL server.
 */
class ImageIT {

    private static final Path BUILT = Path.of("target/jib-image.tar");
    private static final Path TRAINED = Path.of("target/reglament-image.tar");
    private static final Pattern READY = Pattern.compile("ready in (\\d+) ms");

    @Test
    void theImageDecidesAsBuiltAndTrainedStartsFromItsArchiveOnPostgres() throws Exception {
        assumeTrue(System.getenv("REGLAMENT_TEST_IMAGE_BASE") != null,
                "no base image: .ci/run makes one (.ci/image-base.sh) and names it in REGLAMENT_TEST_IMAGE_BASE, "
                        + "with which `package` builds the image");
        ExternalProgram bash = ExternalProgram.required("bash");
        assumeTrue(bash.run(Duration.ofSeconds(10), "-c", "id -u").output().trim().equals("0"),
                "the image is run under chroot, which needs root");
        String postgres = System.getenv("REGLAMENT_TEST_POSTGRES_URL");
        assumeTrue(postgres != null && postgres.startsWith("jdbc:postgresql:"),
                "needs a PostgreSQL server: REGLAMENT_TEST_POSTGRES_URL (.ci/run starts one)");
        assertThat(BUILT).as("REGLAMENT_TEST_IMAGE_BASE is set, so `package` builds the image with jib").exists();

        ExternalProgram.Run asBuilt = bash.run(Duration.ofMinutes(4), "docker/check-image.sh", BUILT.toString());
        assertThat(asBuilt.exitCode()).as(asBuilt.output() + asBuilt.errors()).isZero();
        long uid = ContainerImage.fromPom().uid();
        assertThat(asBuilt.output()).contains("running as uid " + uid, "log verified: 1 receipt(s) intact", "PASS")
                .doesNotContain("class-data archive in use", "ahead-of-time code");

        Files.deleteIfExists(TRAINED);
        ExternalProgram.Run training = bash.run(Duration.ofMinutes(5), "docker/train-image.sh", BUILT.toString(),
                TRAINED.toString());
        assertThat(training.exitCode()).as(training.output() + training.errors()).isZero();
        assertThat(training.output()).contains("entrypoint java -XX:SharedArchiveFile=/app/reglament.jsa "
                + "-Dspring.aot.enabled=true -XX:MaxRAMPercentage=75 -cp");
        assertThat(TRAINED).exists();

        // A schema of its own, dropped after: the other PostgreSQL tests share the database. And an identity
        // provider as well as the keys (its JWK set served on loopback, which the chroot shares): the trained image
        // runs on Spring's AOT code, whose bean definitions were fixed at build time without one, and the auditor
        // reads the log with the provider's token while a forged one is refused.
        TestIdentityProvider provider = new TestIdentityProvider();
        HttpServer jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.createContext("/jwks", exchange -> {
            byte[] body = provider.jwkSet().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        jwks.start();
        String schema = "image_it_" + UUID.randomUUID().toString().replace("-", "");
        String url = postgres + (postgres.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        String user = System.getenv().getOrDefault("REGLAMENT_TEST_POSTGRES_USER", "reglament");
        String password = System.getenv().getOrDefault("REGLAMENT_TEST_POSTGRES_PASSWORD", "");
        ExternalProgram.Run trained;
        try {
            trained = bash.run(Duration.ofMinutes(4),
                    Map.of("REGLAMENT_CHECK_TOKEN", provider.token("image-auditor", List.of("AUDITOR"))),
                    "docker/check-image.sh", TRAINED.toString(),
                    "--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                    "--spring.datasource.password=" + password,
                    "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:"
                            + jwks.getAddress().getPort() + "/jwks",
                    "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestIdentityProvider.ISSUER);
        } finally {
            jwks.stop(0);
            try (Connection connection = DriverManager.getConnection(postgres, user, password);
                 Statement statement = connection.createStatement()) {
                statement.execute("drop schema if exists " + schema + " cascade");
            }
        }
        assertThat(trained.exitCode()).as(trained.output() + trained.errors()).isZero();
        assertThat(trained.output()).contains("class-data archive in use: /app/reglament.jsa",
                "started on Spring's ahead-of-time code",
                "bearer token of the identity provider accepted, a forged one refused with 401",
                "log verified: 1 receipt(s) intact", "PASS");

        // The start times go to the build's output (docs/benchmarks.md reads them; never asserted: the machine is shared).
        System.out.printf("image ready: as built %s ms, trained %s ms%n", ready(asBuilt), ready(trained));
    }

    private static String ready(ExternalProgram.Run run) {
        Matcher matcher = READY.matcher(run.output());
        assertThat(matcher.find()).as(run.output()).isTrue();
        return matcher.group(1);
    }
}
