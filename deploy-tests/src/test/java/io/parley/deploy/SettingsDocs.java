package io.parley.deploy;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code parley.*} settings that Markdown documents, as the docs write them: a full
 * name in backticks anywhere ({@code `parley.meetings.idle-ttl`}; a map or list written
 * as {@code `parley.streams.tenant-limits.<tenant>`} or
 * {@code `parley.meetings.api-keys[n].name`} documents
 * {@code parley.streams.tenant-limits} and {@code parley.meetings.api-keys}), or, in the
 * first cell of a settings table, a name relative to the prefix that the section names as
 * {@code `parley.signaling.*`} ({@code `chat.burst`}), and a sibling of the name before
 * it in the same cell ({@code `parley.people.sessions.lifetime` / `.refresh-grace`}). A
 * heading ends the prefix's section.
 */
final class SettingsDocs {

    private static final Pattern BACKTICKED = Pattern.compile("`([^`]+)`");

    private static final Pattern FULL_NAME = Pattern.compile("^parley(?:\\.[a-z][a-z0-9-]*)+");

    private static final Pattern RELATIVE_NAME = Pattern.compile("^[a-z][a-z0-9-]*(?:\\.[a-z][a-z0-9-]*)*");

    private static final Pattern PREFIX = Pattern.compile("`(parley(?:\\.[a-z][a-z0-9-]*)+)\\.\\*`");

    private static final Pattern TABLE_RULE = Pattern.compile("^\\|[-|: ]+$");

    private static final Pattern CELL_SEPARATOR = Pattern.compile("(?<!\\\\)\\|");

    private SettingsDocs() {
    }

    /** Every setting name the text documents, by the rules above. */
    static Set<String> documentedNames(String markdown) {
        Set<String> names = new TreeSet<>();
        String prefix = null;
        for (String line : markdown.split("\n")) {
            if (line.startsWith("#")) {
                prefix = null;
            }
            Matcher section = PREFIX.matcher(line);
            if (section.find()) {
                prefix = section.group(1);
            }
            Matcher quoted = BACKTICKED.matcher(line);
            while (quoted.find()) {
                String full = fullName(quoted.group(1));
                if (full != null) {
                    names.add(full);
                }
            }
            String[] cells = CELL_SEPARATOR.split(line);
            if (line.startsWith("|") && cells.length > 1 && !TABLE_RULE.matcher(line.strip()).matches()) {
                names.addAll(firstCellNames(cells[1], prefix));
            }
        }
        return names;
    }

    private static Set<String> firstCellNames(String cell, String prefix) {
        Set<String> names = new TreeSet<>();
        String previous = null;
        Matcher quoted = BACKTICKED.matcher(cell);
        while (quoted.find()) {
            String text = quoted.group(1);
            if (text.endsWith(".*")) {
                continue;
            }
            String full = fullName(text);
            Matcher sibling = RELATIVE_NAME.matcher(text.startsWith(".") ? text.substring(1) : "");
            Matcher relative = RELATIVE_NAME.matcher(text);
            String name;
            if (full != null) {
                name = full;
            }
            else if (previous != null && sibling.find()) {
                name = previous.substring(0, previous.lastIndexOf('.') + 1) + sibling.group();
            }
            else if (prefix != null && relative.find()) {
                name = prefix + "." + relative.group();
            }
            else {
                continue;
            }
            names.add(name);
            previous = name;
        }
        return names;
    }

    /**
     * The setting a backticked text starts with, or null; a section's prefix
     * ({@code parley.signaling.*}) is none.
     */
    private static String fullName(String text) {
        Matcher full = FULL_NAME.matcher(text);
        return full.find() && !text.startsWith(".*", full.end()) ? full.group() : null;
    }

}
