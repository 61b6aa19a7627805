// The staff screen's settings facts are labelled in the language on screen (issue 7), with the
// kiosk.json key beside each label so IT support can find it; the PO files' draft status is
// translated too.
#include <catch2/catch_test_macros.hpp>

#include <nlohmann/json.hpp>

#include "kiosk/i18n/locale_dir.h"
#include "kiosk/ui/staff_fact_labels.h"
#include "tests/support/test_files.h"

using namespace carers;

namespace {

const i18n::LanguageSet& shipped() {
    static const i18n::LoadedLocales loaded = i18n::load_locales(std::string(CARERS_SOURCE_DIR) + "/locales");
    return loaded.languages;
}

}  // namespace

TEST_CASE("the venue's settings are labelled in Polish and Chinese with their kiosk.json key") {
    CHECK(ui::venue_setting_label(shipped().get("pl"), "centre.phone") == "Telefon Centrum Opiekunów (centre.phone)");
    CHECK(ui::venue_setting_label(shipped().get("zh_CN"), "venue.name") == "场所（venue.name）");
    CHECK(ui::venue_setting_label(shipped().get("en"), "scheme.emergency_line") ==
          "Emergency card 24-hour line (scheme.emergency_line)");
    // A setting the kiosk does not know is shown by its key, never dropped.
    CHECK(ui::venue_setting_label(shipped().get("pl"), "venue.car_park") == "venue.car_park");
}

TEST_CASE("every venue setting of the demo kiosk.json has a label of its own") {
    const auto demo = nlohmann::json::parse(test::read_source_file("assets/config/demo-venue.json"));
    int settings = 0;
    for (const char* section : {"venue", "centre", "scheme"})
        for (const auto& [name, value] : demo[section].items()) {
            const std::string key = std::string(section) + "." + name;
            INFO(key);
            CHECK(ui::venue_setting_label(shipped().get("pl"), key) != key);
            ++settings;
        }
    CHECK(settings == 8);
}

TEST_CASE("a draft translation's status is shown in the language on screen") {
    CHECK(ui::translation_status_text(shipped().get("pl"), "draft, awaiting native-speaker review") ==
          "wersja robocza, czeka na sprawdzenie przez rodzimego użytkownika języka");
    CHECK(ui::translation_status_text(shipped().get("pl"), "reviewed by A. Nowak") == "reviewed by A. Nowak");
}
