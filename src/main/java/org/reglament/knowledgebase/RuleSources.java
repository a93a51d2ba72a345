package org.reglament.knowledgebase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The files of one knowledge base (everything under {@code rules/}), by path relative to that folder.
 * Its version is a content hash, so the same sources always have the same version wherever they
 * were read from: the working tree, the packaged jar or a stored copy.
 */
public final class RuleSources {
    private final SortedMap<String, byte[]> files;
    private final String version;

    public RuleSources(Map<String, byte[]> files) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("a knowledge base needs at least one file");
        }
        this.files = new TreeMap<>();
        // Keys are taken as given: a request's "\\tmp\\x" is not silently turned into "/tmp/x" (CandidateFiles refuses it).
        files.forEach((path, content) -> this.files.put(path, content.clone()));
        this.version = "sha256:" + digest(this.files);
    }

    /** Reads a folder of the file system (symlinks resolved: Files.walk does not descend into a linked root). */
    public static RuleSources fromDirectory(Path root) {
        try {
            Path realRoot = root.toRealPath();
            Map<String, byte[]> files = new TreeMap<>();
            try (Stream<Path> walk = Files.walk(realRoot)) {
                for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                    // rules/ keys use '/' whatever the platform's separator.
                    java.util.StringJoiner key = new java.util.StringJoiner("/");
                    realRoot.relativize(file).forEach(part -> key.add(part.toString()));
                    files.put(key.toString(), Files.readAllBytes(file));
                }
            }
            return new RuleSources(files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the knowledge base at " + root, e);
        }
    }

    /** Reads the copy of {@code rules/} packaged on the class path (also inside the Spring Boot jar). */
    public static RuleSources fromClasspath(String folder) {
        String prefix = folder.endsWith("/") ? folder : folder + "/";
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:" + prefix + "**/*");
            Map<String, byte[]> files = new TreeMap<>();
            for (Resource resource : resources) {
                if (!resource.isReadable()) {
                    continue;
                }
                String url = resource.getURL().toString();
                int at = url.lastIndexOf("/" + prefix);
                if (url.endsWith("/") || at < 0) {
                    continue;
                }
                try (var in = resource.getInputStream()) {
                    files.put(url.substring(at + prefix.length() + 1), in.readAllBytes());
                }
            }
            return new RuleSources(files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the packaged knowledge base " + folder, e);
        }
    }

    public String version() {
        return version;
    }

    public SortedMap<String, byte[]> files() {
        return java.util.Collections.unmodifiableSortedMap(files);
    }

    public String text(String path) {
        return new String(files.get(path), StandardCharsets.UTF_8);
    }

    private static String digest(SortedMap<String, byte[]> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                sha.update(file.getKey().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(Long.toString(file.getValue().length).getBytes(StandardCharsets.US_ASCII));
                sha.update((byte) 0);
                sha.update(file.getValue());
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
