#include "kiosk/engine/answer_widget.h"

namespace carers::engine {

AnswerWidget answer_widget(const Item& item) {
    switch (item.type) {
    case ItemType::Group:
    case ItemType::Display: return AnswerWidget::None;
    case ItemType::Boolean: return AnswerWidget::YesNo;
    case ItemType::Decimal: return AnswerWidget::Number;
    case ItemType::Integer: return AnswerWidget::WholeNumber;
    case ItemType::Date: return AnswerWidget::DateBoxes;
    case ItemType::String: return AnswerWidget::TextLine;
    case ItemType::Text: return AnswerWidget::TextArea;
    case ItemType::OpenChoice: return AnswerWidget::OpenChoice;
    case ItemType::Choice: break;
    }
    // The number of answers a question takes is part of its meaning; the control code is only a
    // wish about looks, so `repeats` decides between radio buttons and check boxes.
    if (item.control == ItemControl::DropDown) return AnswerWidget::DropDown;
    return item.repeats ? AnswerWidget::CheckBoxes : AnswerWidget::RadioButtons;
}

bool takes_several_answers(const Item& item) {
    return is_question(item.type) && item.type != ItemType::Boolean && item.repeats;
}

KeyboardLayout keyboard_for(const Item& item) {
    switch (item.input_kind) {
    case InputKind::Postcode: return KeyboardLayout::Postcode;
    case InputKind::UkPhone: return KeyboardLayout::Phone;
    case InputKind::Email: return KeyboardLayout::Email;
    case InputKind::NhsNumber: return KeyboardLayout::Digits;
    case InputKind::DateOfBirth:
    case InputKind::PastDate:
    case InputKind::None: break;
    }
    switch (item.type) {
    case ItemType::String:
    case ItemType::Text:
    case ItemType::OpenChoice: return KeyboardLayout::Letters;
    case ItemType::Integer:
    case ItemType::Date: return KeyboardLayout::Digits;
    case ItemType::Decimal: return KeyboardLayout::Decimal;
    default: return KeyboardLayout::None;
    }
}

}  // namespace carers::engine
