package io.parley.quality.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class ExportFormatTests {

    private static List<MediaType> accept(String header) {
        return MediaType.parseMediaTypes(header);
    }

    @Test
    void jsonLinesWithoutAPreferenceCsvWhenAskedAndNeitherForOtherTypes() {
        assertThat(ExportFormat.negotiate(List.of())).contains(ExportFormat.NDJSON);
        assertThat(ExportFormat.negotiate(accept("*/*"))).contains(ExportFormat.NDJSON);
        assertThat(ExportFormat.negotiate(accept("text/csv"))).contains(ExportFormat.CSV);
        assertThat(ExportFormat.negotiate(accept("text/*"))).contains(ExportFormat.CSV);
        assertThat(ExportFormat.negotiate(accept("application/x-ndjson;q=0.4, text/csv;q=0.8")))
            .contains(ExportFormat.CSV);
        assertThat(ExportFormat.negotiate(accept("application/json, application/xml"))).isEmpty();
    }

    @Test
    void csvQuotesOnlyWhatRfc4180Requires() {
        assertThat(ExportFormat.csvField("p-1")).isEqualTo("p-1");
        assertThat(ExportFormat.csvField("a,b")).isEqualTo("\"a,b\"");
        assertThat(ExportFormat.csvField("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(ExportFormat.csvField("two\nlines")).isEqualTo("\"two\nlines\"");
    }

    @Test
    void theCsvHeaderNamesTheJsonLinesFields() {
        assertThat(ExportFormat.CSV_HEADER).startsWith("eventId,meetingId,participantId,sessionId,timestamp,")
            .endsWith(",frameWidth,frameHeight\r\n");
    }

}
