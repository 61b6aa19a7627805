// Unique marker strings a test carer "types" into every kind of field, and the documents that
// carry them: a QuestionnaireResponse with every answer type the forms use, and engine drafts.
// Shared by the no-plaintext test and the child that runs the session.
#pragma once

#include <string>
#include <vector>

namespace carers::store::test_fixtures {

struct SessionMarkers {
    // Free text of every kind: names, address, postcode, phone, email, NHS number, long text,
    // an open-choice "other" answer, and non-ASCII text.
    std::string name, address, postcode, phone, email, nhs_number, long_text, other_choice, non_ascii;
    std::string date;      // a date of birth no other field has
    std::string integer;   // a number no other field has
    std::string decimal;
    std::string draft_text;   // typed into a form that was then saved as a draft
    std::string parked_text;  // typed into a form then "saved to come back later"
    std::string word;         // the memorable word
    std::string wrong_word;   // a wrong memorable word tried once
    std::string accented_word;  // a memorable word outside ASCII (folded by ICU before use)
    std::string pin;          // the staff PIN

    explicit SessionMarkers(const std::string& p)
        : name(p + "Name-Aoife"), address(p + "Addr-12-Lark-Lane"), postcode(p + "PC-L17-8XP"),
          phone(p + "Tel-07700900461"), email(p + "mail-carer@example.org"), nhs_number(p + "NHS-9434765919"),
          long_text(p + "Long-He-has-falls-at-night-and-I-cannot-sleep"), other_choice(p + "Other-stepgrandmother"),
          non_ascii(p + "Ünïcödé-Zoë-Łódź-ذاكرة"), date("1931-07-23"), integer("739184620"), decimal("73.918462"),
          draft_text(p + "Draft-she-forgets-her-pills"), parked_text(p + "Parked-my-son-self-harms"),
          word(p + "lighthouse"), wrong_word(p + "harbourwall"), accented_word(p + "Zoë-Łódź-Ünïcödé"), pin("739146") {}

    std::vector<std::string> all() const {
        return {name,    address,   postcode,    phone,       email, nhs_number, long_text, other_choice, non_ascii,
                date,    integer,   decimal,     draft_text,  parked_text, word, wrong_word, accented_word};
    }
    // What goes into the sealed submission only.
    std::vector<std::string> submitted() const {
        return {name, address, postcode, phone, email, nhs_number, long_text, other_choice, non_ascii, date, integer, decimal};
    }

    std::string response() const {
        auto s = [](const std::string& link, const std::string& v) {
            return R"({"linkId":")" + link + R"(","answer":[{"valueString":")" + v + R"("}]})";
        };
        return R"({"resourceType":"QuestionnaireResponse","status":"completed","item":[)" + s("name", name) + "," +
               s("address", address) + "," + s("postcode", postcode) + "," + s("phone", phone) + "," + s("email", email) +
               "," + s("nhs-number", nhs_number) + "," + s("worries", long_text) + "," + s("home-town", non_ascii) +
               R"(,{"linkId":"relationship","answer":[{"valueCoding":{"code":"other","display":")" + other_choice +
               R"("}}]},{"linkId":"dob","answer":[{"valueDate":")" + date +
               R"("}]},{"linkId":"hours","answer":[{"valueInteger":)" + integer +
               R"(}]},{"linkId":"weight","answer":[{"valueDecimal":)" + decimal + "}]}]}";
    }
    std::string draft() const { return R"({"page":3,"answers":{"notes":")" + draft_text + R"("}})"; }
    std::string parked_draft() const {
        return R"({"page":5,"answers":{"notes":")" + parked_text + R"(","email":")" + email + R"("}})";
    }
};

}  // namespace carers::store::test_fixtures
