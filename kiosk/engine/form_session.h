// FormSession: one person filling in one questionnaire — the answers and where they are.
//
// The UI never walks the form itself: it asks for the current page, hands answers in, and calls
// next() / back(). Driving it from a test takes five lines:
//
//     auto q = parse_questionnaire(json).value();
//     FormSession s(q);
//     s.answer(s.ref("looks-after-someone"), {Coding{sys, "yes"}});
//     s.next();
//     auto response = s.response("2026-11-23T10:00:00Z");
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "kiosk/engine/answer_store.h"
#include "kiosk/engine/enable_when.h"
#include "kiosk/engine/validation.h"

namespace carers::engine {

struct Page {
    ItemRef anchor;
    std::vector<ItemRef> items;  // the enabled occurrences to show, in order
    const Item* section = nullptr;  // top-level item it belongs to
    int number = 0;                 // 1-based among the enabled pages
    int count = 0;                  // enabled pages in the form now
    bool has_questions = false;     // false for information and result pages
};

enum class Nav {
    Moved,      // now on another page
    Blocked,    // stayed: the page has problems; see errors()
    Completed,  // every page done: the response is ready (the result page, if any, is shown)
    NoMove,     // nothing to go back to, or the form is already complete
};

enum class AnswerResult { Ok, NotAQuestion, ReadOnly, WrongType };

class FormSession {
public:
    explicit FormSession(std::shared_ptr<const Questionnaire> questionnaire);
    ~FormSession();
    FormSession(const FormSession&) = delete;
    FormSession& operator=(const FormSession&) = delete;

    const Questionnaire& questionnaire() const { return *questionnaire_; }

    // The occurrence of the item with this linkId at `reps`; item is null if there is none.
    ItemRef ref(std::string_view link_id, Reps reps = {}) const;

    // [answers] Replaces the answers of one occurrence. Refuses values of the wrong kind (a bug in
    // the caller, not the carer's mistake); accepts values that are wrong in ways a carer can
    // fix (31 February, too long) so nothing typed is lost — next() reports those.
    AnswerResult answer(const ItemRef& ref, std::vector<AnswerValue> values);
    AnswerResult answer(const ItemRef& ref, AnswerValue value) {
        return answer(ref, std::vector<AnswerValue>{std::move(value)});
    }
    void clear(const ItemRef& ref);
    const std::vector<AnswerValue>& answers(const ItemRef& ref) const { return store_.get(ref); }
    bool is_enabled(const ItemRef& ref) const { return enablement_.is_enabled(ref); }
    const AnswerStore& store() const { return store_; }

    // [repeats] Adds a repetition of a repeating group; returns its index.
    int add_repetition(const Item& group, const Reps& outer);

    // [pages]
    Page current_page() const;
    // Validates the current page; moves to the next enabled page when it has no problems.
    Nav next();
    Nav back();
    const std::vector<ValidationError>& errors() const { return errors_; }
    bool complete() const { return complete_; }
    // Every problem with every enabled answer in the form.
    std::vector<ValidationError> validate_all() const;

    // [output] A FHIR QuestionnaireResponse: items follow the questionnaire's structure, disabled
    // and unanswered items are left out.
    nlohmann::json response(const std::string& authored_iso8601) const;
    // Whether an enabled item carries the urgent-when-enabled (safeguarding) extension.
    bool urgent() const;

    // Zeroes every answer held and returns to the first page.
    void wipe() noexcept;

private:
    std::vector<ItemRef> enabled_anchors() const;
    bool page_has_questions(const ItemRef& anchor) const;
    std::vector<ValidationError> validate_page(const ItemRef& anchor) const;
    void changed();
    void apply_initial_values(const std::vector<std::unique_ptr<Item>>& items, const Reps& reps);

    std::shared_ptr<const Questionnaire> questionnaire_;
    AnswerStore store_;
    Enablement enablement_{store_};
    ItemRef position_;  // anchor of the current page
    bool complete_ = false;
    std::vector<ValidationError> errors_;
};

}  // namespace carers::engine
