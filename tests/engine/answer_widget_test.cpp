// The control and keyboard chosen for each kind of question, and itemControl honoured only where
// it fits the question.
#include <catch2/catch_test_macros.hpp>

#include "kiosk/engine/answer_widget.h"
#include "tests/engine/form_fixtures.h"

using namespace carers;
using namespace carers::engine;
using nlohmann::json;
using test::question;

namespace {
const json options = {{"answerOption", {{{"valueString", "a"}}, {{"valueString", "b"}}}}};
json with(json extra, json more) {
    extra.update(more);
    return extra;
}
}  // namespace

TEST_CASE("each item type gets the control that fits it") {
    auto q = test::form({question("b", "boolean"), question("i", "integer"), question("d", "decimal"),
                         question("dt", "date"), question("s", "string"), question("t", "text"),
                         question("c", "choice", options), question("cs", "choice", with(options, {{"repeats", true}})),
                         question("o", "open-choice", options),
                         {{"linkId", "info"}, {"type", "display"}, {"text", "Read this"}}});
    CHECK(answer_widget(*q->find("b")) == AnswerWidget::YesNo);
    CHECK(answer_widget(*q->find("i")) == AnswerWidget::WholeNumber);
    CHECK(answer_widget(*q->find("d")) == AnswerWidget::Number);
    CHECK(answer_widget(*q->find("dt")) == AnswerWidget::DateBoxes);
    CHECK(answer_widget(*q->find("s")) == AnswerWidget::TextLine);
    CHECK(answer_widget(*q->find("t")) == AnswerWidget::TextArea);
    CHECK(answer_widget(*q->find("c")) == AnswerWidget::RadioButtons);
    CHECK(answer_widget(*q->find("cs")) == AnswerWidget::CheckBoxes);
    CHECK(answer_widget(*q->find("o")) == AnswerWidget::OpenChoice);
    CHECK(answer_widget(*q->find("info")) == AnswerWidget::None);
    CHECK(takes_several_answers(*q->find("cs")));
    CHECK_FALSE(takes_several_answers(*q->find("c")));
}

TEST_CASE("itemControl chooses a drop-down, but never changes how many answers a question takes") {
    auto q = test::form({question("dd", "choice", with(options, {{"extension", {test::control("drop-down")}}})),
                         question("one", "choice", with(options, {{"extension", {test::control("check-box")}}})),
                         question("many", "choice", with(options, {{"repeats", true}, {"extension", {test::control("radio-button")}}})),
                         question("txt", "string", {{"extension", {test::control("drop-down")}}})});
    CHECK(answer_widget(*q->find("dd")) == AnswerWidget::DropDown);
    CHECK(answer_widget(*q->find("one")) == AnswerWidget::RadioButtons);
    CHECK(answer_widget(*q->find("many")) == AnswerWidget::CheckBoxes);
    CHECK(answer_widget(*q->find("txt")) == AnswerWidget::TextLine);
}

TEST_CASE("the keyboard follows what a field holds") {
    auto kind = [](const std::string& code) { return json{{"extension", {test::kiosk_ext("input-kind", "Code", code)}}}; };
    auto q = test::form({question("pc", "string", kind("postcode")), question("ph", "string", kind("uk-phone")),
                         question("em", "string", kind("email")), question("nhs", "string", kind("nhs-number")),
                         question("dob", "date", kind("date-of-birth")), question("n", "integer"),
                         question("x", "decimal"), question("s", "text"), question("c", "choice", options)});
    CHECK(keyboard_for(*q->find("pc")) == KeyboardLayout::Postcode);
    CHECK(keyboard_for(*q->find("ph")) == KeyboardLayout::Phone);
    CHECK(keyboard_for(*q->find("em")) == KeyboardLayout::Email);
    CHECK(keyboard_for(*q->find("nhs")) == KeyboardLayout::Digits);
    CHECK(keyboard_for(*q->find("dob")) == KeyboardLayout::Digits);
    CHECK(keyboard_for(*q->find("n")) == KeyboardLayout::Digits);
    CHECK(keyboard_for(*q->find("x")) == KeyboardLayout::Decimal);
    CHECK(keyboard_for(*q->find("s")) == KeyboardLayout::Letters);
    CHECK(keyboard_for(*q->find("c")) == KeyboardLayout::None);
}
