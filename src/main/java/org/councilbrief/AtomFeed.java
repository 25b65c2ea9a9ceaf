package org.councilbrief;

import java.io.StringWriter;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An Atom feed (RFC 4287) written with the JDK's {@link XMLStreamWriter}, which escapes text and attributes (decision
 * 0035): the site's feed of brief updates and each editor's feed of stale briefs (decision 0040) are written by it.
 *
 * @param title the feed's title
 * @param id its permanent id ("tag:councilbrief.org,2026:briefs")
 * @param updated when it last changed, as {@link #TIME} writes it
 * @param href the page it stands for, relative to the feed or absolute
 * @param entries its entries, in the order given
 */
public record AtomFeed(String title, String id, String updated, String href, List<Entry> entries) {
    /** RFC 3339 in UTC with seconds always, as Atom's date constructs ask: 2026-11-27T10:15:00Z. */
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT);
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    public AtomFeed {
        entries = List.copyOf(entries);
    }

    /** One entry: title, permanent id, when it changed, its link and a summary in words. */
    public record Entry(String title, String id, String updated, String href, String summary) {
    }

    /** The feed as XML, one element a line. */
    public String xml() {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("utf-8", "1.0");
            xml.writeCharacters("\n");
            xml.setDefaultNamespace(ATOM);
            xml.writeStartElement(ATOM, "feed");
            xml.writeDefaultNamespace(ATOM);
            element(xml, 1, "title", title);
            element(xml, 1, "id", id);
            element(xml, 1, "updated", updated);
            link(xml, 1, href);
            for (Entry e : entries) {
                xml.writeCharacters("\n  ");
                xml.writeStartElement(ATOM, "entry");
                element(xml, 2, "title", e.title());
                element(xml, 2, "id", e.id());
                element(xml, 2, "updated", e.updated());
                xml.writeCharacters("\n    ");
                xml.writeStartElement(ATOM, "author");
                element(xml, -1, "name", "councilbrief");
                xml.writeEndElement();
                if (e.href() != null) {
                    link(xml, 2, e.href());
                }
                element(xml, 2, "summary", e.summary());
                xml.writeCharacters("\n  ");
                xml.writeEndElement();
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new java.io.UncheckedIOException(new java.io.IOException("cannot write the feed", e));
        }
        return out.toString();
    }

    /** An element holding text, on its own line at {@code depth} (-1: on the same line). */
    private static void element(XMLStreamWriter xml, int depth, String name, String text) throws XMLStreamException {
        if (depth >= 0) {
            xml.writeCharacters("\n" + "  ".repeat(depth));
        }
        xml.writeStartElement(ATOM, name);
        xml.writeCharacters(xmlText(text));
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, int depth, String href) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
        xml.writeEmptyElement(ATOM, "link");
        xml.writeAttribute("rel", "alternate");
        xml.writeAttribute("href", xmlText(href));
    }

    /**
     * The text without the characters XML 1.0 cannot hold (control characters but tab and line ends, lone
     * surrogates, U+FFFE and U+FFFF): the writer escapes markup but would copy those, and the feed would not parse.
     */
    public static String xmlText(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (out != null) {
                    out.append(c).append(text.charAt(i + 1));
                }
                i++;
                continue;
            }
            ok = c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD;
            if (!ok && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            } else if (ok && out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }
}
