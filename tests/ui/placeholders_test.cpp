#include <catch2/catch_test_macros.hpp>

#include "kiosk/ui/placeholders.h"

using carers::ui::fill_help_text;
using carers::ui::fill_placeholders;

TEST_CASE("placeholders are filled from the venue's settings") {
    CHECK(fill_placeholders("Phone {{centre.name}} on {{centre.phone}}.", {{"centre.name", "Anytown"}, {"centre.phone", "0100"}}) ==
          "Phone Anytown on 0100.");
    CHECK(fill_placeholders("No placeholders here. 2.5 hours.", {}) == "No placeholders here. 2.5 hours.");
}

TEST_CASE("help text leaves out a sentence whose number the venue has not set, keeping the rest") {
    const std::string help =
        "Thank you for telling us. You deserve to be safe too.\nIf you are in danger right now, call 999.\n"
        "To talk to someone about it, phone {{venue.safeguarding_phone}}.\nWe will mark your review as urgent. "
        "Your answers reach {{centre.name}} later.";
    const std::string filled = fill_help_text(help, {{"centre.name", "Anytown Carers"}});
    CHECK(filled ==
          "Thank you for telling us. You deserve to be safe too.\nIf you are in danger right now, call 999.\n"
          "We will mark your review as urgent. Your answers reach Anytown Carers later.");
    // An empty value counts as not set.
    CHECK(fill_help_text("Call 999. Or phone {{venue.safeguarding_phone}}. Or Childline.", {{"venue.safeguarding_phone", ""}}) ==
          "Call 999. Or Childline.");
    // Mid-line, with the line break kept.
    CHECK(fill_help_text("Please do not wait. Out of hours, phone {{v}}.\nCall 999.", {}) == "Please do not wait.\nCall 999.");
    // Chinese full stops end sentences too.
    CHECK(fill_help_text("\xe8\xaf\xb7\xe6\x8b\xa8\xe6\x89\x93 999\xe3\x80\x82\xe7\x94\xb5\xe8\xaf\x9d {{v}}\xe3\x80\x82", {}) ==
          "\xe8\xaf\xb7\xe6\x8b\xa8\xe6\x89\x93 999\xe3\x80\x82");
}

TEST_CASE("a question keeps all its words when the venue's name is not set; help that would be left empty too") {
    CHECK(fill_placeholders("Are you already registered with {{centre.name}}? (optional)", {}) ==
          "Are you already registered with ? (optional)");
    CHECK(fill_help_text("So that {{centre.name}} knows who you are.", {}) == "So that  knows who you are.");
    // With every value set, help text is filled like any other.
    CHECK(fill_help_text("Phone {{v}}. Now.", {{"v", "0100"}}) == "Phone 0100. Now.");
}
