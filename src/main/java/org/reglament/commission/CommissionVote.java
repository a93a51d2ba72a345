package org.reglament.commission;

import java.math.BigDecimal;

/**
 * A meeting of the expert commission: its members, those who took part (in person or by delegation, clause 27),
 * the votes cast for approving and for returning the report and plan, and how the chair voted.
 */
public record CommissionVote(int members, int present, int forApproval, int forReturn, String chairVote) {

    /** At least {@code share} of all members took part. */
    public boolean quorate(BigDecimal share) {
        return BigDecimal.valueOf(present).compareTo(share.multiply(BigDecimal.valueOf(members))) >= 0;
    }
}
