package io.parley.quality.trend;

import java.time.Clock;
import java.util.regex.Pattern;

import io.parley.quality.view.InvalidQueryException;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/quality/orgs/{orgId}/trends}: an organization's call quality per UTC
 * day over a date range ({@code from}/{@code to}, ISO dates, at most a year), for its
 * owners and admins. The input is checked before the token, as in the meeting views; an
 * organization without samples in the range is an empty list, not 404, since its readers
 * know it exists.
 */
@RestController
class TrendController {

    private static final Pattern ORG_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}");

    private final OrgTrends trends;

    private final OrgReaders readers;

    private final Clock clock;

    TrendController(OrgTrends trends, OrgReaders readers, Clock clock) {
        this.trends = trends;
        this.readers = readers;
        this.clock = clock;
    }

    @GetMapping("/api/quality/orgs/{orgId}/trends")
    Mono<OrgTrend> trends(@PathVariable String orgId, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, ServerHttpRequest request) {
        if (!ORG_ID.matcher(orgId).matches()) {
            throw new InvalidQueryException("orgId", "must be 1-128 characters of A-Z a-z 0-9 . _ : @ -.");
        }
        DayRange range = DayRange.parse(from, to, clock);
        return readers.requireReader(request, orgId)
            .then(trends.days(orgId, range.start(), range.end()).collectList())
            .map(days -> new OrgTrend(orgId, range.from(), range.to(), days));
    }

}
