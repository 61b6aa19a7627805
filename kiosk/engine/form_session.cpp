// [SECTION] Construction and wiping
// [SECTION] Answers
// [SECTION] Repeating groups
// [SECTION] Pages
// [SECTION] Navigation
// [SECTION] Task list
// [SECTION] Check your answers and submitting
// [SECTION] Output
#include "kiosk/engine/form_session.h"
#include "kiosk/engine/typed_number.h"

#include <algorithm>
#include <charconv>

#include "kiosk/common/secure_wipe.h"
#include "kiosk/engine/input_kind.h"
#include "kiosk/engine/page_list.h"
#include "kiosk/engine/reference_number.h"
#include "kiosk/engine/response_writer.h"

namespace carers::engine {

namespace {

bool reps_start_with(const Reps& reps, const Reps& prefix) {
    return reps.size() >= prefix.size() && std::equal(prefix.begin(), prefix.end(), reps.begin());
}

// Whether anchor `a` lies inside repetition `inner` (outer reps + index) of `group`.
bool inside_repetition(const ItemRef& a, const Item& group, const Reps& inner) {
    return group.contains(*a.item) && a.reps.size() >= inner.size() && reps_start_with(a.reps, inner) &&
           !(a.item == &group && is_add_another(a));
}

}  // namespace

// [SECTION] Construction and wiping ----------------------------------------------------------------

FormSession::FormSession(std::shared_ptr<const Questionnaire> questionnaire)
    : questionnaire_(std::move(questionnaire)) {
    apply_initial_values(questionnaire_->items, {});
    reset_navigation();
}

FormSession::~FormSession() { store_.wipe(); }

void FormSession::reset_navigation() {
    view_ = View::Page;
    auto anchors = page_anchors(*questionnaire_, store_);
    position_ = anchors.empty() ? ItemRef{} : anchors.front();
    return_to_check_answers_ = false;
    visited_sections_.clear();
    finished_sections_.clear();
    if (position_.item) visited_sections_.insert(section_of(*position_.item));
    complete_ = false;
    secure_wipe(reference_);
    reference_.clear();
    errors_.clear();
}

void FormSession::wipe() noexcept {
    store_.wipe();
    enablement_.invalidate();
    apply_initial_values(questionnaire_->items, {});
    reset_navigation();
}

ItemRef FormSession::ref(std::string_view link_id, Reps reps) const {
    return ItemRef{questionnaire_->find(link_id), std::move(reps)};
}

void FormSession::apply_initial_values(const std::vector<std::unique_ptr<Item>>& items,
                                       const Reps& reps) {
    for (const auto& it : items) {
        Reps inner = reps;
        if (it->is_repeating_group()) inner.push_back(0);
        if (is_question(it->type)) {
            std::vector<AnswerValue> init = it->initial;
            for (const auto& opt : it->answer_options)
                if (opt.initial_selected) init.push_back(opt.value);
            if (!init.empty()) store_.set(ItemRef{it.get(), inner}, std::move(init));
        }
        apply_initial_values(it->items, inner);
    }
}

void FormSession::changed(const Item& question) {
    enablement_.answer_changed(question);
    errors_.clear();
}

void FormSession::changed_everything() {
    enablement_.invalidate();
    errors_.clear();
}

// [SECTION] Answers ---------------------------------------------------------------------------------

AnswerResult FormSession::answer(const ItemRef& ref, std::vector<AnswerValue> values) {
    if (!ref.item || !is_question(ref.item->type)) return AnswerResult::NotAQuestion;
    // An occurrence that does not exist (wrong number of reps, a repetition not added) is a
    // caller's mistake too.
    const auto& groups = ref.item->repeating_groups;
    if (ref.reps.size() != groups.size()) return AnswerResult::NotAQuestion;
    for (std::size_t i = 0; i < groups.size(); ++i) {
        const Reps outer(ref.reps.begin(), ref.reps.begin() + static_cast<std::ptrdiff_t>(i));
        if (ref.reps[i] < 0 || ref.reps[i] >= store_.repetitions(*groups[i], outer))
            return AnswerResult::NotAQuestion;
    }
    if (ref.item->read_only) return AnswerResult::ReadOnly;
    for (const AnswerValue& v : values)
        if (!value_fits_item(*ref.item, v) && !is_unparsed_number(*ref.item, v))
            return AnswerResult::WrongType;
    if (!ref.item->repeats && values.size() > 1) return AnswerResult::WrongType;
    store_.set(ref, std::move(values));
    changed(*ref.item);
    return AnswerResult::Ok;
}

AnswerResult FormSession::answer_text(const ItemRef& ref, const std::string& text) {
    if (!ref.item) return AnswerResult::NotAQuestion;
    const ItemType t = ref.item->type;
    if (t == ItemType::Integer || t == ItemType::Decimal) {
        // "1,250", " 12 ", "10 000", "2,5", "١٢" (typed_number.h)
        const std::string s = normalise_typed_number(text);
        if (s.empty()) return answer(ref, std::vector<AnswerValue>{});
        const char* end = s.data() + s.size();
        if (t == ItemType::Integer) {
            std::int64_t n = 0;
            auto [p, ec] = std::from_chars(s.data(), end, n);
            if (ec == std::errc() && p == end) return answer(ref, AnswerValue{n});
        } else {
            double d = 0;
            auto [p, ec] = std::from_chars(s.data(), end, d);
            if (ec == std::errc() && p == end && std::isfinite(d)) return answer(ref, AnswerValue{d});
        }
        return answer(ref, AnswerValue{text});  // kept as typed; next() explains
    }
    if (t == ItemType::String || t == ItemType::Text || t == ItemType::OpenChoice)
        return answer(ref, text.empty() ? std::vector<AnswerValue>{} : std::vector<AnswerValue>{text});
    return is_question(t) ? AnswerResult::WrongType : AnswerResult::NotAQuestion;
}

AnswerResult FormSession::answer_date(const ItemRef& ref, const DateFields& fields) {
    if (!ref.item) return AnswerResult::NotAQuestion;
    if (ref.item->type != ItemType::Date)
        return is_question(ref.item->type) ? AnswerResult::WrongType : AnswerResult::NotAQuestion;
    auto d = date_from_fields(fields);
    return answer(ref, d ? std::vector<AnswerValue>{*d} : std::vector<AnswerValue>{});
}

AnswerResult FormSession::toggle_option(const ItemRef& ref, const AnswerValue& option) {
    if (!ref.item) return AnswerResult::NotAQuestion;
    if (!ref.item->repeats) return answer(ref, option);
    const auto& options = ref.item->answer_options;
    auto exclusive = [&](const AnswerValue& v) {
        return std::any_of(options.begin(), options.end(), [&](const AnswerOption& o) {
            return o.exclusive && values_equal(o.value, v);
        });
    };
    std::vector<AnswerValue> now = store_.get(ref);
    auto at = std::find_if(now.begin(), now.end(),
                           [&](const AnswerValue& v) { return values_equal(v, option); });
    if (at != now.end()) {
        now.erase(at);
    } else if (exclusive(option)) {
        now.assign(1, option);
    } else {
        now.erase(std::remove_if(now.begin(), now.end(), exclusive), now.end());
        now.push_back(option);
    }
    return answer(ref, std::move(now));
}

void FormSession::clear(const ItemRef& ref) {
    if (!ref.item) return;
    store_.clear(ref);
    changed(*ref.item);
}

std::string FormSession::answer_as_text(const ItemRef& ref) const {
    const auto& values = store_.get(ref);
    if (values.empty()) return {};
    if (auto* s = std::get_if<std::string>(&values.front())) return *s;
    return display_text(values.front());
}

// [SECTION] Repeating groups -----------------------------------------------------------------------

int FormSession::add_repetition(const Item& group, const Reps& outer) {
    int n = store_.repetitions(group, outer);
    if (group.max_occurs && n >= *group.max_occurs) return -1;
    store_.set_repetitions(group, outer, n + 1);
    Reps inner = outer;
    inner.push_back(n);
    apply_initial_values(group.items, inner);
    changed_everything();
    return n;
}

Nav FormSession::add_another() {
    if (complete_ || view_ != View::Page) return Nav::NoMove;
    const auto enabled = enabled_anchors();
    const ItemRef here = resolved_position(enabled);
    if (!is_add_another(here)) return Nav::NoMove;
    const Item& group = *here.item;
    const int n = add_repetition(group, here.reps);
    if (n < 0) return Nav::NoMove;
    Reps inner = here.reps;
    inner.push_back(n);
    for (const ItemRef& a : enabled_anchors())
        if (inside_repetition(a, group, inner)) {
            go_to_page(a);
            return Nav::Moved;
        }
    return Nav::NoMove;
}

bool FormSession::remove_repetition(const Item& group, const Reps& outer, int index) {
    if (!store_.remove_repetition(group, outer, index)) return false;
    changed_everything();
    if (position_.item && group.contains(*position_.item) && position_.reps.size() > outer.size() &&
        reps_start_with(position_.reps, outer))
        position_ = ItemRef{&group, outer};
    return true;
}

RepeatSummary FormSession::repeat_summary(const ItemRef& anchor) const {
    RepeatSummary r;
    const Item& group = *anchor.item;
    r.group = &group;
    r.outer = anchor.reps;
    r.count = store_.repetitions(group, anchor.reps);
    r.min = std::max(1, group.min_occurs.value_or(1));
    r.max = group.max_occurs;
    r.can_add = !r.max || r.count < *r.max;
    r.can_remove = r.count > 1;
    const auto& all = questionnaire_->all_items();
    for (int i = 0; i < r.count; ++i) {
        Reps inner = anchor.reps;
        inner.push_back(i);
        std::string label;
        // The first text answered in the repetition names it ("Mum"), as people would.
        for (auto at = all.begin() + group.index + 1; at != all.end() && group.contains(**at); ++at) {
            const Item& it = **at;
            if (it.type != ItemType::String || it.repeating_groups.size() != inner.size()) continue;
            ItemRef occ{&it, inner};
            const auto& v = store_.get(occ);
            if (!v.empty() && enablement_.is_enabled(occ))
                if (auto* s = std::get_if<std::string>(&v.front()); s && !s->empty()) {
                    label = *s;
                    break;
                }
        }
        r.labels.push_back(label.empty() ? group.label() + " " + std::to_string(i + 1) : label);
    }
    return r;
}

// [SECTION] Pages -----------------------------------------------------------------------------------

bool FormSession::anchor_enabled(const ItemRef& anchor) const {
    if (is_add_another(anchor)) {
        Reps first = anchor.reps;
        first.push_back(0);
        return enablement_.is_enabled(ItemRef{anchor.item, std::move(first)});
    }
    if (!enablement_.is_enabled(anchor)) return false;
    if (!anchor.item->is_group()) return true;
    // A page group whose every item is switched off has nothing to show.
    for (const ItemRef& occ : page_contents(anchor, store_))
        if (enablement_.is_enabled(occ)) return true;
    return false;
}

std::vector<ItemRef> FormSession::enabled_anchors() const {
    auto all = page_anchors(*questionnaire_, store_);
    std::vector<ItemRef> out;
    out.reserve(all.size());
    for (auto& a : all)
        if (anchor_enabled(a)) out.push_back(std::move(a));
    return out;
}

// The current page: the position if it is enabled; if it has just become disabled, the next
// page that is not (or the last one).
ItemRef FormSession::resolved_position(const std::vector<ItemRef>& enabled) const {
    if (enabled.empty()) return ItemRef{};
    if (std::find(enabled.begin(), enabled.end(), position_) != enabled.end()) return position_;
    const auto all = page_anchors(*questionnaire_, store_);
    auto pos = std::find(all.begin(), all.end(), position_);
    for (auto it = pos == all.end() ? all.begin() : pos; it != all.end(); ++it)
        if (std::find(enabled.begin(), enabled.end(), *it) != enabled.end()) return *it;
    return enabled.back();
}

bool FormSession::page_has_questions(const ItemRef& anchor) const {
    if (is_add_another(anchor)) return true;  // a decision to make: add another, or go on
    for (const ItemRef& occ : page_contents(anchor, store_))
        if (is_question(occ.item->type) && enablement_.is_enabled(occ)) return true;
    return false;
}

Page FormSession::current_page() const {
    Page page;
    const auto enabled = enabled_anchors();
    if (enabled.empty()) return page;
    const ItemRef anchor = resolved_position(enabled);
    page.anchor = anchor;
    page.count = static_cast<int>(enabled.size());
    page.number = static_cast<int>(std::find(enabled.begin(), enabled.end(), anchor) - enabled.begin()) + 1;
    page.section = section_of(*anchor.item);
    if (is_add_another(anchor)) {
        page.kind = PageKind::AddAnother;
        page.repeat = repeat_summary(anchor);
        page.has_questions = true;
        return page;
    }
    for (ItemRef& occ : page_contents(anchor, store_))
        if (enablement_.is_enabled(occ)) page.items.push_back(std::move(occ));
    page.has_questions = std::any_of(page.items.begin(), page.items.end(),
                                     [](const ItemRef& r) { return is_question(r.item->type); });
    return page;
}

std::vector<ValidationError> FormSession::validate_page(const ItemRef& anchor) const {
    std::vector<ValidationError> out;
    if (is_add_another(anchor)) {
        const RepeatSummary r = repeat_summary(anchor);
        auto add = [&](Problem p, const char* tmpl, MessageArgs args) {
            std::string message = fill_message(tmpl, args);
            out.push_back(ValidationError{anchor, p, std::move(message), 0, tmpl, std::move(args), {}});
        };
        if (r.count < r.min)
            add(Problem::TooFewAnswers, translatable("Add at least {{count}} ({{label}}) before you continue"),
                {{"count", MessageCount{r.min}}, {"label", anchor.item->label()}});
        if (r.max && r.count > *r.max)
            add(Problem::TooManyAnswers, translatable("Remove one: there can be no more than {{count}}"),
                {{"count", MessageCount{*r.max}}});
        return out;
    }
    for (const ItemRef& occ : page_contents(anchor, store_)) {
        if (!enablement_.is_enabled(occ)) continue;
        auto errs = validate_answers(occ, store_.get(occ), context_);
        out.insert(out.end(), errs.begin(), errs.end());
    }
    return out;
}

std::vector<ValidationError> FormSession::validate_all() const {
    std::vector<ValidationError> out;
    for (const ItemRef& anchor : enabled_anchors()) {
        auto errs = validate_page(anchor);
        out.insert(out.end(), errs.begin(), errs.end());
    }
    return out;
}

std::optional<ItemRef> FormSession::first_page_with_problems(const std::vector<ItemRef>& enabled) const {
    for (const ItemRef& a : enabled)
        if (!validate_page(a).empty()) return a;
    return std::nullopt;
}

// [SECTION] Navigation ------------------------------------------------------------------------------

void FormSession::go_to_page(const ItemRef& anchor) {
    position_ = anchor;
    view_ = View::Page;
    visited_sections_.insert(section_of(*anchor.item));
    errors_.clear();
}

// No questions left: complete the form, or go to "Check your answers", or back to a page
// with a problem (a route changed and something required earlier is missing).
Nav FormSession::finish(const std::vector<ItemRef>& enabled, std::vector<ItemRef>::const_iterator after) {
    if (auto problem = first_page_with_problems(enabled)) {
        go_to_page(*problem);
        errors_ = validate_page(*problem);
        return Nav::Blocked;
    }
    if (uses_check_answers(*questionnaire_)) {
        view_ = View::CheckAnswers;
        return Nav::Moved;
    }
    complete_ = true;
    if (after != enabled.end()) {
        go_to_page(*after);  // the result page
    } else {
        view_ = View::Confirmation;
    }
    return Nav::Completed;
}

Nav FormSession::next() {
    if (complete_) return Nav::NoMove;
    if (view_ == View::TaskList) {
        const auto entries = task_list();
        for (const TaskListEntry& e : entries)
            if (e.status != SectionStatus::Completed) return open_section(*e.section);
        return go_to_check_answers();
    }
    if (view_ != View::Page) return Nav::NoMove;

    const auto enabled = enabled_anchors();
    const ItemRef here = resolved_position(enabled);
    if (!here.item) return Nav::NoMove;
    errors_ = validate_page(here);
    if (!errors_.empty()) {
        position_ = here;
        return Nav::Blocked;
    }
    const Item* section = section_of(*here.item);
    visited_sections_.insert(section);

    if (return_to_check_answers_) {
        // A changed answer may have opened required questions: ask those before going back.
        if (auto problem = first_page_with_problems(enabled)) {
            go_to_page(*problem);
            return Nav::Moved;
        }
        return_to_check_answers_ = false;
        view_ = View::CheckAnswers;
        return Nav::Moved;
    }

    auto at = std::find(enabled.begin(), enabled.end(), here);
    auto after = at == enabled.end() ? enabled.end() : at + 1;
    if (uses_task_list(*questionnaire_)) {
        if (after == enabled.end() || section_of(*after->item) != section) {
            finished_sections_.insert(section);
            position_ = here;
            view_ = View::TaskList;
            return Nav::Moved;
        }
        go_to_page(*after);
        return Nav::Moved;
    }
    const bool questions_left = std::any_of(after, enabled.end(),
                                            [&](const ItemRef& a) { return page_has_questions(a); });
    if (!questions_left) {
        finished_sections_.insert(section);
        return finish(enabled, after);
    }
    go_to_page(*after);
    return Nav::Moved;
}

Nav FormSession::back() {
    if (complete_) return Nav::NoMove;
    errors_.clear();
    switch (view_) {
    case View::TaskList:
    case View::Confirmation: return Nav::NoMove;
    case View::CheckAnswers: {
        if (uses_task_list(*questionnaire_)) {
            view_ = View::TaskList;
            return Nav::Moved;
        }
        const auto enabled = enabled_anchors();
        for (auto it = enabled.rbegin(); it != enabled.rend(); ++it)
            if (page_has_questions(*it)) {
                go_to_page(*it);
                return Nav::Moved;
            }
        return Nav::NoMove;
    }
    case View::Page: break;
    }
    if (return_to_check_answers_) {
        return_to_check_answers_ = false;
        view_ = View::CheckAnswers;
        return Nav::Moved;
    }
    const auto enabled = enabled_anchors();
    const ItemRef here = resolved_position(enabled);
    auto at = std::find(enabled.begin(), enabled.end(), here);
    if (at == enabled.begin() || at == enabled.end()) return Nav::NoMove;
    const ItemRef& before = *(at - 1);
    if (uses_task_list(*questionnaire_) && section_of(*before.item) != section_of(*here.item)) {
        position_ = here;
        view_ = View::TaskList;
        return Nav::Moved;
    }
    go_to_page(before);
    return Nav::Moved;
}

// [SECTION] Task list -------------------------------------------------------------------------------

SectionStatus FormSession::section_status(const Item& section, const std::vector<ItemRef>& enabled) const {
    if (finished_sections_.count(&section)) {
        const bool problems = std::any_of(enabled.begin(), enabled.end(), [&](const ItemRef& a) {
            return section_of(*a.item) == &section && !validate_page(a).empty();
        });
        if (!problems) return SectionStatus::Completed;
        return SectionStatus::InProgress;
    }
    return visited_sections_.count(&section) ? SectionStatus::InProgress : SectionStatus::NotStarted;
}

std::vector<TaskListEntry> FormSession::task_list() const {
    std::vector<TaskListEntry> out;
    const auto enabled = enabled_anchors();
    for (const auto& top : questionnaire_->items) {
        const bool has_page = std::any_of(enabled.begin(), enabled.end(), [&](const ItemRef& a) {
            return section_of(*a.item) == top.get();
        });
        if (has_page) out.push_back({top.get(), section_status(*top, enabled)});
    }
    return out;
}

Nav FormSession::show_task_list() {
    if (complete_ || !uses_task_list(*questionnaire_)) return Nav::NoMove;
    return_to_check_answers_ = false;
    errors_.clear();
    view_ = View::TaskList;
    return Nav::Moved;
}

Nav FormSession::open_section(const Item& section) {
    if (complete_) return Nav::NoMove;
    for (const ItemRef& a : enabled_anchors())
        if (section_of(*a.item) == &section) {
            return_to_check_answers_ = false;
            go_to_page(a);
            return Nav::Moved;
        }
    return Nav::NoMove;
}

// [SECTION] Check your answers and submitting ------------------------------------------------------

Nav FormSession::go_to_check_answers() {
    const auto enabled = enabled_anchors();
    return finish(enabled, enabled.end());
}

Nav FormSession::change(const ItemRef& question) {
    if (complete_ || view_ != View::CheckAnswers || !question.item) return Nav::NoMove;
    const ItemRef anchor = page_of(question);
    if (!anchor_enabled(anchor)) return Nav::NoMove;
    go_to_page(anchor);
    return_to_check_answers_ = true;
    return Nav::Moved;
}

Nav FormSession::submit(const std::array<std::uint8_t, 8>& random_bytes) {
    if (complete_ || view_ != View::CheckAnswers) return Nav::NoMove;
    const auto enabled = enabled_anchors();
    if (auto problem = first_page_with_problems(enabled)) {
        go_to_page(*problem);
        errors_ = validate_page(*problem);
        return Nav::Blocked;
    }
    complete_ = true;
    reference_ = make_reference(random_bytes);
    // Result pages after the last question, if the form has any, come after submitting.
    auto last_question = std::find_if(enabled.rbegin(), enabled.rend(),
                                      [&](const ItemRef& a) { return page_has_questions(a); });
    auto after = last_question.base();
    if (after != enabled.end()) {
        go_to_page(*after);
    } else {
        view_ = View::Confirmation;
    }
    return Nav::Completed;
}

// [SECTION] Output ----------------------------------------------------------------------------------

nlohmann::json FormSession::response(const std::string& authored) const {
    nlohmann::json r = write_response(*questionnaire_, store_, enablement_, authored,
                                      complete_ ? "completed" : "in-progress");
    if (!reference_.empty())
        r["identifier"] = {{"system", "https://carers-kiosk.example.org/fhir/NamingSystem/submission-reference"},
                           {"value", reference_}};
    if (urgent())
        r["meta"]["tag"] = nlohmann::json::array(
            {{{"system", "https://carers-kiosk.example.org/fhir/CodeSystem/submission-flag"},
              {"code", "urgent"},
              {"display", "Urgent: safeguarding"}}});
    return r;
}

std::vector<ItemRef> FormSession::urgent_items() const {
    std::vector<ItemRef> out;
    for (const Item* it : questionnaire_->all_items()) {
        if (!it->urgent_when_enabled) continue;
        for (ItemRef& occ : occurrences_of(*it, store_))
            if (enablement_.is_enabled(occ)) out.push_back(std::move(occ));
    }
    return out;
}

bool FormSession::urgent() const { return !urgent_items().empty(); }

}  // namespace carers::engine
