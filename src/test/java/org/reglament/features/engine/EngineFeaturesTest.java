package org.reglament.features.engine;

import static io.cucumber.junit.platform.engine.Constants.FILTER_TAGS_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PROPERTY_NAME;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectDirectories;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/** Every feature under features/, against the knowledge base and decision services directly (@api ones need a server). */
@Suite
@SuiteDisplayName("Features against the engine")
@IncludeEngines("cucumber")
@SelectDirectories("features")
@ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = "org.reglament.features.steps,org.reglament.features.engine")
@ConfigurationParameter(key = FILTER_TAGS_PROPERTY_NAME, value = "not @api")
// The run's report: packaged into the jar (prepare-package), the site shows each scenario's result from it.
@ConfigurationParameter(key = PLUGIN_PROPERTY_NAME, value = "json:target/cucumber/engine.json")
public class EngineFeaturesTest {
}
