package org.reglament.knowledgebase;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.Model;

/**
 * The executable model of the packaged rules, generated and compiled when the jar is built ({@code mvn package}
 * runs {@link #main} after the classes are compiled): generating and compiling it at start took 3–5 s of every start
 * and of every command-line run (docs/benchmarks.md, registry files), loading it takes under a second. It is used only
 * for the very sources it was compiled from (same content hash); any other knowledge base is compiled as before. So
 * are the DRL files' descriptions (package, rules, metadata literals: {@link #descriptions}).
 */
public final class PrecompiledRules {
    static final String MODEL = "rules.kjar";
    static final String VERSION = "rules.kjar.version";
    /** What each DRL file of the packaged rules declares ({@link DrlDescription}), read when the jar is built. */
    static final String DESCRIPTIONS = "rules.descriptions.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private PrecompiledRules() {
    }

    /** Writes {@code rules.kjar} for the rules under {@code <classes>/rules}, unless it is there for these rules. */
    public static void main(String[] args) throws IOException {
        Path classes = Path.of(args[0]);
        RuleSources sources = RuleSources.fromDirectory(classes.resolve("rules"));
        Path version = classes.resolve(VERSION);
        if (Files.isRegularFile(version) && Files.readString(version).equals(sources.version())
                && Files.isRegularFile(classes.resolve(MODEL)) && Files.isRegularFile(classes.resolve(DESCRIPTIONS))) {
            return;
        }
        Map<String, Described> descriptions = new TreeMap<>();
        sources.files().forEach((path, content) -> {
            if (path.endsWith(".drl")) {
                DrlDescription drl = DrlDescription.read(path, new String(content, StandardCharsets.UTF_8));
                descriptions.put(path, new Described(drl.packageName(), drl.rules()));
            }
        });
        JSON.writeValue(classes.resolve(DESCRIPTIONS).toFile(), descriptions);
        byte[] kjar = ((InternalKieModule) KnowledgeBaseCompiler.executableModel(sources).getKieModule()).getBytes();
        // Checked here, once, for the precompiled model: at start its packages are instantiated only as they are needed.
        KnowledgeBaseCompiler.checkEveryRuleIsDeclared(models(kjar, PrecompiledRules.class.getClassLoader()),
                new KnowledgeBaseCompiler().outline(sources));
        Files.write(classes.resolve(MODEL), kjar);
        Files.writeString(version, sources.version());
    }

    /** Whether the class path has the model precompiled from exactly these sources (the packaged rules). */
    public static boolean isFor(RuleSources sources) {
        try (InputStream version = PrecompiledRules.class.getClassLoader().getResourceAsStream(VERSION)) {
            return version != null && new String(version.readAllBytes(), StandardCharsets.US_ASCII).equals(sources.version());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the precompiled rules", e);
        }
    }

    /** A DRL file's package and rules as {@link DrlDescription} read them. */
    record Described(String packageName, List<DrlDescription.DescribedRule> rules) {
    }

    /**
     * What the DRL files of exactly these sources declare, read by {@link DrlDescription} when the jar was built (the
     * same files: the same content hash), by path; empty for any other sources, whose files are read at start. The
     * DRL parser and the Java parser of the metadata literals took most of the knowledge base's time at start.
     */
    static Map<String, DrlDescription> descriptions(RuleSources sources) {
        if (!isFor(sources)) {
            return Map.of();
        }
        try (InputStream json = PrecompiledRules.class.getClassLoader().getResourceAsStream(DESCRIPTIONS)) {
            if (json == null) {
                return Map.of();
            }
            Map<String, Described> described = JSON.readValue(json, new TypeReference<Map<String, Described>>() { });
            Map<String, DrlDescription> descriptions = new HashMap<>();
            described.forEach((path, drl) -> descriptions.put(path, DrlDescription.of(drl.packageName(), drl.rules())));
            return descriptions;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the precompiled rules' descriptions", e);
        }
    }

    /**
     * The precompiled model, if the class path has one for exactly these sources: one {@link PackageModel} per package,
     * each instantiated when a KieBase first needs it. Its rules were checked against the DRL texts when it was built
     * ({@link #main}), so a command that decides on the rules of one act loads no other act's classes.
     */
    static Optional<List<PackageModel>> load(RuleSources sources) {
        ClassLoader loader = PrecompiledRules.class.getClassLoader();
        try {
            if (!isFor(sources)) {
                return Optional.empty();
            }
            try (InputStream kjar = loader.getResourceAsStream(MODEL)) {
                return kjar == null ? Optional.empty() : Optional.of(models(kjar.readAllBytes(), loader));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the precompiled rules", e);
        }
    }

    /**
     * The model classes named in the {@code drools-model} list of an executable-model module (a kjar, precompiled or
     * just compiled), to be loaded from the module's bytes: one per package, so that KieBases of some packages can be
     * made from them ({@link RuleEngines}).
     */
    static List<PackageModel> models(byte[] kjar, ClassLoader parent) {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(kjar))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the compiled rules", e);
        }
        ClassLoader classes = new ModuleClassLoader(entries, parent);
        List<PackageModel> models = new ArrayList<>();
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            if (entry.getKey().startsWith("META-INF/kie/") && entry.getKey().endsWith("/drools-model")) {
                for (String line : new String(entry.getValue(), StandardCharsets.UTF_8).split("\n")) {
                    String name = line.trim();
                    if (name.isEmpty() || name.startsWith("Drools-Model-Version")) {
                        continue;
                    }
                    models.add(new PackageModel(name, classes));
                }
            }
        }
        if (models.isEmpty()) {
            throw new KnowledgeBaseException("the compiled rules name no model");
        }
        return List.copyOf(models);
    }

    /**
     * One package's executable model: its class (the executable model writes a package's {@code Rules…} class in the
     * DRL package itself, so the class name tells the package) and, once asked for, the model. Instantiating a model
     * defines the classes of all its rules' conditions and consequences; a KieBase asks only for the packages of its
     * scope.
     */
    static final class PackageModel {
        private final String className;
        private final String packageName;
        private final ClassLoader classes;
        private volatile Model model;

        PackageModel(String className, ClassLoader classes) {
            this.className = className;
            this.packageName = className.contains(".") ? className.substring(0, className.lastIndexOf('.')) : "";
            this.classes = classes;
        }

        String packageName() {
            return packageName;
        }

        /** Whether the model has been instantiated (its rules' classes defined). */
        boolean instantiated() {
            return model != null;
        }

        Model model() {
            Model known = model;
            if (known != null) {
                return known;
            }
            synchronized (this) {
                if (model == null) {
                    Model loaded;
                    try {
                        loaded = (Model) classes.loadClass(className).getDeclaredConstructor().newInstance();
                    } catch (ReflectiveOperationException e) {
                        throw new KnowledgeBaseException("the compiled rules do not load: " + className, e);
                    }
                    // Never at run time for the precompiled model: the build instantiates every package's (main).
                    if (!loaded.getPackageName().equals(packageName)) {
                        throw new KnowledgeBaseException("the compiled rules' model " + className + " is of package "
                                + loaded.getPackageName() + ", not of its class's");
                    }
                    model = loaded;
                }
                return model;
            }
        }
    }

    /**
     * The classes of an executable-model module, defined from its bytes; every other class from the parent. A class the
     * module holds is defined before the parent is asked: asked first, the parent (in the jar, Spring Boot's loader of
     * the 134 nested libraries) looked for each of the module's 583 classes in every library before giving up: its check
     * of each library ({@code URLClassPath$JarLoader.checkJar}) was the most frequent top frame of a JFR recording of
     * the command line (docs/benchmarks.md, registry files, fifth round). The module's classes are in the rules' own packages ({@code ru.kamchatka_guidelines}, …), which no
     * library has, so which loader defines them changes nothing else.
     */
    private static final class ModuleClassLoader extends ClassLoader {
        static {
            registerAsParallelCapable();
        }

        private final Map<String, byte[]> entries;

        ModuleClassLoader(Map<String, byte[]> entries, ClassLoader parent) {
            super(parent);
            this.entries = entries;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!entries.containsKey(classFile(name))) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    loaded = findClass(name);
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = entries.get(classFile(name));
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }

        private static String classFile(String name) {
            return name.replace('.', '/') + ".class";
        }
    }
}
