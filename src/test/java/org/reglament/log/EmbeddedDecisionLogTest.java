package org.reglament.log;

import org.springframework.boot.test.context.SpringBootTest;

/** The decision log on the embedded database every run starts with. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:decision-log-contract;DB_CLOSE_DELAY=-1",
                "reglament.audit.log.checkpoint-interval-ms=100", "reglament.audit.log.checkpoint-keep-seconds=0",
                // Two receipts a fetch: every walk over a stream takes several fetches, with answers read between them.
                "reglament.audit.log.rows-per-fetch=2"})
class EmbeddedDecisionLogTest extends DecisionLogContract {
}
