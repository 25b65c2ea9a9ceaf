package org.councilbrief.api;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Supplier;
import org.councilbrief.AppException;
import org.councilbrief.brief.Brief;
import org.councilbrief.brief.BriefRepository;
import org.councilbrief.brief.BriefWorkflow;
import org.councilbrief.council.Membership;
import org.councilbrief.export.Exports;
import org.councilbrief.site.SiteBuilder;

/**
 * What the API reads from, wired by the application: the exported rows, meetings, the briefs as the public reads
 * them (the latest published version), the Council's composition as recorded, the public site's files and today.
 */
public record ApiSources(Exports exports, ApiRepository repository, BriefRepository briefs, BriefWorkflow workflow,
        Supplier<Membership> membership, Supplier<SiteBuilder> site, Supplier<LocalDate> today) {

    /** A situation the public site lists: one with a published brief, under the name that brief gives it. */
    record PublicSituation(String id, String name, String stateCode, LocalDate asOf) {
    }

    /** The situations with a published brief, in order of id. */
    java.util.List<PublicSituation> situations() throws AppException {
        java.util.List<PublicSituation> published = new java.util.ArrayList<>();
        for (var e : briefs.situationsWithBriefs()) {
            Optional<Brief> brief = workflow.published(e.getKey().id());
            if (brief.isPresent()) {
                published.add(new PublicSituation(e.getKey().id(), brief.get().situationName(),
                        e.getKey().stateCode(), brief.get().asOf()));
            }
        }
        published.sort(java.util.Comparator.comparing(PublicSituation::id));
        return published;
    }
}
