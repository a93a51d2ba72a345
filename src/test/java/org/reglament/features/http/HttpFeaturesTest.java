package org.reglament.features.http;

import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PROPERTY_NAME;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectDirectories;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * Every feature under features/, against the HTTP endpoints of a started server: the one this test
 * starts on a free port, or the one at {@code -Dreglament.features.base-url=http://host:port}.
 */
@Suite
@SuiteDisplayName("Features against the HTTP API")
@IncludeEngines("cucumber")
@SelectDirectories("features")
@ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = "org.reglament.features.steps,org.reglament.features.http")
// The run's report: packaged into the jar (prepare-package), the site shows each scenario's result from it.
@ConfigurationParameter(key = PLUGIN_PROPERTY_NAME, value = "json:target/cucumber/http.json")
public class HttpFeaturesTest {
}
