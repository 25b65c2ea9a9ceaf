package org.councilbrief.document;

/** The document series councilbrief reads and cites. */
public enum Series {
    /** Security Council resolution, {@code S/RES/2690 (2023)}. */
    SC_RESOLUTION,
    /** Security Council document (reports, letters), {@code S/2023/402}. */
    SC_DOCUMENT,
    /** Security Council meeting record, {@code S/PV.9350}, resumptions {@code S/PV.8699 (Resumption 1)}. */
    SC_MEETING,
    /** Statement by the President of the Security Council, {@code S/PRST/2023/1}. */
    SC_PRESIDENTIAL_STATEMENT,
    /** Human Rights Council document, {@code A/HRC/54/9}, addenda {@code A/HRC/54/9/Add.1}. */
    HRC_DOCUMENT,
    /** Human Rights Council resolution, {@code A/HRC/RES/52/2}. */
    HRC_RESOLUTION,
    /** General Assembly resolution, {@code A/RES/77/1}. */
    GA_RESOLUTION,
    /** Security Council press release (meetings coverage), {@code SC/15341}. */
    SC_PRESS_RELEASE
}
