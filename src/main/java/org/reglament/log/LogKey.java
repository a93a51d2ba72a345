package org.reglament.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The log's Ed25519 key (the JDK's own implementation): it signs checkpoints, and its public half verifies them.
 * The private key is kept in a file outside the data directory and outside the database, so that whoever can write
 * the database still cannot sign a checkpoint for a rewritten history.
 * <p>
 * The key file is PEM with two blocks, {@code PRIVATE KEY} (PKCS#8) and {@code PUBLIC KEY} (X.509), as
 * {@code openssl genpkey -algorithm ed25519 -out k.pem && openssl pkey -in k.pem -pubout >> k.pem} writes it (the
 * JDK cannot derive the public key from the private one). The public key is published as a C2SP signed-note
 * verifier key: {@code <name>+<key id, 8 hex>+<base64(0x01 || 32-byte key)>}.
 */
public final class LogKey {
    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
    /** The DER prefix of an Ed25519 SubjectPublicKeyInfo; the raw 32-byte key follows it. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final byte ED25519 = 0x01;

    private final String name;
    private final PrivateKey privateKey;
    private final byte[] publicKey;
    private final int keyId;

    private LogKey(String name, PrivateKey privateKey, byte[] publicKey) {
        if (name.isEmpty() || name.contains(" ") || name.contains("+") || name.contains("\n")) {
            throw new IllegalArgumentException("a log key name has no spaces, plus signs or line breaks: \"" + name + "\"");
        }
        this.name = name;
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.keyId = keyId(name, publicKey);
    }

    /**
     * Reads the key file, or writes a new key there first when {@code create} is set and it does not exist.
     *
     * @throws IllegalStateException saying what is wrong and how to fix it
     */
    public static LogKey load(String name, Path file, boolean create) {
        if (!Files.exists(file)) {
            if (!create) {
                throw new IllegalStateException("the decision log's signing key " + file.toAbsolutePath() + " does not "
                        + "exist. Create one (openssl genpkey -algorithm ed25519 -out key.pem && openssl pkey -in key.pem "
                        + "-pubout >> key.pem, or java -jar reglament.jar log keygen --out key.pem), keep it outside the "
                        + "data directory, and set reglament.audit.log.signing-key to its path");
            }
            generate(file);
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the decision log's signing key " + file.toAbsolutePath(), e);
        }
        byte[] privateDer = null;
        byte[] publicDer = null;
        Matcher block = PEM.matcher(text);
        while (block.find()) {
            byte[] der = Base64.getMimeDecoder().decode(block.group(2));
            switch (block.group(1)) {
                case "PRIVATE KEY" -> privateDer = der;
                case "PUBLIC KEY" -> publicDer = der;
                default -> { }
            }
        }
        if (privateDer == null || publicDer == null) {
            throw new IllegalStateException("the signing key file " + file.toAbsolutePath() + " must hold a PRIVATE KEY "
                    + "and a PUBLIC KEY block (openssl pkey -in key.pem -pubout >> key.pem adds the public one)");
        }
        try {
            KeyFactory keys = KeyFactory.getInstance("Ed25519");
            PrivateKey privateKey = keys.generatePrivate(new PKCS8EncodedKeySpec(privateDer));
            byte[] raw = rawPublicKey(publicDer);
            LogKey key = new LogKey(name, privateKey, raw);
            byte[] probe = "reglament key check\n".getBytes(StandardCharsets.US_ASCII);
            if (!verify(raw, probe, key.sign(probe))) {
                throw new IllegalStateException("the PUBLIC KEY in " + file.toAbsolutePath() + " is not the private key's");
            }
            return key;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the signing key file " + file.toAbsolutePath() + " does not hold an Ed25519 "
                    + "key pair: " + e.getMessage());
        }
    }

    /** Writes a new key pair to the file (readable by its owner only where the file system allows it). */
    public static void generate(Path file) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            String pem = pem("PRIVATE KEY", pair.getPrivate().getEncoded()) + pem("PUBLIC KEY", pair.getPublic().getEncoded());
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(file, pem, StandardCharsets.US_ASCII, java.nio.file.StandardOpenOption.CREATE_NEW);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // A file system without POSIX permissions: the operator protects the file.
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime has no Ed25519", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a new signing key to " + file.toAbsolutePath(), e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] rawPublicKey(byte[] x509) {
        if (x509.length != X509_PREFIX.length + 32 || !Arrays.equals(x509, 0, X509_PREFIX.length, X509_PREFIX, 0,
                X509_PREFIX.length)) {
            throw new IllegalArgumentException("the PUBLIC KEY is not an Ed25519 key");
        }
        return Arrays.copyOfRange(x509, X509_PREFIX.length, x509.length);
    }

    public String name() {
        return name;
    }

    /** The verifier key an auditor keeps: {@code name+keyid+base64(0x01 || key)}. */
    public String verifierKey() {
        byte[] typed = new byte[33];
        typed[0] = ED25519;
        System.arraycopy(publicKey, 0, typed, 1, 32);
        return name + "+" + String.format("%08x", keyId) + "+" + Base64.getEncoder().encodeToString(typed);
    }

    /** Signs a checkpoint body as a signed note. */
    public Checkpoint sign(String origin, long treeSize, byte[] root) {
        String body = Checkpoint.body(origin, treeSize, root);
        byte[] signature = sign(body.getBytes(StandardCharsets.UTF_8));
        byte[] line = ByteBuffer.allocate(4 + signature.length).putInt(keyId).put(signature).array();
        String note = body + "\n" + Checkpoint.DASH + name + " " + Base64.getEncoder().encodeToString(line) + "\n";
        return new Checkpoint(origin, treeSize, root, note);
    }

    private byte[] sign(byte[] message) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the log's Ed25519 key", e);
        }
    }

    /** Whether the checkpoint carries a valid signature by this key. */
    public boolean verify(Checkpoint checkpoint) {
        return verify(verifierKey(), checkpoint);
    }

    /**
     * Whether the checkpoint carries a valid signature by the key a verifier key names ({@code name+id+key}): what an
     * auditor runs offline with the key it kept.
     *
     * @throws IllegalArgumentException when the verifier key is not one
     */
    public static boolean verify(String verifierKey, Checkpoint checkpoint) {
        String[] parts = verifierKey.trim().split("\\+", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("a verifier key is name+keyid+base64key");
        }
        byte[] typed = Base64.getDecoder().decode(parts[2]);
        if (typed.length != 33 || typed[0] != ED25519) {
            throw new IllegalArgumentException("the verifier key is not an Ed25519 key");
        }
        byte[] raw = Arrays.copyOfRange(typed, 1, 33);
        int id = keyId(parts[0], raw);
        if (!String.format("%08x", id).equals(parts[1])) {
            throw new IllegalArgumentException("the verifier key's id does not match its name and key");
        }
        for (String[] signature : checkpoint.signatures()) {
            if (!signature[0].equals(parts[0])) {
                continue;
            }
            byte[] line;
            try {
                line = Base64.getDecoder().decode(signature[1]);
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (line.length == 4 + 64 && ByteBuffer.wrap(line).getInt() == id
                    && verify(raw, checkpoint.bodyBytes(), Arrays.copyOfRange(line, 4, line.length))) {
                return true;
            }
        }
        return false;
    }

    private static boolean verify(byte[] rawPublicKey, byte[] message, byte[] signature) {
        try {
            byte[] x509 = new byte[X509_PREFIX.length + 32];
            System.arraycopy(X509_PREFIX, 0, x509, 0, X509_PREFIX.length);
            System.arraycopy(rawPublicKey, 0, x509, X509_PREFIX.length, 32);
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The signed-note key id: the first 4 bytes of SHA-256(name || 0x0A || 0x01 || key). */
    private static int keyId(String name, byte[] rawPublicKey) {
        var sha = MerkleTree.sha256();
        sha.update(name.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
        sha.update(ED25519);
        sha.update(rawPublicKey);
        return ByteBuffer.wrap(sha.digest()).getInt();
    }
}
