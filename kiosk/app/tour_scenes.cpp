#include "kiosk/app/tour_scenes.h"

#include <algorithm>
#include <set>

#include "kiosk/app/tour_staff_models.h"
#include "kiosk/ui/question_view.h"

namespace carers::app {

using engine::AnswerValue;
using engine::ItemType;

namespace {

std::optional<AnswerValue> sample_answer(const engine::Item& item, SampleRoute route) {
    switch (item.type) {
    case ItemType::Boolean: return AnswerValue{true};
    case ItemType::Choice:
    case ItemType::OpenChoice:
        if (item.answer_options.empty()) return std::nullopt;
        return route == SampleRoute::LastOptions ? item.answer_options.back().value : item.answer_options.front().value;
    case ItemType::Integer: {
        std::int64_t v = 1;
        if (item.min_value)
            if (auto* m = std::get_if<std::int64_t>(&*item.min_value)) v = *m;
        return AnswerValue{v};
    }
    case ItemType::Decimal: return AnswerValue{1.5};
    case ItemType::Date: return AnswerValue{engine::Date{1980, 2, 1}};
    case ItemType::String:
    case ItemType::Text:
        // An entry format is an example of a good answer ("07700 900123", "name@example.com").
        return AnswerValue{item.entry_format.empty() ? std::string("Sample") : item.entry_format};
    default: return std::nullopt;
    }
}

// The first text box on the page that wants `layout`, as its widget id.
std::string first_box_for(const engine::FormSession& s, ui::KeyboardLayout layout) {
    for (const auto& ref : s.current_page().items) {
        const auto& item = *ref.item;
        if (item.type == ItemType::Group || item.type == ItemType::Display || item.type == ItemType::Boolean ||
            item.type == ItemType::Choice || item.type == ItemType::OpenChoice)
            continue;
        if (ui::keyboard_for(item, false) != layout) continue;
        return "field:" + ui::occurrence_id(ref) + (item.type == ItemType::Date ? ":day" : "");
    }
    return {};
}

const char* layout_name(ui::KeyboardLayout l) {
    switch (l) {
    case ui::KeyboardLayout::Letters: return "letters";
    case ui::KeyboardLayout::Email: return "email";
    case ui::KeyboardLayout::Phone: return "phone";
    case ui::KeyboardLayout::Digits: return "digits";
    case ui::KeyboardLayout::DateBox: return "date";
    default: return "other";
    }
}

// One step of the walk: a page answered with samples and Continue, or on "Check your answers"
// Send (with fixed bytes: the tour's reference number is always the same). False when blocked.
bool advance(engine::FormSession& s, SampleRoute route) {
    if (s.view() == engine::View::CheckAnswers) return s.submit({1, 2, 3, 4, 5, 6, 7, 8}) != engine::Nav::Blocked;
    if (!answer_page_with_samples(s, route)) return false;
    return s.next() != engine::Nav::Blocked;
}

// Replays the walk of a form up to page `steps`, answering with samples, and optionally focuses a
// box. Scenes are set up from scratch each time, so they do not depend on one another.
bool walk_to(KioskController& c, const std::string& form_id, int steps, bool with_errors, const std::string& focus,
             SampleRoute route = SampleRoute::FirstOptions) {
    engine::FormSession* s = c.open_form(form_id);
    if (!s) return false;
    for (int i = 0; i < steps && !s->complete(); ++i)
        if (!advance(*s, route)) return false;
    // The tour has no store: the end is pictured as a carer sees it when their answers were saved.
    if (s->complete()) c.set_notice(ui::KioskModel::Notice::Saved);
    if (with_errors) (void)s->next();  // nothing answered yet: the error summary
    if (!focus.empty()) {
        c.ui_state().focus = focus;
        c.ui_state().scroll_to_focus = true;
    }
    return true;
}

// Which page or view a session shows, to know a page seen on another route.
std::string page_seen_key(const engine::FormSession& s) {
    if (s.view() != engine::View::Page) return "#view" + std::to_string(static_cast<int>(s.view()));
    const engine::Page page = s.current_page();
    return (page.anchor.item ? ui::occurrence_id(page.anchor) : std::string()) + (s.complete() ? "#done" : "");
}

// The pages of one route through a form, each a scene that replays the walk. Pages already in
// `seen` (toured on another route) are left out; the new ones are added to it.
void add_route_scenes(KioskController& c, const std::string& form_id, SampleRoute route, std::set<std::string>& seen,
                      std::vector<Scene>& out) {
    // Walk once to learn the pages, then describe each as a scene that replays the walk.
    engine::FormSession* s = c.open_form(form_id);
    if (!s) return;
    std::set<ui::KeyboardLayout> pictured;
    std::set<engine::View> views_pictured;
    bool error_pictured = route != SampleRoute::FirstOptions;  // pictured on the first route
    const std::string prefix = form_id + (route == SampleRoute::FirstOptions ? "-p" : "-last-p");
    for (int step = 0; step < 300; ++step) {
        const std::string base = prefix + (step < 10 ? "0" : "") + std::to_string(step);
        if (!seen.insert(page_seen_key(*s)).second) {
            if (s->complete() || !advance(*s, route)) break;
            continue;
        }
        // Pictures of the first page, the first task list, "Check your answers" and the end.
        const bool pictured_step = route == SampleRoute::FirstOptions &&
                                   (step == 0 || s->complete() || views_pictured.insert(s->view()).second);
        out.push_back({base, pictured_step, [&c, form_id, step, route] { walk_to(c, form_id, step, false, "", route); }});
        if (s->complete()) break;
        if (s->view() != engine::View::Page) {  // no boxes to type into, no errors to show
            if (!advance(*s, route)) break;
            continue;
        }
        const engine::Page page = s->current_page();
        bool has_required = false;
        for (const auto& ref : page.items) has_required |= ref.item->required;
        if (!error_pictured && has_required) {
            error_pictured = true;
            out.push_back({base + "-error", true, [&c, form_id, step, route] { walk_to(c, form_id, step, true, "", route); }});
        }
        for (auto layout : {ui::KeyboardLayout::Letters, ui::KeyboardLayout::Email, ui::KeyboardLayout::Phone,
                            ui::KeyboardLayout::Digits, ui::KeyboardLayout::DateBox}) {
            const std::string box = first_box_for(*s, layout);
            if (box.empty()) continue;
            const bool picture = pictured.insert(layout).second;
            out.push_back({base + "-typing-" + layout_name(layout), picture,
                           [&c, form_id, step, box, route] { walk_to(c, form_id, step, false, box, route); }});
        }
        if (!advance(*s, route)) break;
    }
    c.wipe_session();
}

// Every page of a form on two routes: the first answer option everywhere, then the last, which
// takes other branches (an adult carer's emergency card, with its date boxes); pages the first
// route showed are not toured twice.
void add_form_scenes(KioskController& c, const std::string& form_id, std::vector<Scene>& out) {
    std::set<std::string> seen;
    add_route_scenes(c, form_id, SampleRoute::FirstOptions, seen, out);
    add_route_scenes(c, form_id, SampleRoute::LastOptions, seen, out);
}

// The walk (in pages) to the first question of a form with answer choices and a hint.
int first_step_with_choices(KioskController& c, const std::string& form_id) {
    engine::FormSession* s = c.open_form(form_id);
    int found = 0;
    for (int step = 0; s && step < 50 && !s->complete(); ++step) {
        for (const auto& ref : s->current_page().items)
            if (!ref.item->answer_options.empty() && !ref.item->hint().empty()) {
                found = step;
                break;
            }
        if (found || !answer_page_with_samples(*s, SampleRoute::FirstOptions) || s->next() == engine::Nav::Blocked) break;
    }
    c.wipe_session();
    return found;
}

// Where a form first asks for a date with an earliest date (a date of birth from 1900), on either
// route: the page with the shipped limit that an error message writes as a value.
struct EarliestDatePage {
    SampleRoute route = SampleRoute::FirstOptions;
    int step = -1;
    std::string link_id;
    engine::Date earliest;
};

EarliestDatePage first_page_with_earliest_date(KioskController& c, const std::string& form_id) {
    for (SampleRoute route : {SampleRoute::FirstOptions, SampleRoute::LastOptions}) {
        engine::FormSession* s = c.open_form(form_id);
        for (int step = 0; s && step < 100 && !s->complete(); ++step) {
            if (s->view() == engine::View::Page)
                for (const auto& ref : s->current_page().items) {
                    const auto& min = ref.item->min_value;
                    if (const auto* earliest = min ? std::get_if<engine::Date>(&*min) : nullptr) {
                        EarliestDatePage found{route, step, ref.item->link_id, *earliest};
                        c.wipe_session();
                        return found;
                    }
                }
            if (!advance(*s, route)) break;
        }
        c.wipe_session();
    }
    return {};
}

// That page with every answer a good one except the date, typed a year before the earliest, and
// Continue pressed: the error names the limit as a date in the language on screen ("1 stycznia
// 1900", "1900年1月1日").
void show_date_before_earliest(KioskController& c, const std::string& form_id, const EarliestDatePage& page) {
    if (!walk_to(c, form_id, page.step, false, "", page.route)) return;
    engine::FormSession* s = c.session();
    if (!s) return;
    answer_page_with_samples(*s, page.route);
    const engine::Date& e = page.earliest;
    (void)s->answer_date(s->ref(page.link_id), {std::to_string(std::min(e.day, 28)), std::to_string(e.month),
                                                std::to_string(e.year - 1)});
    (void)s->next();
}

}  // namespace

bool answer_page_with_samples(engine::FormSession& session, SampleRoute route) {
    // Answering can turn on more questions on the same page: go round until nothing changes.
    for (int round = 0; round < 5; ++round) {
        bool answered = false;
        for (const auto& ref : session.current_page().items) {
            const auto& item = *ref.item;
            if (item.type == ItemType::Group || item.type == ItemType::Display || item.read_only) continue;
            if (!session.answers(ref).empty()) continue;
            auto v = sample_answer(item, route);
            if (!v) continue;
            if (session.answer(ref, *v) == engine::AnswerResult::Ok) answered = true;
        }
        if (!answered) return true;
    }
    return true;
}

// "Save and come back later", "Continue a saved form" and the personal-mode offer, each state
// that says something different. The code and word are made up.
std::vector<Scene> saved_form_scenes(KioskController& c) {
    using Stage = ui::SaveForLaterModel::Stage;
    using Status = ui::ContinueSavedModel::Status;
    std::vector<Scene> out;
    auto save_later = [&c](ui::SaveForLaterModel m, bool typing) {
        return [&c, m, typing] {
            walk_to(c, "carers-self-review", 3, false, "");
            c.show(ui::Screen::SaveForLater);
            c.set_save_for_later_for_tour(m);
            c.ui_state().memorable_word = "bluebell";
            if (typing) c.ui_state().focus = "save-later:word";
        };
    };
    auto continue_saved = [&c](ui::ContinueSavedModel m, const char* focus) {
        return [&c, m, focus] {
            c.wipe_session();
            c.show(ui::Screen::ContinueSaved);
            c.set_continue_saved_for_tour(m);
            c.ui_state().resume_code = "4CHK79X";
            c.ui_state().memorable_word = "bluebell";
            if (*focus) {
                c.ui_state().focus = focus;
                c.ui_state().keyboard.base = c.ui_state().keyboard.layout =
                    std::string(focus) == "continue:code" ? ui::KeyboardLayout::ResumeCode : ui::KeyboardLayout::Letters;
            }
        };
    };
    ui::SaveForLaterModel failed{Stage::Failed, ui::SaveForLaterModel::Problem::NotSaved, "", 0,
                                 "The disk is full: your answers could not be saved."};
    out.push_back({"save-later-typing", true, save_later({}, true)});
    out.push_back({"save-later", true, save_later({Stage::ChooseWord, ui::SaveForLaterModel::Problem::BadWord, "", 0, ""}, false)});
    out.push_back({"save-later-failed", true, save_later(failed, false)});
    out.push_back({"save-later-saving", true, save_later({Stage::Saving, {}, "", 0, ""}, false)});
    out.push_back({"save-later-saved", true, save_later({Stage::Saved, {}, "4CHK-79XT", 14, ""}, false)});
    out.push_back({"continue-saved-typing-code", true, continue_saved({Status::Ready, 0, 0, 14, ""}, "continue:code")});
    out.push_back({"continue-saved-typing-word", false, continue_saved({Status::Ready, 0, 0, 14, ""}, "continue:word")});
    out.push_back({"continue-saved-wrong-word", true, continue_saved({Status::WrongWord, 2, 0, 14, ""}, "")});
    out.push_back({"continue-saved-deleted", true, continue_saved({Status::Deleted, 0, 0, 14, ""}, "")});
    out.push_back({"continue-saved-not-found", true, continue_saved({Status::NoSuchCode, 0, 0, 14, ""}, "")});
    out.push_back({"continue-saved-not-a-code", false, continue_saved({Status::NotACode, 0, 0, 14, ""}, "")});
    out.push_back({"continue-saved-limited", true, continue_saved({Status::TooManyCodes, 0, 12, 14, ""}, "")});
    out.push_back({"continue-saved-cannot-open", false, continue_saved({Status::CannotOpen, 0, 0, 14, ""}, "")});
    out.push_back({"continue-saved-failed", false,
                   continue_saved({Status::Failed, 0, 0, 14, "The kiosk's database is damaged."}, "")});
    out.push_back({"continue-saved-opening", false, continue_saved({Status::Opening, 0, 0, 14, ""}, "")});
    out.push_back({"home-saved-offer", true, [&c] {
                       c.wipe_session();
                       c.set_personal_offer_for_tour({"carers-self-review", "Carers Self Review"});
                       c.show(ui::Screen::Home);
                   }});
    out.push_back({"home-saved-cannot-open", true, [&c] {
                       c.wipe_session();
                       c.set_personal_offer_for_tour({"carers-self-review", "Carers Self Review", true});
                       c.show(ui::Screen::Home);
                   }});
    out.push_back({"form-not-kept", true, [&c] {
                       walk_to(c, "carers-self-review", 3, false, "");
                       c.set_personal_not_kept_for_tour();
                   }});
    return out;
}

void choose_language(KioskController& c, const std::string& code) {
    if (c.display().language == code) return;
    ui::Intents v{{ui::Intent::Kind::ChooseLanguage, {}, {}, {}, code}};
    c.apply(v);
}

std::vector<Scene> tour_scenes(KioskController& c) {
    using ui::Screen;
    std::vector<Scene> out;
    c.offer_saved_forms_for_tour();
    auto plain = [&c](Screen s) {
        return [&c, s] {
            c.wipe_session();
            c.show(s);
        };
    };
    // Every scene is in English except the few that show each other language.
    auto english = [&c](std::function<void()> f) {
        return [&c, f] {
            choose_language(c, "en");
            f();
        };
    };
    out.push_back({"attract", true, plain(Screen::Attract)});
    out.push_back({"start", true, plain(Screen::Start)});
    out.push_back({"home", true, plain(Screen::Home)});
    auto staff_entry = [&c] {
        c.wipe_session();
        c.set_staff_entry({ui::StaffEntryModel::Status::WrongPin, 3, 0, ""});
        c.show(Screen::StaffEntry);
        c.ui_state().pin = "1234";
    };
    auto staff = [&c] {
        c.wipe_session();
        c.set_staff_for_tour(tour_staff_syncing());
        c.show(Screen::Staff);
    };
    // After a run, with the centre's refusals and a connection check: the longest staff page.
    auto staff_refused = [&c] {
        c.wipe_session();
        c.set_staff_for_tour(tour_staff_after_run());
        c.show(Screen::Staff);
    };
    out.push_back({"staff-entry", true, staff_entry});
    out.push_back({"staff-entry-locked", true, [&c] {
                       c.wipe_session();
                       c.set_staff_entry({ui::StaffEntryModel::Status::Locked, 0, 5, ""});
                       c.show(Screen::StaffEntry);
                   }});
    out.push_back({"staff", true, staff});
    out.push_back({"staff-refused", true, staff_refused});
    out.push_back({"store-error", true, [&c] {
                       c.wipe_session();
                       c.show_store_error(ui::StoreProblem::DatabaseDamaged, "The kiosk's database is damaged and cannot be opened.",
                                          "database-damaged (13)");
                   }});
    out.push_back({"timeout-warning", true, [&c] {
                       walk_to(c, "am-i-a-carer", 1, false, "");
                       c.set_warning_for_tour(27);
                   }});
    // An error with a value in it: a date of birth before the form's earliest date (issue 7).
    const EarliestDatePage earliest = first_page_with_earliest_date(c, "emergency-card");
    auto date_error = [&c, earliest] { show_date_before_earliest(c, "emergency-card", earliest); };
    out.push_back({"error-with-value", true, date_error});
    for (const auto& id : {"am-i-a-carer", "carers-self-review", "emergency-card"}) add_form_scenes(c, id, out);
    for (auto& scene : saved_form_scenes(c)) out.push_back(std::move(scene));
    for (auto& scene : out) scene.set_up = english(scene.set_up);
    // Each other language: the start screen, home, and a page being typed into (its keyboard).
    for (const i18n::Catalog* lang : c.model().languages) {
        const std::string code = lang->language().code;
        if (code == "en") continue;
        auto in = [&c, code](std::function<void()> f) {
            return [&c, code, f] {
                f();
                choose_language(c, code);
            };
        };
        out.push_back({"lang-" + code + "-start", true, in(plain(Screen::Start))});
        out.push_back({"lang-" + code + "-home", true, in(plain(Screen::Home))});
        // Staff screens follow the kiosk's default language, which may be any of them.
        out.push_back({"lang-" + code + "-staff-entry", true, in(staff_entry)});
        out.push_back({"lang-" + code + "-staff", true, in(staff)});
        out.push_back({"lang-" + code + "-staff-refused", true, in(staff_refused)});
        out.push_back({"lang-" + code + "-typing", true,
                       in([&c] { walk_to(c, "emergency-card", 9, false, "field:young-name"); })});
        // The saved-forms screens: every state.
        for (auto& scene : saved_form_scenes(c))
            out.push_back({"lang-" + code + "-" + scene.name, scene.png, in(scene.set_up)});
        // A question with a hint and answer choices, pictured; then every page of every form in
        // this language, checked for clipping like the English ones (issue 7) at every size in
        // both orientations (layout only: no pictures, which is most of a scene's cost).
        const int question = first_step_with_choices(c, "am-i-a-carer");
        out.push_back({"lang-" + code + "-question", true,
                       in([&c, question] { walk_to(c, "am-i-a-carer", question, false, ""); })});
        out.push_back({"lang-" + code + "-question-error", true,
                       in([&c, question] { walk_to(c, "am-i-a-carer", question, true, ""); })});
        out.push_back({"lang-" + code + "-error-with-value", true, in(date_error)});
        for (const auto& id : {"am-i-a-carer", "carers-self-review", "emergency-card"}) {
            std::vector<Scene> pages;
            add_form_scenes(c, id, pages);
            for (auto& page : pages) out.push_back({"lang-" + code + "-" + page.name, false, in(page.set_up)});
        }
    }
    choose_language(c, "en");
    return out;
}

}  // namespace carers::app
