package io.parley.people.oidc;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where a browser may be sent once signed in: a path on this site and nothing else.
 * Anything that could leave the site becomes {@code /}: an open redirect would let any
 * link that starts on Parley end wherever its author wants.
 */
final class ReturnPaths {

    static final String HOME = "/";

    private static final int MAX_LENGTH = 1024;

    private ReturnPaths() {
    }

    static String sameSite(String returnTo) {
        if (returnTo == null || returnTo.length() > MAX_LENGTH || !returnTo.startsWith("/")) {
            return HOME;
        }
        // browsers read "//host" and "/\host" as another host; raw spaces and controls
        // are never a link they follow
        if (returnTo.startsWith("//") || returnTo.indexOf('\\') >= 0
                || returnTo.chars().anyMatch(c -> c <= ' ' || c >= 0x7f)) {
            return HOME;
        }
        try {
            URI uri = new URI(returnTo);
            return uri.getScheme() == null && uri.getRawAuthority() == null ? returnTo : HOME;
        }
        catch (URISyntaxException ex) {
            return HOME;
        }
    }

}
