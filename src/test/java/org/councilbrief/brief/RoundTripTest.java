package org.councilbrief.brief;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.councilbrief.SharedData;
import org.councilbrief.council.Membership;
import org.junit.jupiter.api.Test;

class RoundTripTest {
    private final BriefTextImporter importer = new BriefTextImporter(Membership.shipped());
    private final BriefComposer composer = new BriefComposer(Membership.shipped());

    /** The lines that count: no page furniture, no blank lines, no section titles inside the key topics. */
    static List<String> significant(String text) {
        List<String> lines = new ArrayList<>();
        boolean inKeyTopics = false;
        boolean seenFirstSectionInBody = false;
        String[] all = text.split("\n");
        int lastFirstTitle = -1;
        for (int i = 0; i < all.length; i++) {
            if (all[i].startsWith(SectionKind.CONSIDER.title())) {
                lastFirstTitle = i;
            }
        }
        for (int i = 0; i < all.length; i++) {
            String line = all[i].stripTrailing();
            if (line.isBlank() || BriefTextImporter.FURNITURE.contains(line.strip())) {
                continue;
            }
            if (line.equals(BriefTextImporter.KEY_TOPICS)) {
                inKeyTopics = true;
            }
            if (i == lastFirstTitle) {
                inKeyTopics = false;
                seenFirstSectionInBody = true;
            }
            boolean isTitle = SectionKind.byTitle(line.replaceFirst(" \\[.*\\]$", "")).isPresent();
            if (inKeyTopics && isTitle && !seenFirstSectionInBody) {
                continue;
            }
            lines.add(line);
        }
        return lines;
    }

    @Test
    void renderingTheImportedReferenceGivesBackTheReference() throws Exception {
        String reference = SharedData.read(SharedData.referenceBrief());
        BriefImport imported = importer.read(reference, BriefTextImporter.Options.NONE);

        String rendered = new TextRenderer().text(composer.compose(imported.brief()));

        assertThat(significant(rendered)).containsExactlyElementsOf(significant(reference));
    }

    @Test
    void theJsonFormKeepsEverythingTheRenderingNeeds() throws Exception {
        Brief brief = importer.read(SharedData.read(SharedData.referenceBrief()), BriefTextImporter.Options.NONE)
                .brief();

        Brief reread = BriefJson.read(BriefJson.write(brief));

        assertThat(reread).isEqualTo(brief);
        assertThat(new TextRenderer().text(composer.compose(reread)))
                .isEqualTo(new TextRenderer().text(composer.compose(brief)));
    }
}
