package org.reglament.site;

/**
 * Addresses on the site made from names a lawyer cites ("3.1.4.3 абз. 2" → "3.1.4.3-абз.-2"): letters, digits and
 * dots kept, runs of spaces a hyphen, anything else an underscore. The same name always gives the same address.
 */
public final class Slugs {
    private Slugs() {
    }

    public static String of(String name) {
        String slug = name.strip().replaceAll("(?U)\\s+", "-").replaceAll("(?U)[^\\p{L}\\p{N}.\\-]", "_");
        return slug.isEmpty() ? "_" : slug;
    }
}
