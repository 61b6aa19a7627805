#include <catch2/catch_test_macros.hpp>

#include <chrono>
#include <functional>
#include <thread>

#include <imgui.h>

#include "kiosk/app/kiosk_controller.h"
#include "kiosk/app/page_reader.h"
#include "kiosk/app/tour_scenes.h"
#include "kiosk/i18n/locale_dir.h"
#include "kiosk/ui/page_speech.h"
#include "kiosk/ui/saved_form_texts.h"
#include "tests/app/controller_fixtures.h"

using namespace carers;
using test::ImGuiContextForTest;
using ui::Intent;

namespace {

void wait_until(const std::function<bool()>& done) {
    for (int i = 0; i < 1000 && !done(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));
}

void apply(app::KioskController& c, Intent in) {
    ui::Intents v{std::move(in)};
    c.apply(v);
}

// A kiosk with the shipped forms and languages and a silent voice, woken with `language` chosen and
// Listen offered: the start screen as a carer who has just picked their language sees it.
struct ListeningKiosk {
    ImGuiContextForTest imgui;
    app::KioskController c;
    app::ReadAloud voice{true};  // silent: everything but the loudspeaker
    app::PageReader reader{voice};

    explicit ListeningKiosk(const std::string& language, app::KioskConfig config = {})
        : c{app::load_forms(std::string(CARERS_SOURCE_DIR) + "/assets/forms", [](const std::string& p) { FAIL(p); }),
            std::move(config), nullptr, app::KioskClock{[] { return 0.0; }, [] { return std::int64_t{0}; }},
            i18n::load_locales(std::string(CARERS_SOURCE_DIR) + "/locales").languages.all()} {
        c.set_read_aloud_available(true);
        apply(c, {Intent::Kind::Wake});
        apply(c, {Intent::Kind::ChooseLanguage, {}, {}, {}, language});
    }
};

// The same, on the first question of "Am I a carer?".
struct KioskOnAQuestion : ListeningKiosk {
    engine::FormSession* session = nullptr;

    explicit KioskOnAQuestion(const std::string& language) : ListeningKiosk(language) {
        apply(c, {Intent::Kind::GoHome});
        session = c.open_form("am-i-a-carer");
        REQUIRE(session);
        // On past the introduction to the first question with answer choices.
        for (int i = 0; i < 5 && first_choice().item == nullptr; ++i) {
            REQUIRE(app::answer_page_with_samples(*session));
            REQUIRE(session->next() == engine::Nav::Moved);
        }
        REQUIRE(first_choice().item);
    }
    engine::ItemRef first_choice() const {
        for (const auto& ref : session->current_page().items)
            if (!ref.item->answer_options.empty()) return ref;
        return {};
    }
    void frame(ui::Intents intents = {}) { reader.after_frame(c.model(), c.catalog(), intents); }
    std::string page_text() { return ui::page_speech(*c.model().session, c.catalog(), {}); }
};

}  // namespace

TEST_CASE("Listen reads the page on screen in the person's language and voice, off the UI thread") {
    KioskOnAQuestion k("pl");
    k.frame();
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    CHECK_FALSE(k.voice.speaker().speaking());  // read every page is off: nothing until Listen
    const auto t0 = std::chrono::steady_clock::now();
    k.frame({{Intent::Kind::Listen}});
    CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::milliseconds(100));
    CHECK(k.reader.last_voice() == "pl");
    CHECK(k.reader.last_text() == k.page_text());
    INFO(k.reader.last_text());
    const std::string english = ui::page_speech(*k.session, i18n::Catalog(), {});
    CHECK(k.reader.last_text() != english);
    const engine::Item& question = *k.first_choice().item;
    const std::string polish = k.c.catalog().form_text("am-i-a-carer:" + question.link_id, question.text);
    CHECK(polish != question.text);
    CHECK(k.reader.last_text().find(polish) != std::string::npos);  // the question, in Polish
    wait_until([&] { return k.voice.speaker().speaking(); });
    CHECK(k.voice.speaker().speaking());
}

TEST_CASE("with reading every page on, each page is read as it opens, and a wipe silences it") {
    KioskOnAQuestion k("zh_CN");
    apply(k.c, {Intent::Kind::SetReadAloud, {}, {}, {}, {}, 1});
    k.frame();
    CHECK(k.reader.last_voice() == "cmn");
    const std::string first = k.reader.last_text();
    CHECK(first == k.page_text());
    wait_until([&] { return k.voice.speaker().speaking(); });
    CHECK(k.voice.speaker().speaking());

    // Answer and go on: the old page stops and the new one is read.
    const auto ref = k.first_choice();
    apply(k.c, {Intent::Kind::Answer, {}, ref, {ref.item->answer_options.front().value}});
    apply(k.c, {Intent::Kind::Next});
    k.frame();
    CHECK(k.reader.last_text() != first);
    CHECK(k.reader.last_text() == k.page_text());
    wait_until([&] { return k.voice.speaker().finished_count() >= 1; });
    CHECK(k.voice.speaker().finished_count() >= 1);

    apply(k.c, {Intent::Kind::FinishAndClear});
    REQUIRE(k.c.take_wiped());
    k.reader.stop();
    k.frame();
    wait_until([&] { return !k.voice.speaker().speaking(); });
    CHECK_FALSE(k.voice.speaker().speaking());
}

TEST_CASE("the language can be changed in the middle of a form: the answers stay and the page reads in the new one") {
    KioskOnAQuestion k("en");
    const engine::FormSession& s = *k.session;
    const auto ref = k.first_choice();
    const auto chosen = ref.item->answer_options.back().value;
    apply(k.c, {Intent::Kind::Answer, {}, ref, {chosen}});
    const std::string page = "form:" + ref.item->link_id;

    apply(k.c, {Intent::Kind::GoStart});  // "Language and text size" in the top bar
    apply(k.c, {Intent::Kind::ChooseLanguage, {}, {}, {}, "ar"});
    apply(k.c, {Intent::Kind::SetTextSize, {}, {}, {}, {}, 200});
    apply(k.c, {Intent::Kind::GoHome});  // the start screen's Continue
    CHECK(k.c.screen() == ui::Screen::Form);
    CHECK(app::spoken_page_key(k.c.model()) == page);  // the same page, not the first
    REQUIRE(s.answers(ref).size() == 1);
    CHECK(engine::values_equal(s.answers(ref).front(), chosen));
    CHECK(k.c.display().language == "ar");
    CHECK(k.c.display().text_size == 200);
    k.frame({{Intent::Kind::Listen}});
    CHECK(k.reader.last_voice() == "ar");
    CHECK(k.reader.last_text() == k.page_text());
    CHECK(k.reader.last_text().find("\xD9") != std::string::npos);  // Arabic letters (U+06xx)
}

TEST_CASE("Listen on the home and start screens reads what they show, in the person's language") {
    app::KioskConfig config;
    config.placeholders = {{"centre.name", "Example Carers Centre"}, {"centre.phone", "01632 960000"}};
    ListeningKiosk k("pl", config);
    app::KioskController& c = k.c;
    app::PageReader& reader = k.reader;
    CHECK(app::spoken_page_key(c.model()) == "start");
    reader.after_frame(c.model(), c.catalog(), {{Intent::Kind::Listen}});
    CHECK(reader.last_voice() == "pl");
    CHECK(reader.last_text().find(c.catalog().tr("Choose your language")) != std::string::npos);
    CHECK(c.catalog().tr("Choose your language") != "Choose your language");  // in Polish
    CHECK(reader.last_text().find("العربية") != std::string::npos);        // every language by name

    apply(c, {Intent::Kind::GoHome});
    CHECK(app::spoken_page_key(c.model()) == "home");
    reader.after_frame(c.model(), c.catalog(), {{Intent::Kind::Listen}});
    const std::string& said = reader.last_text();
    INFO(said);
    CHECK(said.find(c.catalog().tr("What would you like to do?")) != std::string::npos);
    CHECK(said.find(c.catalog().form_text("am-i-a-carer:title", "Am I a carer?")) != std::string::npos);
    CHECK(said.find(c.catalog().tr("Phone") + ": 01632 960000") != std::string::npos);
    CHECK(said.find("Example Carers Centre") != std::string::npos);
    wait_until([&] { return k.voice.speaker().speaking() || k.voice.speaker().finished_count() > 0; });

    // Staff screens and the inactivity warning have nothing to read: the voice stops there.
    apply(c, {Intent::Kind::FinishAndClear});
    CHECK(app::spoken_page_key(c.model()).empty());
}

TEST_CASE("Listen on the saved-forms screens reads them in the person's language, the code spelled "
          "out and what the store answered, never what was typed") {
    using Stage = ui::SaveForLaterModel::Stage;
    using Status = ui::ContinueSavedModel::Status;
    ListeningKiosk k("pl");
    app::KioskController& c = k.c;
    app::PageReader& reader = k.reader;
    auto listen = [&]() -> const std::string& {
        reader.after_frame(c.model(), c.catalog(), {{Intent::Kind::Listen}});
        CHECK(reader.last_voice() == "pl");
        return reader.last_text();
    };
    const i18n::Catalog& pl = c.catalog();
    REQUIRE(pl.tr("Your memorable word") != "Your memorable word");

    c.show(ui::Screen::SaveForLater);
    c.set_save_for_later_for_tour({Stage::ChooseWord, {}, "", 0, ""});
    c.ui_state().memorable_word = "bluebell"; // being typed: never read
    const std::string choosing = app::spoken_page_key(c.model());
    CHECK(choosing.rfind("save-later", 0) == 0);
    std::string said = listen();
    INFO(said);
    CHECK(said.find(pl.tr("Save and come back later")) != std::string::npos);
    CHECK(said.find(pl.tr("Your memorable word")) != std::string::npos);
    CHECK(said.find("bluebell") == std::string::npos);

    c.set_save_for_later_for_tour({Stage::Saved, {}, "4CHK-79XT", 14, ""});
    CHECK(app::spoken_page_key(c.model()) != choosing); // a new stage is read as it appears
    said = listen();
    CHECK(said.find(pl.tr("Your answers are saved")) != std::string::npos);
    CHECK(said.find("4 C H K, 7 9 X T") != std::string::npos);
    CHECK(said.find(ui::come_back_within(14, pl)) != std::string::npos);
    CHECK(said.find("14") != std::string::npos);
    CHECK(said.find("bluebell") == std::string::npos);

    c.show(ui::Screen::ContinueSaved);
    c.ui_state().resume_code = "4CHK79X"; // being typed: never read
    c.set_continue_saved_for_tour({Status::Ready, 0, 0, 14, ""});
    const std::string ready = app::spoken_page_key(c.model());
    said = listen();
    CHECK(said.find(pl.tr("Continue a saved form")) != std::string::npos);
    c.set_continue_saved_for_tour({Status::WrongWord, 2, 0, 14, ""});
    CHECK(app::spoken_page_key(c.model()) != ready);
    said = listen();
    const std::string told = ui::continue_saved_message(c.model().continue_saved, pl);
    CHECK_FALSE(told.empty());
    CHECK(told.find("2") != std::string::npos);
    CHECK(said.find(told) != std::string::npos);
    CHECK(said.find("4CHK79X") == std::string::npos);
    CHECK(said.find("bluebell") == std::string::npos);
}
