package org.councilbrief.site;

/** One file of the public site: its path below the site's top ("briefs/mali.html"), its type and its bytes. */
public record SiteFile(String path, String contentType, byte[] bytes) {
}
