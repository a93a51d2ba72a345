package org.reglament.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.reglament.knowledgebase.KnowledgeBaseFixture;

/**
 * The product's calendars against the reference calendars in the test data (src/test/resources/calendars, with
 * their sources in its README), day by day over
 * every covered year: which weekdays are not worked, which weekend days are, which days are shortened,
 * and (Russia) which days only a decree made non-working.
 */
class ProductionCalendarTest {
    private static final String REFERENCE = "/calendars/";

    @ParameterizedTest
    @ValueSource(strings = {"RU", "KZ"})
    void matchesTheReferenceCalendarDayByDay(String country) throws IOException {
        ProductionCalendar calendar = KnowledgeBaseFixture.knowledgeBase().calendar(country);
        List<String[]> reference = rows(country.toLowerCase() + ".csv");
        Set<LocalDate> decreeDays = country.equals("RU")
                ? dates(rows("ru_decree_nonworking.csv"), null) : Set.of();
        assertThat(calendar.firstYear()).isEqualTo(2013);
        assertThat(calendar.lastYear()).isEqualTo(2026);
        assertThat(calendar.decreeDays()).isEqualTo(decreeDays);

        Set<LocalDate> notWorked = dates(reference, "holiday");
        Set<LocalDate> workedWeekends = dates(reference, "workday");
        Set<LocalDate> shortened = dates(reference, "short");
        int days = 0;
        for (LocalDate date = LocalDate.of(2013, 1, 1); date.getYear() <= 2026; date = date.plusDays(1), days++) {
            CalendarDay day = calendar.day(date, DecreeDays.SKIP);
            boolean weekend = date.getDayOfWeek().getValue() >= 6;
            // The reference lists decree days among its holidays: skipping them must reproduce it.
            assertThat(!weekend && !day.working()).as("%s %s not worked", country, date)
                    .isEqualTo(notWorked.contains(date));
            assertThat(weekend && day.working()).as("%s %s worked weekend", country, date)
                    .isEqualTo(workedWeekends.contains(date));
            assertThat(calendar.isShortened(date)).as("%s %s shortened", country, date)
                    .isEqualTo(shortened.contains(date));
            assertThat(day.kind() == DayKind.DECREE_NON_WORKING).as("%s %s decree day", country, date)
                    .isEqualTo(decreeDays.contains(date));
            assertThat(calendar.act(date.getYear())).isNotBlank();
        }
        assertThat(days).isEqualTo(5113);
    }

    @Test
    void decreeDaysAreWorkingDaysUnlessTheRequestSkipsThem() {
        ProductionCalendar ru = KnowledgeBaseFixture.knowledgeBase().calendar("RU");
        LocalDate april2020 = LocalDate.of(2020, 4, 15);
        assertThat(ru.day(april2020, DecreeDays.COUNT_AS_WORKING).working()).isTrue();
        assertThat(ru.day(april2020, DecreeDays.SKIP).working()).isFalse();
        assertThat(ru.day(april2020, DecreeDays.SKIP).reason()).contains("№ 239");
        assertThat(ru.day(LocalDate.of(2018, 5, 9), DecreeDays.COUNT_AS_WORKING).reason()).contains("День Победы", "№ 1250");
        assertThat(ru.day(LocalDate.of(2018, 4, 28), DecreeDays.COUNT_AS_WORKING).kind()).isEqualTo(DayKind.WORKING_WEEKEND);
    }

    @Test
    void aDateOutsideTheCoveredYearsIsAnErrorNotAGuess() {
        ProductionCalendar kz = KnowledgeBaseFixture.knowledgeBase().calendar("KZ");
        assertThatThrownBy(() -> kz.day(LocalDate.of(2012, 12, 31), DecreeDays.SKIP))
                .isInstanceOf(CalendarNotCoveredException.class).hasMessageContaining("2013–2026");
        assertThatThrownBy(() -> kz.day(LocalDate.of(2027, 1, 4), DecreeDays.SKIP))
                .isInstanceOf(CalendarNotCoveredException.class);
    }

    private static List<String[]> rows(String file) throws IOException {
        List<String> lines;
        try (var in = ProductionCalendarTest.class.getResourceAsStream(REFERENCE + file)) {
            assertThat(in).as("reference calendar %s in the test data", file).isNotNull();
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                rows.add(line.split(",", 3));
            }
        }
        return rows;
    }

    private static Set<LocalDate> dates(List<String[]> rows, String kind) {
        Set<LocalDate> dates = new HashSet<>();
        for (String[] row : rows) {
            if (kind == null || row[1].equals(kind)) {
                dates.add(LocalDate.parse(row[0]));
            }
        }
        return dates;
    }
}
