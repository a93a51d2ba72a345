package org.reglament.deployment;

import java.nio.file.Path;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;

import org.w3c.dom.Document;

/** The image pom.xml builds with jib: its name (project version resolved) and the uid it runs as. */
record ContainerImage(String name, long uid) {

    static ContainerImage fromPom() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        Document pom = factory.newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        XPath xpath = XPathFactory.newInstance().newXPath();
        String version = xpath.evaluate("/*[local-name()='project']/*[local-name()='version']", pom).trim();
        String jib = "//*[local-name()='plugin'][*[local-name()='artifactId']='jib-maven-plugin']"
                + "/*[local-name()='configuration']";
        String image = xpath.evaluate(jib + "/*[local-name()='to']/*[local-name()='image']", pom).trim();
        String user = xpath.evaluate(jib + "/*[local-name()='container']/*[local-name()='user']", pom).trim();
        if (image.isEmpty() || !user.matches("\\d+(:\\d+)?")) {
            throw new IllegalStateException("pom.xml: jib's <to><image> and a numeric <container><user> are expected, got '"
                    + image + "' and '" + user + "'");
        }
        return new ContainerImage(image.replace("${project.version}", version), Long.parseLong(user.split(":")[0]));
    }
}
