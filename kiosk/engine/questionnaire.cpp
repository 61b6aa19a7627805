#include "kiosk/engine/questionnaire.h"

namespace carers::engine {

namespace {
struct TypeName {
    ItemType type;
    const char* code;
};
constexpr TypeName type_names[] = {
    {ItemType::Group, "group"},     {ItemType::Display, "display"},
    {ItemType::Boolean, "boolean"}, {ItemType::Decimal, "decimal"},
    {ItemType::Integer, "integer"}, {ItemType::Date, "date"},
    {ItemType::String, "string"},   {ItemType::Text, "text"},
    {ItemType::Choice, "choice"},   {ItemType::OpenChoice, "open-choice"},
};
struct OperatorName {
    Operator op;
    const char* code;
};
constexpr OperatorName operator_names[] = {
    {Operator::Exists, "exists"}, {Operator::Equal, "="},         {Operator::NotEqual, "!="},
    {Operator::Greater, ">"},     {Operator::Less, "<"},          {Operator::GreaterOrEqual, ">="},
    {Operator::LessOrEqual, "<="},
};
}  // namespace

const char* to_fhir_code(ItemType t) {
    for (const auto& n : type_names)
        if (n.type == t) return n.code;
    return "?";
}

std::optional<ItemType> item_type_from_fhir(std::string_view code) {
    for (const auto& n : type_names)
        if (code == n.code) return n.type;
    return std::nullopt;
}

bool is_question(ItemType t) { return t != ItemType::Group && t != ItemType::Display; }

const char* to_fhir_code(Operator op) {
    for (const auto& n : operator_names)
        if (n.op == op) return n.code;
    return "?";
}

std::optional<Operator> operator_from_fhir(std::string_view code) {
    for (const auto& n : operator_names)
        if (code == n.code) return n.op;
    return std::nullopt;
}

std::string Item::hint() const {
    std::string out;
    for (const auto& child : items) {
        if (child->type == ItemType::Display && child->control == ItemControl::Help) {
            if (!out.empty()) out += "\n";
            out += child->text;
        }
    }
    return out;
}

bool Item::contains(const Item& other) const {
    for (const Item* i = &other; i != nullptr; i = i->parent)
        if (i == this) return true;
    return false;
}

namespace {
struct InputKindName {
    InputKind kind;
    const char* code;
};
constexpr InputKindName input_kind_names[] = {
    {InputKind::Postcode, "postcode"},        {InputKind::UkPhone, "uk-phone"},
    {InputKind::Email, "email"},              {InputKind::NhsNumber, "nhs-number"},
    {InputKind::DateOfBirth, "date-of-birth"}, {InputKind::PastDate, "past-date"},
};

bool has_question(const Item& it) {
    if (is_question(it.type)) return true;
    for (const auto& child : it.items)
        if (has_question(*child)) return true;
    return false;
}
}  // namespace

const char* to_code(InputKind k) {
    for (const auto& n : input_kind_names)
        if (n.kind == k) return n.code;
    return "";
}

std::optional<InputKind> input_kind_from_code(std::string_view code) {
    for (const auto& n : input_kind_names)
        if (code == n.code) return n.kind;
    return std::nullopt;
}

std::string Diagnostic::sentence() const {
    std::string where = path.empty() ? "" : " (" + path + ")";
    return (subject.empty() ? std::string("The form") : subject) + where + " " + message;
}

bool uses_task_list(const Questionnaire& q) {
    if (q.task_list_override) return *q.task_list_override;
    if (q.items.size() < 3) return false;
    for (const auto& it : q.items)
        if (!it->is_group() || it->control == ItemControl::Page) return false;
    return true;
}

bool uses_check_answers(const Questionnaire& q) {
    if (q.check_answers_override) return *q.check_answers_override;
    for (auto it = q.items.rbegin(); it != q.items.rend(); ++it) {
        if ((*it)->hidden) continue;
        return has_question(**it);
    }
    return false;
}

const Item* Questionnaire::find(std::string_view link_id) const {
    auto it = by_link_id_.find(std::string(link_id));
    return it == by_link_id_.end() ? nullptr : it->second;
}

}  // namespace carers::engine
