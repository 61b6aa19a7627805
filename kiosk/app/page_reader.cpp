#include "kiosk/app/page_reader.h"

#include "kiosk/speech/voice_synth.h"
#include "kiosk/ui/page_speech.h"
#include "kiosk/ui/question_view.h"

namespace carers::app {

bool voices_installed(const std::vector<i18n::Catalog>& languages) {
    auto synth = speech::VoiceSynth::get();
    if (!synth) return false;
    for (const auto& c : languages)
        if (!synth.value()->has_voice(c.language().speech_voice)) return false;
    return true;
}

std::string spoken_page_key(const ui::KioskModel& model) {
    if (model.seconds_until_clear) return {};  // the inactivity warning covers the screen
    if (model.screen == ui::Screen::Home) return "home";
    if (model.screen == ui::Screen::Start) return "start";
    // A new stage or message is a new page: with reading aloud on, it is read as it appears.
    if (model.screen == ui::Screen::SaveForLater)
        return "save-later:" + std::to_string(static_cast<int>(model.save_for_later.stage)) + ":" +
               std::to_string(static_cast<int>(model.save_for_later.problem));
    if (model.screen == ui::Screen::ContinueSaved)
        return "continue-saved:" + std::to_string(static_cast<int>(model.continue_saved.status)) + ":" +
               std::to_string(model.continue_saved.words_left);
    if (model.screen != ui::Screen::Form || !model.session) return {};
    const engine::Page page = model.session->current_page();
    if (!page.anchor.item) return {};
    return "form:" + ui::occurrence_id(page.anchor) + (model.session->complete() ? "#done" : "");
}

std::string PageReader::text_of(const ui::KioskModel& model, const i18n::Catalog& catalog) const {
    if (model.screen != ui::Screen::Form) return ui::screen_speech(model, catalog);
    if (!model.session) return {};
    return ui::page_speech(*model.session, catalog, model.placeholders ? *model.placeholders : ui::Placeholders{});
}

void PageReader::after_frame(const ui::KioskModel& model, const i18n::Catalog& catalog, const ui::Intents& intents) {
    const std::string key = spoken_page_key(model);
    const std::string& voice = catalog.language().speech_voice;
    // The page's text is only put together when it is needed: a new page, or Listen.
    if (key != voice_.page()) {
        const bool every_page = model.display.read_aloud && model.display.read_aloud_available;
        std::string text = every_page && !key.empty() ? text_of(model, catalog) : std::string();
        if (!text.empty()) last_text_ = text, last_voice_ = voice;
        voice_.on_page(key, every_page, text, voice);
    }
    for (const ui::Intent& in : intents)
        if (in.kind == ui::Intent::Kind::Listen && !key.empty()) {
            last_text_ = text_of(model, catalog);
            last_voice_ = voice;
            voice_.listen(last_text_, voice);
        }
}

}  // namespace carers::app
