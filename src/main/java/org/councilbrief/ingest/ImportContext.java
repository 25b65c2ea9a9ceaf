package org.councilbrief.ingest;

import java.util.Optional;

/** What an importer may ask of the database while it reads, without writing anything. */
public interface ImportContext {
    /** The ISO code of the state a situation is about ("mali" → MLI), if the situation exists and has one. */
    Optional<String> situationState(String situation);

    /** The Council's composition as recorded (decision 0026): the shipped reference data unless a database has one. */
    default org.councilbrief.council.Membership membership() {
        return org.councilbrief.council.Membership.shipped();
    }
}
