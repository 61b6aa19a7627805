// Questionnaire: the static definition of a form, parsed from FHIR R4 Questionnaire JSON.
//
// Immutable once loaded; a FormSession holds the answers and the position. The supported subset
// is documented in kiosk/engine/README.md. Parsing lives in questionnaire_parser.cpp.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kiosk/common/result.h"
#include "kiosk/engine/answer_value.h"

namespace carers::engine {

enum class ItemType {
    Group,
    Display,
    Boolean,
    Decimal,
    Integer,
    Date,
    String,
    Text,
    Choice,
    OpenChoice,
};
const char* to_fhir_code(ItemType t);
std::optional<ItemType> item_type_from_fhir(std::string_view code);
// The value kind an answer to an item of this type has (choice: that of its options).
bool is_question(ItemType t);  // not group, not display

enum class Operator { Exists, Equal, NotEqual, Greater, Less, GreaterOrEqual, LessOrEqual };
const char* to_fhir_code(Operator op);
std::optional<Operator> operator_from_fhir(std::string_view code);

enum class EnableBehavior { All, Any };

// questionnaire-itemControl codes the engine acts on.
enum class ItemControl { None, RadioButton, CheckBox, DropDown, Page, Help };

// What a free-text answer holds, when the engine checks it beyond its FHIR type. Set with the
// carers-kiosk extension input-kind (valueCode postcode | uk-phone | email | nhs-number |
// date-of-birth | past-date); see kiosk/engine/README.md.
enum class InputKind { None, Postcode, UkPhone, Email, NhsNumber, DateOfBirth, PastDate };
const char* to_code(InputKind k);
std::optional<InputKind> input_kind_from_code(std::string_view code);

struct Item;

struct EnableWhen {
    std::string question;          // linkId of the question it depends on
    const Item* target = nullptr;  // resolved at load time; never null after a successful parse
    Operator op = Operator::Equal;
    AnswerValue answer;            // for Exists: a bool
};

struct AnswerOption {
    AnswerValue value;
    bool initial_selected = false;
    bool exclusive = false;  // questionnaire-optionExclusive: "None of these" stands alone
};

struct Item {
    std::string link_id;
    std::string text;
    std::string prefix;
    ItemType type = ItemType::Display;
    bool required = false;
    bool repeats = false;
    bool read_only = false;
    bool hidden = false;  // questionnaire-hidden
    std::optional<int> max_length;
    ItemControl control = ItemControl::None;
    std::optional<AnswerValue> min_value, max_value;
    std::string entry_format;  // placeholder shown in an empty field
    std::string regex;         // answers must match (ECMAScript syntax)
    // carers-kiosk extension format-message: what to say when the regex does not match, for
    // patterns no example can explain (e.g. "no key safe codes").
    std::string format_message;
    bool urgent_when_enabled = false;  // carers-kiosk extension: safeguarding trigger
    InputKind input_kind = InputKind::None;  // carers-kiosk extension input-kind
    std::string short_text;             // sdc-questionnaire-shortText: labels and messages
    std::optional<int> min_length;      // minLength extension (characters)
    std::optional<int> max_decimal_places;  // maxDecimalPlaces extension
    // questionnaire-minOccurs / maxOccurs: repetitions of a repeating group, answers of a
    // repeating question.
    std::optional<int> min_occurs, max_occurs;

    std::vector<AnswerOption> answer_options;
    std::vector<AnswerValue> initial;
    std::vector<EnableWhen> enable_when;
    EnableBehavior enable_behavior = EnableBehavior::All;
    std::vector<std::unique_ptr<Item>> items;

    // Set by the parser: the tree position, for walking up and for messages.
    const Item* parent = nullptr;
    std::string json_path;  // e.g. "item[2].item[0]"
    int index = 0;          // position in document order over the whole questionnaire
    // The repeating groups around this item, outermost first, itself included if it is one.
    std::vector<const Item*> repeating_groups;
    // Items with an enableWhen naming this question: what to re-evaluate when its answers change.
    std::vector<const Item*> dependents;

    bool is_group() const { return type == ItemType::Group; }
    bool is_repeating_group() const { return type == ItemType::Group && repeats; }
    // The hint shown under a question: text of its child display items with itemControl help.
    std::string hint() const;
    // A short name for the item: its shortText, or else its text.
    const std::string& label() const { return short_text.empty() ? text : short_text; }
    // Whether `other` is this item or nested somewhere inside it.
    bool contains(const Item& other) const;
};

// Something the parser noticed. Errors make the form unusable; warnings name what the kiosk
// ignores (an extension it does not know, an element it does not use) or a likely mistake.
enum class Severity { Error, Warning };
struct Diagnostic {
    Severity severity = Severity::Error;
    std::string path;     // JSON path, e.g. "item[2].enableWhen[0]"; empty for the whole file
    std::string subject;  // "Item 'age'" or "The form"
    std::string message;  // the rest of the sentence, e.g. "has no type."
    // The whole sentence: "Item 'age' (item[2]) has no type."
    std::string sentence() const;
};

struct Questionnaire {
    std::string url;
    std::string version;
    std::string name;
    std::string title;
    std::string status;
    std::optional<int> estimated_minutes;  // carers-kiosk extension, for the home screen
    // carers-kiosk extensions task-list / check-answers (valueBoolean) on the root override the
    // defaults described in README.md; use uses_task_list() / uses_check_answers().
    std::optional<bool> task_list_override, check_answers_override;
    // Warnings found while parsing (errors refuse the form instead); the linter prints them.
    std::vector<Diagnostic> warnings;
    std::vector<std::unique_ptr<Item>> items;

    const Item* find(std::string_view link_id) const;
    // Every item in document order (index == position).
    const std::vector<const Item*>& all_items() const { return ordered_; }
    // "url|version", as QuestionnaireResponse.questionnaire wants it.
    std::string canonical() const { return version.empty() ? url : url + "|" + version; }

    // Set up by the parser.
    std::unordered_map<std::string, const Item*> by_link_id_;
    std::vector<const Item*> ordered_;
};

// Largest form file the engine will parse; anything bigger is refused with a message rather than
// risking memory on a kiosk.
constexpr std::size_t max_form_bytes = 4 * 1024 * 1024;

// Every top-level group is a task-list section, unless the form says otherwise: forms with at
// least three top-level items, all of them groups, use a task list.
bool uses_task_list(const Questionnaire& q);
// Whether a "Check your answers" page comes before the form is complete: yes, unless the form
// ends with a result page (a last page with no questions), or the form says otherwise.
bool uses_check_answers(const Questionnaire& q);

// Parses FHIR R4 Questionnaire JSON. Refuses, with one sentence naming the problem and its JSON
// path, anything that is not JSON, not a Questionnaire, uses an item type or enableWhen operator
// outside the supported subset, has duplicate or missing linkIds, or whose enableWhen refers to a
// question that does not exist or compares it with an answer of the wrong type; and any form
// that needs something the kiosk cannot honour to be answered correctly (modifierExtension,
// implicitRules, answerValueSet, expression extensions such as enableWhenExpression or
// calculatedExpression, questionnaire-constraint). Extensions it merely ignores become warnings.
// When several things are wrong the message names the first; parse_with_diagnostics lists all.
Result<std::shared_ptr<const Questionnaire>> parse_questionnaire(std::string_view json_text);

struct ParseOutcome {
    std::shared_ptr<const Questionnaire> questionnaire;  // null when any error was found
    std::vector<Diagnostic> diagnostics;  // every error, then every warning, each in file order
};
// Parses as parse_questionnaire does, but carries on after an error to find the others.
ParseOutcome parse_with_diagnostics(std::string_view json_text);

}  // namespace carers::engine
