package org.osecscreener.model;

/** What kind of party a sender or beneficiary is. Absent in the input means {@link #PERSON}. */
public enum PartyType {
    /** A natural person. */
    PERSON,
    /** A company or platform (payroll and contractor payments come from these). */
    BUSINESS,
    /** A charity, school, hospital or other non-profit organisation. */
    ORGANIZATION
}
