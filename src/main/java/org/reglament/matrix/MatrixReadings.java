package org.reglament.matrix;

/** The readings of section 3.1.4 a request chose (or the defaults), as the rules read them. */
public record MatrixReadings(MfcOnlyBooking mfcOnlyBooking, OtherCasesDecidedBy otherCasesDecidedBy) {

    public static MatrixReadings of(MfcOnlyBooking mfcOnlyBooking, OtherCasesDecidedBy otherCasesDecidedBy) {
        return new MatrixReadings(mfcOnlyBooking == null ? MfcOnlyBooking.NOT_ELECTRONIC : mfcOnlyBooking,
                otherCasesDecidedBy == null ? OtherCasesDecidedBy.WORKING_GROUP : otherCasesDecidedBy);
    }
}
