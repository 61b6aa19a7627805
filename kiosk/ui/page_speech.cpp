#include "kiosk/ui/page_speech.h"

#include "kiosk/ui/saved_form_texts.h"

namespace carers::ui {

namespace {

// The key a form text is translated under, as question_view uses it: the last segment of the
// form's url, then the linkId.
std::string key_of(const engine::FormSession& session, const engine::Item& item) {
    const std::string& url = session.questionnaire().url;
    return url.substr(url.rfind('/') + 1) + ":" + item.link_id;
}

std::string option_key(const engine::AnswerValue& v) {
    if (auto* c = std::get_if<engine::Coding>(&v)) return c->code;
    return engine::display_text(v);
}

// Ends a line with a pause: a text that ends without punctuation gets a full stop.
void add_line(std::string& out, const std::string& text) {
    if (text.empty()) return;
    out += text;
    const unsigned char last = static_cast<unsigned char>(text.back());
    const bool punctuated = last == '.' || last == '?' || last == '!' || last == ':' || last >= 0x80;
    if (!punctuated) out += '.';
    out += '\n';
}

std::string placeholder(const KioskModel& model, const char* key) {
    if (!model.placeholders) return {};
    auto it = model.placeholders->find(key);
    return it == model.placeholders->end() ? std::string() : it->second;
}

// The same strings home_screen.cpp shows.
std::string home_speech(const KioskModel& model, const i18n::Catalog& catalog) {
    std::string out;
    if (const PersonalDraftOffer& d = model.personal_draft; !d.form_id.empty()) {
        if (d.cannot_open) {
            add_line(out, catalog.tr("Your saved answers could not be opened"));
            add_line(out, cannot_open_saved_answers(d, catalog));
        } else {
            add_line(out, catalog.tr("You have a form you started before"));
            add_line(out, fill_placeholders(catalog.tr("Carry on with your saved {{form}}"),
                                            {{"form", catalog.form_text(d.form_id + ":title", d.title)}}));
            add_line(out, catalog.tr("Your answers so far are kept on this device."));
        }
        add_line(out, catalog.tr("Start again"));
        add_line(out, catalog.tr("Start again deletes the saved answers."));
    }
    add_line(out, catalog.tr("What would you like to do?"));
    if (model.journeys)
        for (const JourneyCard& j : *model.journeys) {
            add_line(out, catalog.form_text(j.form_id + ":title", j.title));
            if (j.minutes > 0)
                add_line(out, fill_placeholders(catalog.tr_plural("About {{n}} minute", "About {{n}} minutes", j.minutes),
                                                {{"n", catalog.values().count(j.minutes)}}));
            add_line(out, j.summary);
        }
    if (model.can_continue_saved) {
        add_line(out, catalog.tr("Continue a saved form"));
        add_line(out, catalog.tr("If you saved your answers here and have a code"));
    }
    add_line(out, catalog.tr("Help and support near you"));
    add_line(out, placeholder(model, "centre.name"));
    const struct {
        const char* key;
        const std::string& label;
    } lines[] = {{"centre.phone", catalog.tr("Phone")},
                 {"centre.email", catalog.tr("Email")},
                 {"centre.web", catalog.tr("Website")},
                 {"centre.opening_hours", catalog.tr("Opening hours")}};
    for (const auto& l : lines) {
        const std::string v = placeholder(model, l.key);
        if (!v.empty()) add_line(out, l.label + ": " + v);
    }
    return out;
}

std::string xml_escaped(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        if (c == '&') out += "&amp;";
        else if (c == '<') out += "&lt;";
        else if (c == '>') out += "&gt;";
        else if (c == '"') out += "&quot;";
        else out += c;
    }
    return out;
}

// The same strings start_screen.cpp shows. Each language's name is read in that language's own
// voice, so a person who does not read the current language hears their own (SSML: see
// speech/voice_synth.h); the rest in the person's language.
std::string start_speech(const KioskModel& model, const i18n::Catalog& catalog) {
    std::string out = "<speak>";
    auto line = [&out](const std::string& text) {
        std::string one;
        add_line(one, text);
        out += xml_escaped(one);
    };
    line(catalog.tr("Choose your language"));
    for (const i18n::Catalog* c : model.languages)
        if (c) {
            std::string name;
            add_line(name, c->language().native_name);
            const i18n::Language& l = c->language();
            out += "<voice name=\"" + xml_escaped(l.speech_voice.empty() ? l.code : l.speech_voice) + "\">" +
                   xml_escaped(name) + "</voice>";
        }
    line(catalog.tr("Text size"));
    line(catalog.tr("Standard"));
    line(catalog.tr("Large"));
    line(catalog.tr("Very large"));
    line(catalog.tr("Display"));
    line(catalog.tr("High contrast: yellow and white on black"));
    if (model.display.read_aloud_available) line(catalog.tr("Read the screen aloud"));
    return out + "</speak>";
}

// The same strings save_for_later_screen.cpp shows; never the word being typed.
std::string save_for_later_speech(const KioskModel& model, const i18n::Catalog& catalog) {
    using Stage = SaveForLaterModel::Stage;
    const SaveForLaterModel& s = model.save_for_later;
    std::string out;
    switch (s.stage) {
    case Stage::ChooseWord:
    case Stage::Failed:
        add_line(out, catalog.tr("Save and come back later"));
        add_line(out, catalog.tr("Choose a memorable word. To open your answers again at this kiosk you will "
                                 "need it and a code "
                                 "we will show you next."));
        add_line(out, catalog.tr("Only you will know the word. Staff cannot see it or find it for you, so "
                                 "choose a word you will "
                                 "remember. Do not use a password you use for anything else."));
        if (s.stage == Stage::Failed)
            add_line(out, catalog.tr("Sorry, your answers could not be saved for later. Nothing has been "
                                     "lost: your answers are still "
                                     "in the form. You can go back to it, or ask a member of staff."));
        if (s.problem == SaveForLaterModel::Problem::BadWord)
            add_line(out, catalog.tr("Choose a word of 3 to 40 letters."));
        add_line(out, catalog.tr("Your memorable word"));
        add_line(out, catalog.tr("Save my answers"));
        add_line(out, catalog.tr("Back to the form"));
        break;
    case Stage::Saving:
        add_line(out, catalog.tr("Saving your answers…"));
        add_line(out, catalog.tr("This takes a few seconds. Please wait."));
        break;
    case Stage::Saved:
        add_line(out, catalog.tr("Your answers are saved"));
        add_line(out, catalog.tr("Your code is:"));
        // Spelled out: a carer who cannot see the screen needs it as much as one who can.
        add_line(out, spelled_code(s.shown_code));
        add_line(out, catalog.tr("Write this code down now. You will need it and your memorable word to carry on."));
        add_line(out, come_back_within(s.days, catalog));
        add_line(out, catalog.tr("After that, or if the wrong word is typed five times, your saved answers "
                                 "are deleted to keep them "
                                 "safe."));
        add_line(out, catalog.tr("Finish and clear"));
        break;
    }
    return out;
}

// The same strings continue_saved_screen.cpp shows; never the code or word being typed.
std::string continue_saved_speech(const KioskModel& model, const i18n::Catalog& catalog) {
    const ContinueSavedModel& c = model.continue_saved;
    std::string out;
    if (c.status == ContinueSavedModel::Status::Opening) {
        add_line(out, catalog.tr("Opening your saved answers…"));
        add_line(out, catalog.tr("This takes a few seconds. Please wait."));
        return out;
    }
    add_line(out, catalog.tr("Continue a saved form"));
    add_line(out, catalog.tr("Type the code you were given when you saved your answers, and your memorable word."));
    add_line(out, continue_saved_message(c, catalog));
    add_line(out, catalog.tr("Your code"));
    add_line(out, catalog.tr("Your memorable word"));
    add_line(out, catalog.tr("Continue"));
    add_line(out, catalog.tr("Back"));
    return out;
}

}  // namespace

std::string screen_speech(const KioskModel& model, const i18n::Catalog& catalog) {
    switch (model.screen) {
    case Screen::Home: return home_speech(model, catalog);
    case Screen::Start: return start_speech(model, catalog);
    case Screen::SaveForLater: return save_for_later_speech(model, catalog);
    case Screen::ContinueSaved: return continue_saved_speech(model, catalog);
    default: return {};
    }
}

std::string page_speech(const engine::FormSession& session, const i18n::Catalog& catalog,
                        const Placeholders& placeholders) {
    std::string out;
    const engine::Page page = session.current_page();
    if (!page.anchor.item) return out;
    auto text_of = [&](const engine::Item& item, const std::string& suffix, const std::string& english) {
        const std::string text = catalog.form_text(key_of(session, item) + suffix, english);
        // Information is read as it is shown (question_view): without a sentence the venue cannot fill.
        return item.type == engine::ItemType::Display ? fill_help_text(text, placeholders) : fill_placeholders(text, placeholders);
    };
    if (page.anchor.item->is_group() && !page.anchor.item->text.empty())
        add_line(out, text_of(*page.anchor.item, "", page.anchor.item->text));
    for (const engine::ItemRef& ref : page.items) {
        const engine::Item& item = *ref.item;
        if (!item.text.empty()) add_line(out, text_of(item, "", item.text));
        if (!engine::is_question(item.type)) continue;
        if (std::string hint = item.hint(); !hint.empty()) {
            // A hint may be several lines; each is its own sentence.
            std::string h = text_of(item, ":hint", hint);
            std::size_t start = 0;
            while (start < h.size()) {
                std::size_t nl = h.find('\n', start);
                if (nl == std::string::npos) nl = h.size();
                add_line(out, h.substr(start, nl - start));
                start = nl + 1;
            }
        }
        std::vector<engine::AnswerValue> options;
        if (item.type == engine::ItemType::Boolean) options = {engine::AnswerValue{true}, engine::AnswerValue{false}};
        for (const auto& o : item.answer_options) options.push_back(o.value);
        for (const auto& v : options)
            add_line(out, text_of(item, ":option:" + option_key(v), engine::display_text(v)));
    }
    return out;
}

}  // namespace carers::ui
