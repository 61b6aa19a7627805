#include "kiosk/engine/form_session.h"

#include <algorithm>

#include "kiosk/engine/page_list.h"
#include "kiosk/engine/response_writer.h"

namespace carers::engine {

FormSession::FormSession(std::shared_ptr<const Questionnaire> questionnaire)
    : questionnaire_(std::move(questionnaire)) {
    apply_initial_values(questionnaire_->items, {});
    auto anchors = page_anchors(*questionnaire_, store_);
    if (!anchors.empty()) position_ = anchors.front();
}

FormSession::~FormSession() { store_.wipe(); }

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

void FormSession::changed() {
    enablement_.invalidate();
    errors_.clear();
}

AnswerResult FormSession::answer(const ItemRef& ref, std::vector<AnswerValue> values) {
    if (!ref.item || !is_question(ref.item->type)) return AnswerResult::NotAQuestion;
    if (ref.item->read_only) return AnswerResult::ReadOnly;
    for (const AnswerValue& v : values)
        if (!value_fits_item(*ref.item, v)) return AnswerResult::WrongType;
    if (!ref.item->repeats && values.size() > 1) return AnswerResult::WrongType;
    store_.set(ref, std::move(values));
    changed();
    return AnswerResult::Ok;
}

void FormSession::clear(const ItemRef& ref) {
    store_.clear(ref);
    changed();
}

int FormSession::add_repetition(const Item& group, const Reps& outer) {
    int n = store_.repetitions(group, outer);
    store_.set_repetitions(group, outer, n + 1);
    Reps inner = outer;
    inner.push_back(n);
    apply_initial_values(group.items, inner);
    changed();
    return n;
}

std::vector<ItemRef> FormSession::enabled_anchors() const {
    auto all = page_anchors(*questionnaire_, store_);
    std::vector<ItemRef> out;
    out.reserve(all.size());
    for (auto& a : all)
        if (enablement_.is_enabled(a)) out.push_back(std::move(a));
    return out;
}

bool FormSession::page_has_questions(const ItemRef& anchor) const {
    for (const ItemRef& occ : page_contents(anchor, store_))
        if (is_question(occ.item->type) && enablement_.is_enabled(occ)) return true;
    return false;
}

Page FormSession::current_page() const {
    Page page;
    auto all = page_anchors(*questionnaire_, store_);
    auto enabled = enabled_anchors();
    if (enabled.empty()) return page;
    // If the current page has just become disabled, the carer sees the next one that is not.
    auto pos = std::find(all.begin(), all.end(), position_);
    ItemRef anchor = enabled.back();
    for (auto it = pos == all.end() ? all.begin() : pos; it != all.end(); ++it) {
        if (enablement_.is_enabled(*it)) {
            anchor = *it;
            break;
        }
    }
    page.anchor = anchor;
    page.count = static_cast<int>(enabled.size());
    page.number = static_cast<int>(std::find(enabled.begin(), enabled.end(), anchor) - enabled.begin()) + 1;
    page.section = section_of(*anchor.item);
    for (ItemRef& occ : page_contents(anchor, store_))
        if (enablement_.is_enabled(occ)) page.items.push_back(std::move(occ));
    page.has_questions = std::any_of(page.items.begin(), page.items.end(),
                                     [](const ItemRef& r) { return is_question(r.item->type); });
    return page;
}

std::vector<ValidationError> FormSession::validate_page(const ItemRef& anchor) const {
    std::vector<ValidationError> out;
    for (const ItemRef& occ : page_contents(anchor, store_)) {
        if (!enablement_.is_enabled(occ)) continue;
        auto errs = validate_answers(occ, store_.get(occ));
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

Nav FormSession::next() {
    if (complete_) return Nav::NoMove;
    Page page = current_page();
    if (!page.anchor.item) return Nav::NoMove;
    errors_ = validate_page(page.anchor);
    if (!errors_.empty()) return Nav::Blocked;

    auto enabled = enabled_anchors();
    auto here = std::find(enabled.begin(), enabled.end(), page.anchor);
    auto after = here == enabled.end() ? enabled.end() : here + 1;

    // Is anything left that asks a question? If not, the form is done: show the rest (a result
    // page) but accept no more changes.
    bool questions_left = std::any_of(after, enabled.end(),
                                      [&](const ItemRef& a) { return page_has_questions(a); });
    if (!questions_left) {
        auto problems = validate_all();
        if (!problems.empty()) {
            // Something required earlier is missing (e.g. a route changed): go back to it.
            position_ = ItemRef{};
            for (const ItemRef& a : enabled)
                if (!validate_page(a).empty()) {
                    position_ = a;
                    break;
                }
            errors_ = validate_page(position_);
            return Nav::Blocked;
        }
        complete_ = true;
        if (after != enabled.end()) position_ = *after;
        return Nav::Completed;
    }
    position_ = *after;
    return Nav::Moved;
}

Nav FormSession::back() {
    if (complete_) return Nav::NoMove;
    errors_.clear();
    Page page = current_page();
    auto enabled = enabled_anchors();
    auto here = std::find(enabled.begin(), enabled.end(), page.anchor);
    if (here == enabled.begin() || here == enabled.end()) return Nav::NoMove;
    position_ = *(here - 1);
    return Nav::Moved;
}

nlohmann::json FormSession::response(const std::string& authored) const {
    return write_response(*questionnaire_, store_, enablement_, authored,
                          complete_ ? "completed" : "in-progress");
}

bool FormSession::urgent() const {
    for (const Item* it : questionnaire_->all_items()) {
        if (!it->urgent_when_enabled) continue;
        // Any occurrence: walk the repetitions the item could be in.
        for (const ItemRef& anchor : page_anchors(*questionnaire_, store_))
            for (const ItemRef& occ : page_contents(anchor, store_))
                if (occ.item == it && enablement_.is_enabled(occ)) return true;
    }
    return false;
}

void FormSession::wipe() noexcept {
    store_.wipe();
    enablement_.invalidate();
    errors_.clear();
    complete_ = false;
    apply_initial_values(questionnaire_->items, {});
    auto anchors = page_anchors(*questionnaire_, store_);
    position_ = anchors.empty() ? ItemRef{} : anchors.front();
}

}  // namespace carers::engine
