package org.reglament.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.AbstractEnvironment;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * The configuration the application actually reads, so that a deployment file can be checked against it: the keys of
 * application.properties, the placeholders of every {@code @Value} in src/main/java, the properties of every
 * {@code @ConfigurationProperties} class, and the properties Spring Boot documents in its configuration metadata
 * (spring.*, server.*, management.*, logging.*). Environment variables are mapped to properties by Spring Boot's own
 * relaxed binding ({@code SPRING_DATASOURCE_URL} is spring.datasource.url, {@code REGLAMENT_SECURITY_APIKEYS_0_KEY}
 * is reglament.security.api-keys[0].key), never by a rule of this class.
 */
final class ApplicationSettings {
    private static final Path PROPERTIES = Path.of("src/main/resources/application.properties");
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern VALUE_ANNOTATION = Pattern.compile("@Value\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*\\)");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^:}${]+)");
    private static final Pattern PROPERTIES_PREFIX =
            Pattern.compile("@ConfigurationProperties\\(\\s*(?:(?:value|prefix)\\s*=\\s*)?\"([^\"]+)\"");
    /** Read by the JVM itself, not by Spring: allowed in a deployment's environment. */
    private static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS");

    private final Properties defaults;
    /** Properties read one by one, by their uniform name with list indices as [*]. */
    private final Set<String> names = new TreeSet<>();
    /** Properties read with everything below them (maps, lists of values): a descendant is read too. */
    private final Set<String> parents = new TreeSet<>();

    private ApplicationSettings(Properties defaults) {
        this.defaults = defaults;
    }

    static ApplicationSettings load() throws IOException {
        Properties defaults = new Properties();
        try (Reader reader = Files.newBufferedReader(PROPERTIES, StandardCharsets.UTF_8)) {
            defaults.load(reader);
        }
        ApplicationSettings settings = new ApplicationSettings(defaults);
        defaults.stringPropertyNames().forEach(settings.names::add);
        settings.readValueAnnotations();
        settings.readConfigurationProperties();
        settings.readBootMetadata();
        settings.uniformNames();
        return settings;
    }

    /**
     * The property an environment variable sets, as Spring Boot maps it, if the application reads that property.
     * Empty for a variable that sets nothing the application reads (a typo, a property that does not exist).
     */
    Optional<String> propertyOf(String variable) {
        if (JVM_VARIABLES.contains(variable)) {
            return Optional.of(variable);
        }
        // Named as the system environment is, so that Spring Boot maps its names as environment variables.
        ConfigurationPropertySource source = ConfigurationPropertySources.from(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(variable, "x"))).iterator().next();
        return ((IterableConfigurationPropertySource) source).stream()
                .map(ConfigurationPropertyName::toString)
                .filter(this::reads)
                .findFirst();
    }

    /** Whether the application reads this property (by any of its relaxed forms). */
    boolean reads(String property) {
        String name = uniform(property);
        return names.contains(name) || parents.stream().anyMatch(parent -> name.startsWith(parent + ".")
                || name.startsWith(parent + "["));
    }

    /**
     * The value the application sees for a property when started with these environment variables and no other:
     * theirs by relaxed binding, else application.properties', placeholders resolved.
     */
    Optional<String> value(String property, Map<String, String> environment) {
        AbstractEnvironment resolved = new AbstractEnvironment() {
        };
        resolved.getPropertySources().addLast(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.copyOf(environment)));
        resolved.getPropertySources().addLast(new PropertiesPropertySource("application.properties", defaults));
        ConfigurationPropertySources.attach(resolved);
        return Optional.ofNullable(resolved.getProperty(property));
    }

    /** Names kept in uniform form; a documented name that is not a valid property name cannot be set and is dropped. */
    private void uniformNames() {
        for (Set<String> set : java.util.List.of(names, parents)) {
            Set<String> uniform = new TreeSet<>();
            for (String name : set) {
                if (ConfigurationPropertyName.isValid(name.replaceAll("\\[\\d+]", ""))) {
                    uniform.add(uniform(name));
                }
            }
            set.clear();
            set.addAll(uniform);
        }
    }

    /** The uniform form Spring Boot compares names in (no dashes, lower case), with list indices as [*]. */
    static String uniform(String property) {
        ConfigurationPropertyName name = ConfigurationPropertyName.of(property);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.getNumberOfElements(); i++) {
            if (name.isNumericIndex(i)) {
                out.append("[*]");
            } else {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(name.getElement(i, ConfigurationPropertyName.Form.UNIFORM));
            }
        }
        return out.toString();
    }

    private void readValueAnnotations() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher annotation = VALUE_ANNOTATION.matcher(Files.readString(file));
                while (annotation.find()) {
                    Matcher placeholder = PLACEHOLDER.matcher(annotation.group(1));
                    while (placeholder.find()) {
                        names.add(placeholder.group(1).trim());
                    }
                }
            }
        }
    }

    /**
     * Every class of the application annotated with @ConfigurationProperties, walked field by field. A prefix named
     * in the sources that no class carries (the annotation on a @Bean method) stops the check: it would be missed.
     */
    private void readConfigurationProperties() throws IOException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        Set<String> prefixes = new TreeSet<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("org.reglament")) {
            Class<?> type;
            try {
                type = Class.forName(candidate.getBeanClassName());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            if (type.getProtectionDomain().getCodeSource().getLocation().getPath().contains("test-classes")) {
                continue;
            }
            ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
            String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
            prefixes.add(prefix);
            walk(prefix, type);
        }
        Set<String> inSources = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher annotation = PROPERTIES_PREFIX.matcher(Files.readString(file));
                while (annotation.find()) {
                    inSources.add(annotation.group(1));
                }
            }
        }
        if (!prefixes.containsAll(inSources)) {
            throw new IllegalStateException("@ConfigurationProperties " + inSources + " in the sources, but only "
                    + prefixes + " on classes: teach ApplicationSettings the others");
        }
    }

    private void walk(String prefix, Class<?> type) {
        for (Field field : type.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            String name = prefix + "." + field.getName().toLowerCase();
            Class<?> raw = field.getType();
            if (ours(raw)) {
                walk(name, raw);
            } else if (Collection.class.isAssignableFrom(raw) && ours(elementType(field.getGenericType()))) {
                walk(name + "[0]", elementType(field.getGenericType()));
            } else if (Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw) || raw.isArray()) {
                parents.add(name);
                names.add(name);
            } else {
                names.add(name);
            }
        }
    }

    private static boolean ours(Class<?> type) {
        return type != null && !type.isEnum() && type.getPackageName().startsWith("org.reglament");
    }

    private static Class<?> elementType(Type type) {
        if (type instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return null;
    }

    /** Spring Boot's own properties, from the configuration metadata its jars carry. */
    private void readBootMetadata() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Enumeration<URL> metadata = getClass().getClassLoader().getResources("META-INF/spring-configuration-metadata.json");
        for (URL url : Collections.list(metadata)) {
            try (InputStream in = url.openStream()) {
                for (JsonNode property : json.readTree(in).path("properties")) {
                    String name = property.path("name").asText();
                    String type = property.path("type").asText("");
                    names.add(name);
                    if (type.startsWith("java.util.Map") || type.startsWith("java.util.List")
                            || type.startsWith("java.util.Set") || type.endsWith("[]")) {
                        parents.add(name);
                    }
                }
            }
        }
    }
}
