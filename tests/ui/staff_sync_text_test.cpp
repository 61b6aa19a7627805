// The staff screen's sync sentences come from the PO files, with counts and times written the
// language's way (issue 7): Polish words, Polish plural forms, ICU's Polish number grouping.
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <set>

#include "kiosk/i18n/locale_dir.h"
#include "kiosk/ui/staff_failure_text.h"
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
    ui::StaffCheckOutcome c;
    c.kind = ui::StaffCheckOutcome::Kind::Connected;
    c.centre = "Example Carers Centre";
    CHECK(ui::check_outcome_text(shipped().get("pl"), c) ==
          "Połączono z Example Carers Centre: zaufane, potwierdzenia zostaną zweryfikowane.");
}

TEST_CASE("Sync now on a kiosk that is not set up says why in Polish and Chinese, with what to do") {
    ui::StaffSyncOutcome o;
    o.kind = ui::StaffSyncOutcome::Kind::NotSetUp;
    o.set_up = ui::StaffSetUpProblem::NoSettingsFile;
    CHECK(ui::sync_outcome_text(shipped().get("pl"), o) ==
          "Synchronizacja nie jest skonfigurowana: ten kiosk nie ma pliku ustawień (kiosk.json). Poproś wsparcie IT o "
          "jego zarejestrowanie.");
    CHECK(ui::sync_outcome_text(shipped().get("zh_CN"), o) ==
          "尚未设置同步：本自助终端没有设置文件（kiosk.json）。请让 IT 支持人员为其注册。");
    // A settings file that cannot be used: the reader's own English words only after the label.
    o.set_up = ui::StaffSetUpProblem::SettingsInvalid;
    o.detail = "sync.url is missing.";
    const std::string text = ui::sync_outcome_text(shipped().get("pl"), o);
    INFO(text);
    CHECK_THAT(text, ContainsSubstring("plik ustawień tego kiosku (kiosk.json) zawiera błąd"));
    CHECK_THAT(text, ContainsSubstring("Dla wsparcia IT: \u2068sync.url is missing.\u2069"));
    CHECK(text.find("sync.url") > text.find("Dla wsparcia IT"));
    o.kind = ui::StaffSyncOutcome::Kind::AlreadyRunning;
    CHECK(ui::sync_outcome_text(shipped().get("pl"), o) == "Synchronizacja już trwa.");
    CHECK(ui::sync_outcome_text(shipped().get("ar"), o) == "المزامنة جارية بالفعل.");
}

TEST_CASE("a failed sync tells its cause as advice in Polish; the technical text follows only after the IT label") {
    ui::StaffSyncOutcome o;
    o.kind = ui::StaffSyncOutcome::Kind::Failed;
    o.cause = ui::StaffFailureCause::CertificateUntrusted;
    o.detail = "The Carers Centre's certificate could not be verified (SSL certificate problem: self-signed certificate).";
    const std::string text = ui::sync_outcome_text(shipped().get("pl"), o);
    INFO(text);
    CHECK(text.rfind("Wysyłanie nie powiodło się; potrzebne jest działanie człowieka. Ten kiosk nie ufa certyfikatowi "
                     "bezpieczeństwa centrum",
                     0) == 0);
    const auto label = text.find("Dla wsparcia IT: ");
    REQUIRE(label != std::string::npos);
    CHECK(text.find("certificate") > label);  // no English before the label
    CHECK(text.find("Details") == std::string::npos);
    // Gave up after attempts: the plural sentence, then the cause's advice.
    o.kind = ui::StaffSyncOutcome::Kind::GaveUp;
    o.attempts = 5;
    o.cause = ui::StaffFailureCause::ConnectionRefused;
    o.detail.clear();
    CHECK(ui::sync_outcome_text(shipped().get("pl"), o) ==
          "Nie udało się połączyć z Centrum Opiekunów; na razie przerwano po 5 próbach. Pod adresem centrum nic nie "
          "odpowiedziało: jego serwer może nie działać albo sieć może go blokować. Spróbuj ponownie później; jeśli to się "
          "powtarza, powiadom Centrum Opiekunów.");
}

TEST_CASE("every failure cause has advice of its own, translated in Polish and Arabic") {
    using C = ui::StaffFailureCause;
    const C causes[] = {C::NotHttps,          C::AddressNotFound,   C::ConnectionRefused, C::TimedOut,
                        C::CertificateUntrusted, C::CertificateWrongName, C::PinMismatch, C::SecureConnectionFailed,
                        C::ConnectionBroken,  C::CentreBusy,        C::UnexpectedAnswer,  C::NotACentre,
                        C::ReceiptKeyChanged, C::ReceiptInvalid,    C::OutboxProblem,     C::Other};
    CHECK(ui::failure_cause_text(shipped().get("pl"), C::None, 0).empty());
    for (const char* code : {"pl", "ar"}) {
        std::set<std::string> seen;
        for (C cause : causes) {
            const std::string english = ui::failure_cause_text(shipped().get("en"), cause, 503);
            const std::string text = ui::failure_cause_text(shipped().get(code), cause, 503);
            INFO(code << ": " << english);
            CHECK_FALSE(text.empty());
            CHECK(text != english);  // translated, not the English fallback
            CHECK(seen.insert(text).second);
        }
    }
    // The centre's HTTP status is a code: written as is, inside the translated sentence.
    CHECK_THAT(ui::failure_cause_text(shipped().get("ar"), C::UnexpectedAnswer, 404), ContainsSubstring("(HTTP 404)"));
    CHECK_THAT(ui::failure_cause_text(shipped().get("pl"), C::CentreBusy, 503),
               ContainsSubstring("Centrum jest zajęte lub ma problem (HTTP 503)"));
}

TEST_CASE("a connection check that failed or found no settings says so in Arabic") {
    ui::StaffCheckOutcome c;
    c.kind = ui::StaffCheckOutcome::Kind::Problem;
    c.cause = ui::StaffFailureCause::CertificateWrongName;
    c.detail = "SSL: no alternative certificate subject name matches target host name 'centre.example'";
    const std::string text = ui::check_outcome_text(shipped().get("ar"), c);
    INFO(text);
    CHECK(text.rfind("فشل فحص الاتصال. شهادة الأمان الخاصة بالمركز صادرة لاسم مختلف", 0) == 0);
    CHECK(text.find("SSL") > text.find("للدعم الفني: "));
    ui::StaffCheckOutcome none;
    none.kind = ui::StaffCheckOutcome::Kind::NotSetUp;
    CHECK(ui::check_outcome_text(shipped().get("ar"), none) == "المزامنة غير مُعدّة على هذا الكشك.");
}

TEST_CASE("a PIN the store could not check is told in Polish, the store's words only for IT support") {
    const std::string text = ui::pin_check_failed_text(shipped().get("pl"), "The database is locked by another program.");
    INFO(text);
    CHECK(text ==
          "Nie udało się sprawdzić PIN-u, ponieważ pamięć tego kiosku zawiodła. Powiadom wsparcie IT. Dla wsparcia IT: "
          "\u2068The database is locked by another program.\u2069");
}

TEST_CASE("the store error screen's advice has a translated sentence for every kind of store failure") {
    using P = ui::StoreProblem;
    std::set<std::string> seen;
    for (P problem : {P::KeyMissing, P::KeyRefused, P::KeyWrong, P::DatabaseDamaged, P::DiskFull, P::DiskError,
                      P::NewerSchema, P::NoEncryption, P::InUse, P::Other}) {
        const std::string text = ui::store_problem_text(shipped().get("pl"), problem);
        INFO(ui::store_problem_text(shipped().get("en"), problem));
        CHECK(text != ui::store_problem_text(shipped().get("en"), problem));
        CHECK(seen.insert(text).second);
    }
    CHECK(ui::store_problem_text(shipped().get("pl"), P::DiskFull) ==
          "Dysk tego kiosku jest pełny. Powiadom wsparcie IT, aby można było zwolnić miejsce.");
}
