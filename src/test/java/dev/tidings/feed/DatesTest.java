package dev.tidings.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Dates#parse} on the date forms feeds carry. */
class DatesTest {

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @CsvSource(delimiter = '|', textBlock = """
            Tue, 24 Nov 2026 09:30:00 +0000         | 2026-11-24T09:30:00Z
            Tue, 24 Nov 2026 09:30:00 GMT           | 2026-11-24T09:30:00Z
            Tue, 24 Nov 2026 09:30:00 UTC           | 2026-11-24T09:30:00Z
            Tue, 24 Nov 2026 09:30:00 -0500         | 2026-11-24T14:30:00Z
            Tue, 24 Nov 2026 09:30:00 +0530         | 2026-11-24T04:00:00Z
            24 Nov 2026 09:30 EST                   | 2026-11-24T14:30:00Z
            Tue, 24 Nov 2026 09:30:00 EDT           | 2026-11-24T13:30:00Z
            Tue, 24 Nov 2026 09:30:00 PST           | 2026-11-24T17:30:00Z
            Tue, 24 Nov 2026 09:30:00 CEST          | 2026-11-24T07:30:00Z
            Tue, 4 Nov 2026 9:30:00 +0100           | 2026-11-04T08:30:00Z
            Tuesday, 24 November 2026 09:30:00 UT   | 2026-11-24T09:30:00Z
            24 Nov 26 09:30:00 Z                    | 2026-11-24T09:30:00Z
            24 Nov 99 09:30:00 Z                    | 1999-11-24T09:30:00Z
            tue, 24 nov 2026 09:30:00 gmt           | 2026-11-24T09:30:00Z
            TUE, 24 NOV 2026 09:30:00 GMT           | 2026-11-24T09:30:00Z
            Tue, 24 Nov 2026 09:30 +0000            | 2026-11-24T09:30:00Z
            Tue, 24 Nov 2026                        | 2026-11-24T00:00:00Z
            Tue,24 Nov 2026 09:30:00 +0000          | 2026-11-24T09:30:00Z
            Tue, 24 Nov 2026 09:30:00 +0000 (UTC)   | 2026-11-24T09:30:00Z
            Tue, 24 Nov 2026 09:30:60 +0000         | 2026-11-24T09:30:59Z
            Tue, 24 Nov 2026 09:30:00 GMT+2         | 2026-11-24T07:30:00Z
            Tue, 24 Sept 2026 09:30:00 +0000        | 2026-09-24T09:30:00Z
            Nov 24 2026 09:30:00 GMT                | 2026-11-24T09:30:00Z
            Nov 24, 2026 9:30 PM                    | 2026-11-24T21:30:00Z
            2026-11-24T09:30:00Z                    | 2026-11-24T09:30:00Z
            2026-11-24T09:30:00.123Z                | 2026-11-24T09:30:00.123Z
            2026-11-24T09:30:00.123456789Z          | 2026-11-24T09:30:00.123456789Z
            2026-11-24T15:00:00+05:30               | 2026-11-24T09:30:00Z
            2026-11-24T04:30:00-05:00               | 2026-11-24T09:30:00Z
            2026-11-24T10:30:00+0100                | 2026-11-24T09:30:00Z
            2026-11-24T10:30:00+01                  | 2026-11-24T09:30:00Z
            2026-11-24t09:30:00z                    | 2026-11-24T09:30:00Z
            2026-11-24T09:30Z                       | 2026-11-24T09:30:00Z
            2026-11-24T10:30+01:00                  | 2026-11-24T09:30:00Z
            2026-11-24T09:30:00                     | 2026-11-24T09:30:00Z
            2026-11-24 09:30:00                     | 2026-11-24T09:30:00Z
            2026-11-24 09:30:00 +0100               | 2026-11-24T08:30:00Z
            2026-11-24                              | 2026-11-24T00:00:00Z
            20261124T093000Z                        | 2026-11-24T09:30:00Z
            20261124                                | 2026-11-24T00:00:00Z
            '  2026-11-24T09:30:00Z  '              | 2026-11-24T09:30:00Z
            """)
    void parsesFeedDates(String text, String expected) {
        assertThat(Dates.parse(text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @NullSource
    @ValueSource(strings = {
        "", "   ", "yesterday", "next tuesday", "2026-13-45", "2026-02-30", "Mon, 99 Foo 2026",
        "Tue, 32 Nov 2026 09:30:00 GMT", "Tue, 24 Nov 2026 25:00:00 GMT", "24 Nov", "2026-11-24X09:30",
        "2026-11-24T09:30:00+99:00", "1732440600", "\u001b[31m2026-11-24"
    })
    void returnsNullForWhatIsNoDate(String text) {
        assertThat(Dates.parse(text)).isNull();
    }
}
