// The staff screen's sync sentences come from the PO files, with counts and times written the
// language's way (issue 7): Polish words, Polish plural forms, ICU's Polish number grouping.
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include "kiosk/i18n/locale_dir.h"
#include "kiosk/ui/staff_sync_text.h"

using namespace carers;
using Catch::Matchers::ContainsSubstring;

namespace {

const i18n::LanguageSet& shipped() {
    static const i18n::LoadedLocales loaded = i18n::load_locales(std::string(CARERS_SOURCE_DIR) + "/locales");
    return loaded.languages;
}

}  // namespace

TEST_CASE("a sync that sent 12,345 submissions is told in Polish, with the Polish plural and grouping") {
    ui::StaffSyncOutcome o;
    o.kind = ui::StaffSyncOutcome::Kind::Sent;
    o.confirmed = 12345;
    o.rejected = 2;
    const std::string text = ui::sync_outcome_text(shipped().get("pl"), o);
    INFO(text);
    // ICU's Polish groups with a no-break space: "12 345", not "12,345" or "12345".
    CHECK_THAT(text, ContainsSubstring("Wysłano 12\u00a0345 zgłoszeń"));
    CHECK_THAT(text, ContainsSubstring("2 zgłoszenia zostały odrzucone"));
    CHECK_THAT(ui::sync_outcome_text(shipped().get("en"), o), ContainsSubstring("Sent 12,345 submissions"));
}

TEST_CASE("the centre's own refusal reason is quoted as received and labelled as the centre's words") {
    ui::StaffSyncOutcome o;
    o.kind = ui::StaffSyncOutcome::Kind::BatchRefused;
    o.http_status = 422;
    o.detail = "batch id reused";
    const std::string text = ui::sync_outcome_text(shipped().get("pl"), o);
    INFO(text);
    CHECK_THAT(text, ContainsSubstring("(HTTP 422)"));
    CHECK_THAT(text, ContainsSubstring("Słowa centrum: \u201cbatch id reused\u201d"));
    CHECK(ui::refusal_reason_text(shipped().get("pl"), "The centre did not confirm it.") == "Centrum go nie potwierdziło.");
}

TEST_CASE("a pause the centre asked for and a time of day are written the language's way") {
    ui::StaffSyncOutcome o;
    o.kind = ui::StaffSyncOutcome::Kind::CentrePause;
    o.retry_after_s = 5;
    CHECK_THAT(ui::sync_outcome_text(shipped().get("pl"), o), ContainsSubstring("przerwę 5 sekund"));
    // 14:05 in Polish is "14:05"; in English (en_GB) also 24-hour; today: no date.
    CHECK(shipped().get("pl").values().time_of_day(14, 5) == "14:05");
    CHECK(shipped().get("zh_CN").values().time_of_day(9, 7).find("07") != std::string::npos);
    ui::StaffCheckOutcome c{ui::StaffCheckOutcome::Kind::Connected, "Example Carers Centre", ""};
    CHECK(ui::check_outcome_text(shipped().get("pl"), c) ==
          "Połączono z Example Carers Centre: zaufane, potwierdzenia zostaną zweryfikowane.");
}
