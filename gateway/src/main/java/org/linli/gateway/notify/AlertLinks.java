package org.linli.gateway.notify;

/**
 * Links in messages: to the alert in the operator console when one is configured, else to the alert on the API
 * ({@code <http.publicUrl>/api/alerts/<id>}); relative evidence links (snapshots served by the gateway) get the
 * public base in front.
 */
record AlertLinks(String publicBase, String consoleUrl) {
    AlertLinks {
        publicBase = stripSlash(publicBase);
        consoleUrl = consoleUrl == null ? null : stripSlash(consoleUrl);
    }

    String alert(String id) {
        return consoleUrl != null ? consoleUrl + "/alerts/" + id : publicBase + "/api/alerts/" + id;
    }

    String evidence(String link) {
        return link.startsWith("/") ? publicBase + link : link;
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
