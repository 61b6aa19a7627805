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

const Item* Questionnaire::find(std::string_view link_id) const {
    auto it = by_link_id_.find(std::string(link_id));
    return it == by_link_id_.end() ? nullptr : it->second;
}

}  // namespace carers::engine
