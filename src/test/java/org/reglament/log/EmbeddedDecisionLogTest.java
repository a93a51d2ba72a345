package org.reglament.log;

import org.springframework.boot.test.context.SpringBootTest;

/** The decision log on the embedded database every run starts with. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:decision-log-contract;DB_CLOSE_DELAY=-1",
                "reglament.audit.log.checkpoint-interval-ms=100", "reglament.audit.log.checkpoint-keep-seconds=0"})
class EmbeddedDecisionLogTest extends DecisionLogContract {
}
