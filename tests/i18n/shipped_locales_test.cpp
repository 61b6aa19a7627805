#include <catch2/catch_test_macros.hpp>

#include "kiosk/i18n/locale_dir.h"

using namespace carers;

namespace {
const i18n::LoadedLocales& shipped() {
    static const i18n::LoadedLocales loaded = i18n::load_locales(std::string(CARERS_SOURCE_DIR) + "/locales");
    return loaded;
}
}  // namespace

TEST_CASE("every shipped PO file loads, with no problems") {
    for (const auto& p : shipped().problems) FAIL(p);
    CHECK(shipped().template_file.entries.size() > 100);
}

TEST_CASE("English translates every string in the template") {
    const auto& cov = shipped().coverage.front();
    REQUIRE(cov.language.code == "en");
    for (const auto& m : cov.missing) UNSCOPED_INFO("missing: [" << m.context << "] " << m.msgid);
    CHECK(cov.complete());
}

TEST_CASE("every shipped language other than English says in its header whether it is a reviewed translation") {
    for (const auto& c : shipped().languages.all()) {
        INFO(c.language().code);
        CHECK_FALSE(c.language().native_name.empty());
        CHECK_FALSE(c.language().speech_voice.empty());
        if (c.language().code != "en") CHECK_FALSE(c.language().status.empty());
    }
}

TEST_CASE("no shipped text tells a person they are eligible or not eligible") {
    // Only the council decides eligibility (brief); translations must not say it either.
    for (const auto& c : shipped().languages.all()) {
        c.for_each_text([&](const std::string& s) {
            std::string lower = s;
            for (char& ch : lower) ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
            if (lower.find("eligib") != std::string::npos) FAIL(c.language().code << ": " << s);
        });
    }
}
