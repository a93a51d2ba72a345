package org.reglament.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.reglament.api.StartedServer;
import org.reglament.deadlines.DeadlineDecisions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A receipt recorded before the service learnt to refuse its request (a year sent with a period counted from an
 * event was ignored until session 19) replays as a refusal, which the replay reports as not reproduced with the
 * reason: never the old answer, never a failure of the replay.
 */
@StartedServer
class ReplayOfANowRefusedRequestTest {
    @Autowired
    private Replayer replayer;

    @Test
    void aRequestRefusedNowReplaysAsTheRefusalWithItsReason() {
        String recorded = "{\"asOf\":\"2018-04-27\",\"count\":14,\"direction\":\"after\",\"eventDate\":\"2018-04-27\","
                + "\"jurisdiction\":\"RU\",\"unit\":\"working-days\",\"year\":2021}";
        Replayer.Replayed replayed = replayer.answer(DeadlineDecisions.PERIOD, recorded);
        assertThat(replayed.answer()).isNull();
        assertThat(replayed.refusal()).isEqualTo("year: does not apply to a period of kind within, which reads count,"
                + " decreeNonWorkingDays, direction, eventDate, periodBefore, unit");

        Replayer.Replayed answered = replayer.answer(DeadlineDecisions.PERIOD, recorded.replace(",\"year\":2021", ""));
        assertThat(answered.refusal()).isNull();
        assertThat(answered.answer()).contains("\"due\":\"2018-05-22\"");
    }
}
