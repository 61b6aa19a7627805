#include <catch2/catch_test_macros.hpp>

#include <imgui.h>

#include "kiosk/app/kiosk_controller.h"
#include "kiosk/app/staff_services.h"
#include "kiosk/i18n/locale_dir.h"
#include "kiosk/store/local_store.h"
#include "tests/app/controller_fixtures.h"
#include "tests/support/test_files.h"

using namespace carers;
using test::ImGuiContextForTest;
using test::SetClock;
using test::shipped_forms;
using app::KioskController;
using ui::Intent;
using ui::Screen;

namespace {

app::KioskConfig config_with_times(double idle, double warning) {
    app::KioskConfig c;
    c.behaviour.inactivity_seconds = idle;
    c.behaviour.warning_seconds = warning;
    return c;
}

void apply(KioskController& c, Intent in) {
    ui::Intents v{std::move(in)};
    c.apply(v);
}

}  // namespace

TEST_CASE("a carer who walks away gets the warning, and then everything is cleared back to the attract screen") {
    ImGuiContextForTest imgui;
    SetClock t;
    KioskController c(shipped_forms(), config_with_times(90, 30), nullptr, t.clock());
    apply(c, {Intent::Kind::Wake});
    apply(c, {Intent::Kind::SetTextSize, {}, {}, {}, {}, 200});
    apply(c, {Intent::Kind::SetHighContrast, {}, {}, {}, {}, 1});
    engine::FormSession* session = c.open_form("emergency-card");
    REQUIRE(session);
    REQUIRE(c.screen() == Screen::Form);
    session->next();
    const auto ref = session->current_page().items.front();
    REQUIRE(!ref.item->answer_options.empty());
    apply(c, {Intent::Kind::Answer, {}, ref, {ref.item->answer_options.front().value}});
    c.ui_state().text[ref] = "typed";
    c.note_input();

    t.steady += 89;
    CHECK_FALSE(c.tick());
    CHECK_FALSE(c.model().seconds_until_clear);
    t.steady += 1;
    CHECK(c.tick());
    CHECK(c.model().seconds_until_clear == 30);
    t.steady += 0.5;
    CHECK_FALSE(c.tick());  // the number shown has not changed
    t.steady += 0.5;
    CHECK(c.tick());
    CHECK(c.model().seconds_until_clear == 29);
    c.note_input();  // a touch elsewhere does not hide the warning
    CHECK(c.model().seconds_until_clear == 29);

    t.steady += 29;
    CHECK(c.tick());
    CHECK(c.screen() == Screen::Attract);
    CHECK_FALSE(c.in_session());
    CHECK(c.ui_state().text.empty());
    CHECK(c.display().text_size == 100);
    CHECK_FALSE(c.display().high_contrast);
    CHECK(c.take_display_change());
}

TEST_CASE("'I need more time' keeps the session and starts the idle time again") {
    ImGuiContextForTest imgui;
    SetClock t;
    KioskController c(shipped_forms(), config_with_times(90, 30), nullptr, t.clock());
    apply(c, {Intent::Kind::Wake});
    apply(c, {Intent::Kind::OpenForm, "am-i-a-carer"});
    t.steady += 100;
    c.tick();
    REQUIRE(c.model().seconds_until_clear);
    apply(c, {Intent::Kind::MoreTime});
    c.tick();
    CHECK_FALSE(c.model().seconds_until_clear);
    CHECK(c.in_session());
    t.steady += 89;
    c.tick();
    CHECK(c.in_session());
    CHECK_FALSE(c.model().seconds_until_clear);
}

TEST_CASE("the attract screen never times out, and 'Finish and clear' goes straight back to it") {
    ImGuiContextForTest imgui;
    SetClock t;
    KioskController c(shipped_forms(), config_with_times(90, 30), nullptr, t.clock());
    t.steady += 100000;
    c.tick();
    CHECK(c.screen() == Screen::Attract);
    CHECK(c.next_deadline() == std::numeric_limits<double>::infinity());
    apply(c, {Intent::Kind::Wake});
    apply(c, {Intent::Kind::OpenForm, "am-i-a-carer"});
    apply(c, {Intent::Kind::FinishAndClear});
    CHECK(c.screen() == Screen::Attract);
    CHECK_FALSE(c.in_session());
}

TEST_CASE("five wrong PINs lock staff entry for five minutes, even for the right PIN; then it opens") {
    ImGuiContextForTest imgui;
    test::TempDir dir;
    SetClock t;
    store::StoreOptions options;
    options.key.database = dir / "kiosk.db";
    options.key.key_file = dir / "kiosk.key";
    options.staff_pin.limits = store::KdfLimits::test_minimum();
    auto opened = store::LocalStore::open(options, [](const store::PassphraseRequest&) { return std::nullopt; }, t.unix);
    REQUIRE(opened);
    store::LocalStore& st = *opened.value();
    REQUIRE(st.staff_pin().set("2468", t.unix));

    KioskController c(shipped_forms(), config_with_times(90, 30), &st.database(), t.clock());
    c.set_staff_pin_checker([&st](std::string pin, std::int64_t now) { return app::check_staff_pin(st, std::move(pin), now); });
    c.set_staff_entry_state([&st](std::int64_t now) { return app::staff_entry_state(st, now); });
    c.set_staff_facts([&st] { return app::staff_facts(st, {}, "test"); });

    apply(c, {Intent::Kind::OpenStaffEntry});
    REQUIRE(c.screen() == Screen::StaffEntry);
    CHECK(c.model().staff_entry.status == ui::StaffEntryModel::Status::Ready);
    for (int i = 1; i <= 4; ++i) {
        apply(c, {Intent::Kind::SubmitPin, {}, {}, {}, "1111"});
        CHECK(c.model().staff_entry.status == ui::StaffEntryModel::Status::WrongPin);
        CHECK(c.model().staff_entry.tries_left == 5 - i);
    }
    apply(c, {Intent::Kind::SubmitPin, {}, {}, {}, "1111"});
    CHECK(c.model().staff_entry.status == ui::StaffEntryModel::Status::Locked);
    CHECK(c.model().staff_entry.locked_minutes == 5);

    t.unix += 4 * 60;
    apply(c, {Intent::Kind::SubmitPin, {}, {}, {}, "2468"});
    CHECK(c.screen() == Screen::StaffEntry);
    CHECK(c.model().staff_entry.status == ui::StaffEntryModel::Status::Locked);
    apply(c, {Intent::Kind::CloseStaff});
    apply(c, {Intent::Kind::OpenStaffEntry});
    CHECK(c.model().staff_entry.status == ui::StaffEntryModel::Status::Locked);  // known before a PIN is typed

    t.unix += 61;
    apply(c, {Intent::Kind::CloseStaff});
    apply(c, {Intent::Kind::OpenStaffEntry});
    CHECK(c.model().staff_entry.status == ui::StaffEntryModel::Status::Ready);
    apply(c, {Intent::Kind::SubmitPin, {}, {}, {}, "2468"});
    CHECK(c.screen() == Screen::Staff);
    CHECK(c.model().staff.waiting == 0);
}

TEST_CASE("a carer who holds the corner by chance goes back to their page when the PIN pad is cancelled") {
    ImGuiContextForTest imgui;
    SetClock t;
    KioskController c(shipped_forms(), config_with_times(90, 30), nullptr, t.clock());
    apply(c, {Intent::Kind::Wake});
    apply(c, {Intent::Kind::OpenForm, "am-i-a-carer"});
    apply(c, {Intent::Kind::OpenStaffEntry});
    CHECK(c.screen() == Screen::StaffEntry);
    CHECK(c.model().staff_entry.status == ui::StaffEntryModel::Status::NoPin);  // no store: no PIN
    apply(c, {Intent::Kind::CloseStaff});
    CHECK(c.screen() == Screen::Form);
    CHECK(c.in_session());
}

TEST_CASE("Leave kiosk mode works only from the staff screen") {
    ImGuiContextForTest imgui;
    SetClock t;
    KioskController c(shipped_forms(), config_with_times(90, 30), nullptr, t.clock());
    apply(c, {Intent::Kind::LeaveKioskMode});
    CHECK_FALSE(c.quit_requested());
    c.show(Screen::Staff);
    apply(c, {Intent::Kind::LeaveKioskMode});
    CHECK(c.quit_requested());
}

TEST_CASE("the staff screen lists each language's untranslated strings, counted as carers-i18n report counts them") {
    ImGuiContextForTest imgui;
    test::TempDir dir;
    SetClock t;
    // The shipped translations, with two of Polish's entries emptied (a translator's work in progress).
    const std::filesystem::path locales = dir / "locales";
    std::filesystem::create_directories(locales);
    for (const auto& e : std::filesystem::directory_iterator(std::string(CARERS_SOURCE_DIR) + "/locales"))
        if (e.is_regular_file()) std::filesystem::copy_file(e.path(), locales / e.path().filename());
    std::string pl = test::read_file(locales / "pl.po");
    for (const std::string& english : {std::string("Finish and clear"), std::string("Text size")}) {
        const std::string entry = "msgid \"" + english + "\"\nmsgstr \"";
        const auto at = pl.find(entry);
        REQUIRE(at != std::string::npos);
        const auto end = pl.find('"', at + entry.size());
        pl.erase(at + entry.size(), end - (at + entry.size()));
    }
    test::write_file(locales / "pl.po", pl);
    const i18n::LoadedLocales loaded = i18n::load_locales(locales);
    REQUIRE(loaded.problems.empty());

    const auto coverage = app::translation_coverage(loaded.coverage);
    REQUIRE(coverage.size() == loaded.languages.all().size() - 1);  // every language but English
    const ui::TranslationCoverage* polish = nullptr;
    for (const auto& c : coverage)
        if (c.language.find("(pl)") != std::string::npos) polish = &c;
    REQUIRE(polish);
    CHECK(polish->total - polish->translated == 2);
    CHECK(polish->status.rfind("draft", 0) == 0);
    REQUIRE(polish->examples.size() == 2);
    CHECK(((polish->examples[0] == "Finish and clear" && polish->examples[1] == "Text size") ||
           (polish->examples[1] == "Finish and clear" && polish->examples[0] == "Text size")));
    for (const auto& c : coverage)
        if (&c != polish) CHECK(c.translated == c.total);

    // On the staff screen, once staff are in.
    test::TempDir data;
    store::StoreOptions options;
    options.key.database = data / "kiosk.db";
    options.key.key_file = data / "kiosk.key";
    options.staff_pin.limits = store::KdfLimits::test_minimum();
    auto opened = store::LocalStore::open(options, [](const store::PassphraseRequest&) { return std::nullopt; }, t.unix);
    REQUIRE(opened);
    store::LocalStore& st = *opened.value();
    REQUIRE(st.staff_pin().set("2468", t.unix));
    KioskController c(shipped_forms(), config_with_times(90, 30), &st.database(), t.clock());
    c.set_staff_pin_checker([&st](std::string pin, std::int64_t now) { return app::check_staff_pin(st, std::move(pin), now); });
    c.set_staff_facts([&st] { return app::staff_facts(st, {}, "test"); });
    c.set_translations(coverage);
    apply(c, {Intent::Kind::OpenStaffEntry});
    apply(c, {Intent::Kind::SubmitPin, {}, {}, {}, "2468"});
    REQUIRE(c.screen() == Screen::Staff);
    REQUIRE(c.model().staff.translations.size() == coverage.size());
    bool listed = false;
    for (const auto& tc : c.model().staff.translations) listed |= tc.examples.size() == 2;
    CHECK(listed);
}

TEST_CASE("the staff facts carry the last good sync as a time and the venue's settings by key, for the view to word") {
    test::TempDir data;
    store::StoreOptions options;
    options.key.database = data / "kiosk.db";
    options.key.key_file = data / "kiosk.key";
    auto opened = store::LocalStore::open(options, [](const store::PassphraseRequest&) { return std::nullopt; },
                                          1'800'000'000);
    REQUIRE(opened);
    store::LocalStore& st = *opened.value();
    app::KioskConfig config = config_with_times(90, 30);
    config.placeholders["centre.phone"] = "01632 960 123";

    ui::StaffModel before = app::staff_facts(st, config, "test");
    CHECK(before.last_sync_unix == 0);  // the view says "Never"
    REQUIRE(store::audit(st.database(), store::AuditEvent::synced, "an-id", 1'800'000'100).ok());
    REQUIRE(store::audit(st.database(), store::AuditEvent::synced, "another-id", 1'800'000'200).ok());
    ui::StaffModel after = app::staff_facts(st, config, "test");
    CHECK(after.last_sync_unix == 1'800'000'200);  // the latest, as a time, not a date in words
    CHECK(after.inactivity_seconds == 90);
    CHECK(after.warning_seconds == 30);
    REQUIRE(after.venue.size() == 1);
    CHECK(after.venue[0].first == "centre.phone");  // the key: the view gives it a label in its language
}
