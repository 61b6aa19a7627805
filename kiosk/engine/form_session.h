// FormSession: one person filling in one questionnaire — the answers and where they are.
//
// The UI never walks the form itself: it asks what to show (view(), current_page(), task_list(),
// check_answers() in check_answers.h), hands answers in, and calls next() / back() / open_section()
// / change() / submit(). Driving it from a test takes five lines:
//
//     auto q = parse_questionnaire(json).value();
//     FormSession s(q);
//     s.answer(s.ref("looks-after-someone"), {Coding{sys, "yes"}});
//     s.next();
//     auto response = s.response("2026-11-23T10:00:00Z");
//
// The journey (details in kiosk/engine/README.md):
//   - pages one after another; Back never loses an answer;
//   - forms with a task list (uses_task_list) show it after each section; any section can be
//     opened from it, and next() on it continues with the first section not completed;
//   - forms with "Check your answers" (uses_check_answers) show it once every section is done;
//     change() goes to the page of one answer and the next Next comes back; submit() completes
//     the form and gives it a reference number;
//   - other forms complete when the last question is answered, showing any result pages after.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "kiosk/common/result.h"
#include "kiosk/engine/answer_store.h"
#include "kiosk/engine/date_fields.h"
#include "kiosk/engine/enable_when.h"
#include "kiosk/engine/validation.h"

namespace carers::engine {

enum class PageKind {
    Questions,   // questions, or information / result text
    AddAnother,  // the repetitions of a repeating group so far, with "Add another" / "Remove"
};

// What an add-another page shows.
struct RepeatSummary {
    const Item* group = nullptr;
    Reps outer;                       // reps of the groups around it
    int count = 0;                    // repetitions now
    int min = 1;                      // minOccurs (at least 1)
    std::optional<int> max;           // maxOccurs
    std::vector<std::string> labels;  // per repetition: its first text answer, or "<label> 2"
    bool can_add = false;
    bool can_remove = false;          // more than one repetition
};

struct Page {
    ItemRef anchor;
    std::vector<ItemRef> items;  // the enabled occurrences to show, in order
    const Item* section = nullptr;  // top-level item it belongs to
    int number = 0;                 // 1-based among the enabled pages
    int count = 0;                  // enabled pages in the form now
    bool has_questions = false;     // false for information and result pages
    PageKind kind = PageKind::Questions;
    std::optional<RepeatSummary> repeat;  // for PageKind::AddAnother
};

// Which screen the carer is on.
enum class View {
    Page,          // current_page()
    TaskList,      // task_list()
    CheckAnswers,  // check_answers(session)
    Confirmation,  // complete, no result page: show reference() (and urgent_items() if urgent())
};

enum class Nav {
    Moved,      // now on another page or view
    Blocked,    // stayed (or went to the page with the problem): see errors()
    Completed,  // every page done: the response is ready (the result page, if any, is shown)
    NoMove,     // nothing to go to from here, or the form is already complete
};

enum class AnswerResult { Ok, NotAQuestion, ReadOnly, WrongType };

enum class SectionStatus { NotStarted, InProgress, Completed };

struct TaskListEntry {
    const Item* section = nullptr;
    SectionStatus status = SectionStatus::NotStarted;
};

class FormSession {
public:
    explicit FormSession(std::shared_ptr<const Questionnaire> questionnaire);
    ~FormSession();
    FormSession(const FormSession&) = delete;
    FormSession& operator=(const FormSession&) = delete;

    const Questionnaire& questionnaire() const { return *questionnaire_; }
    std::shared_ptr<const Questionnaire> shared_questionnaire() const { return questionnaire_; }

    // The occurrence of the item with this linkId at `reps`; item is null if there is none.
    ItemRef ref(std::string_view link_id, Reps reps = {}) const;

    // The date today, for "must be in the past" (the engine has no clock). Until it is set, dates
    // of birth are checked for being real but not for being in the past.
    void set_today(const Date& today) { context_.today = today; }

    // [answers] Replaces the answers of one occurrence. Refuses values of the wrong kind (a bug in
    // the caller, not the carer's mistake); accepts values that are wrong in ways a carer can
    // fix (31 February, too long, letters in a number field) so nothing typed is lost — next()
    // reports those.
    AnswerResult answer(const ItemRef& ref, std::vector<AnswerValue> values);
    AnswerResult answer(const ItemRef& ref, AnswerValue value) {
        return answer(ref, std::vector<AnswerValue>{std::move(value)});
    }
    // Text typed into a box: for integer and decimal questions it becomes a number when it is one
    // ("1,250" and " 12 " are), and is kept as typed otherwise; empty text clears the answer.
    AnswerResult answer_text(const ItemRef& ref, const std::string& text);
    // Day, month and year boxes (date questions); kept even when incomplete.
    AnswerResult answer_date(const ItemRef& ref, const DateFields& fields);
    // A tap on a check box: adds the option or takes it away. An exclusive option ("None of
    // these") clears the others, and any other option clears it. For a question that takes one
    // answer, selects the option.
    AnswerResult toggle_option(const ItemRef& ref, const AnswerValue& option);
    void clear(const ItemRef& ref);
    const std::vector<AnswerValue>& answers(const ItemRef& ref) const { return store_.get(ref); }
    // What a text box shows for the current answer ("12", "2.5", text as typed).
    std::string answer_as_text(const ItemRef& ref) const;
    bool is_enabled(const ItemRef& ref) const { return enablement_.is_enabled(ref); }
    const AnswerStore& store() const { return store_; }

    // [repeats] Adds a repetition of a repeating group; returns its index, or -1 at maxOccurs.
    int add_repetition(const Item& group, const Reps& outer);
    // On an add-another page: adds a repetition and goes to its first page.
    Nav add_another();
    // Removes one repetition (its answers are wiped; later ones move down). Refuses to remove
    // the only one. If the carer was on a page of it, they go to the add-another page.
    bool remove_repetition(const Item& group, const Reps& outer, int index);

    // [navigation]
    View view() const { return view_; }
    // The page at the current position (also while another view is shown: the last page).
    Page current_page() const;
    // Validates the current page; moves on when it has no problems. On the task list: opens
    // the first section not yet completed, or "Check your answers" when all are.
    Nav next();
    Nav back();
    const std::vector<ValidationError>& errors() const { return errors_; }
    bool complete() const { return complete_; }
    // Every problem with every enabled answer in the form, page by page.
    std::vector<ValidationError> validate_all() const;

    // [task list] The enabled sections that have something to show, with their status.
    // Completed: the carer went through to its end and nothing in it has a problem now.
    std::vector<TaskListEntry> task_list() const;
    Nav show_task_list();
    Nav open_section(const Item& section);

    // [check answers] From "Check your answers": go to the page with this question; after Next
    // there (or Back), return to "Check your answers". If the change asks new required questions,
    // they are asked first.
    Nav change(const ItemRef& question);
    bool returning_to_check_answers() const { return return_to_check_answers_; }
    // From "Check your answers": completes the form and makes its reference number from eight
    // random bytes. Blocked (and on the page with the problem) if anything is missing.
    Nav submit(const std::array<std::uint8_t, 8>& random_bytes);
    // "K7Q-M4X-TRP" once submitted; empty before.
    const std::string& reference() const { return reference_; }

    // [output] A FHIR QuestionnaireResponse: items follow the questionnaire's structure, disabled
    // and unanswered items are left out, postcodes and NHS numbers are tidied. Once submitted it
    // carries the reference as its identifier; when urgent() it carries the tag
    // https://carers-kiosk.example.org/fhir/CodeSystem/submission-flag#urgent.
    nlohmann::json response(const std::string& authored_iso8601) const;
    // Whether an enabled item carries the urgent-when-enabled (safeguarding) extension.
    bool urgent() const;
    // The enabled urgent items (display items saying how to get help now), in form order.
    std::vector<ItemRef> urgent_items() const;

    // Zeroes every answer held and returns to the first page.
    void wipe() noexcept;

private:
    friend nlohmann::json save_draft(const FormSession& session);
    friend Result<void> restore_draft(FormSession& session, const nlohmann::json& draft);

    bool anchor_enabled(const ItemRef& anchor) const;
    std::vector<ItemRef> enabled_anchors() const;
    ItemRef resolved_position(const std::vector<ItemRef>& enabled) const;
    bool page_has_questions(const ItemRef& anchor) const;
    std::vector<ValidationError> validate_page(const ItemRef& anchor) const;
    std::optional<ItemRef> first_page_with_problems(const std::vector<ItemRef>& enabled) const;
    RepeatSummary repeat_summary(const ItemRef& anchor) const;
    SectionStatus section_status(const Item& section, const std::vector<ItemRef>& enabled) const;
    Nav go_to_check_answers();
    Nav finish(const std::vector<ItemRef>& enabled, std::vector<ItemRef>::const_iterator after);
    void go_to_page(const ItemRef& anchor);
    void changed(const Item& question);
    void changed_everything();
    void apply_initial_values(const std::vector<std::unique_ptr<Item>>& items, const Reps& reps);
    void reset_navigation();

    std::shared_ptr<const Questionnaire> questionnaire_;
    AnswerStore store_;
    Enablement enablement_{store_};
    ValidationContext context_;
    View view_ = View::Page;
    ItemRef position_;  // anchor of the current (or last) page
    bool return_to_check_answers_ = false;
    std::set<const Item*> visited_sections_, finished_sections_;
    bool complete_ = false;
    std::string reference_;
    std::vector<ValidationError> errors_;
};

}  // namespace carers::engine
