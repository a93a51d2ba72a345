package org.reglament.commission;

import java.math.BigDecimal;

/**
 * A meeting of the expert commission: its members, those who took part (in person or by delegation, clause 27),
 * the votes cast for approving and for returning the report and plan, how the chair voted, and which reading of
 * «большинством голосов ее членов» (clause 28) the request chose.
 */
public record CommissionVote(int members, int present, int forApproval, int forReturn, String chairVote,
                             MajorityReading majority) {

    /** More than half of all the commission's members voted for approval. */
    public boolean approvedByMostMembers() {
        return 2 * forApproval > members;
    }

    /** More than half of all the commission's members voted for return. */
    public boolean returnedByMostMembers() {
        return 2 * forReturn > members;
    }

    /**
     * A tie the chair's vote decides (clause 29): a tie of votes cast, at least one each way (no votes at all is no
     * majority, not a tie: the chair's vote is one of those cast); read by all members, a tie of halves.
     */
    public boolean tieForTheChair() {
        return forApproval == forReturn && forApproval > 0
                && (majority != MajorityReading.ALL_MEMBERS || 2 * forApproval == members);
    }

    /** At least {@code share} of all members took part. */
    public boolean quorate(BigDecimal share) {
        return BigDecimal.valueOf(present).compareTo(share.multiply(BigDecimal.valueOf(members))) >= 0;
    }
}
