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
    bool urgent_when_enabled = false;  // carers-kiosk extension: safeguarding trigger

    std::vector<AnswerOption> answer_options;
    std::vector<AnswerValue> initial;
    std::vector<EnableWhen> enable_when;
    EnableBehavior enable_behavior = EnableBehavior::All;
    std::vector<std::unique_ptr<Item>> items;

    // Set by the parser: the tree position, for walking up and for messages.
    const Item* parent = nullptr;
    std::string json_path;  // e.g. "item[2].item[0]"
    int index = 0;          // position in document order over the whole questionnaire

    bool is_group() const { return type == ItemType::Group; }
    bool is_repeating_group() const { return type == ItemType::Group && repeats; }
    // The hint shown under a question: text of its child display items with itemControl help.
    std::string hint() const;
};

struct Questionnaire {
    std::string url;
    std::string version;
    std::string name;
    std::string title;
    std::string status;
    std::optional<int> estimated_minutes;  // carers-kiosk extension, for the home screen
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

// Parses FHIR R4 Questionnaire JSON. Refuses, with one sentence naming the problem and its JSON
// path, anything that is not JSON, not a Questionnaire, uses an item type or enableWhen operator
// outside the supported subset, has duplicate or missing linkIds, or whose enableWhen refers to a
// question that does not exist or compares it with an answer of the wrong type.
Result<std::shared_ptr<const Questionnaire>> parse_questionnaire(std::string_view json_text);

}  // namespace carers::engine
