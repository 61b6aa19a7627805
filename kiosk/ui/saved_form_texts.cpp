#include "kiosk/ui/saved_form_texts.h"

#include "kiosk/ui/message_values.h"

namespace carers::ui {

std::string continue_saved_message(const ContinueSavedModel& c, const i18n::Catalog& catalog) {
    using Status = ContinueSavedModel::Status;
    switch (c.status) {
    case Status::Ready:
    case Status::Opening:
        return {};
    case Status::NotACode:
        return catalog.tr("That code is not complete. A code has 8 letters and numbers.");
    case Status::NotAWord:
        return catalog.tr("Type your memorable word (3 to 40 letters).");
    case Status::WrongWord:
        return with_count(catalog, catalog.tr_plural("That word does not match. You have {{n}} more try "
                                        "before the saved answers are deleted.",
                                        "That word does not match. You have {{n}} more tries "
                                        "before the saved answers are deleted.",
                                        c.words_left),
                      c.words_left);
    case Status::Deleted:
        return catalog.tr("That word did not match again, so the saved answers have been deleted to "
                          "keep them safe. We are "
                          "sorry. You can start the form again, and staff are happy to help.");
    case Status::NoSuchCode:
        return with_count(catalog, catalog.tr_plural("We cannot find saved answers with that code at this "
                                        "kiosk. Saved answers are kept for {{n}} day. "
                                        "Check the code, or start the form again.",
                                        "We cannot find saved answers with that code at this "
                                        "kiosk. Saved answers are kept for {{n}} days. "
                                        "Check the code, or start the form again.",
                                        c.days),
                      c.days);
    case Status::TooManyCodes:
        return with_count(catalog, catalog.tr_plural("Too many codes have been tried at this kiosk. To keep "
                                        "saved answers safe, please try again in "
                                        "{{n}} minute, or ask a member of staff.",
                                        "Too many codes have been tried at this kiosk. To keep "
                                        "saved answers safe, please try again in "
                                        "{{n}} minutes, or ask a member of staff.",
                                        c.minutes),
                      c.minutes);
    case Status::CannotOpen:
        return catalog.tr("Your saved answers were found, but the form has changed since, so this "
                          "kiosk cannot open them. "
                          "Please ask a member of staff.");
    case Status::Failed:
        return catalog.tr(
            "Sorry, something went wrong opening saved answers. Please ask a member of staff.");
    }
    return {};
}

std::string come_back_within(int days, const i18n::Catalog& catalog) {
    return with_count(catalog, catalog.tr_plural("Come back to this kiosk within {{n}} day and choose \"Continue a "
                                    "saved form\". Your answers are kept here only, nowhere else.",
                                    "Come back to this kiosk within {{n}} days and choose \"Continue a "
                                    "saved form\". Your answers are kept here only, nowhere else.",
                                    days),
                  days);
}

std::string cannot_open_saved_answers(const PersonalDraftOffer& offer, const i18n::Catalog& catalog) {
    const std::string title = catalog.form_text(offer.form_id + ":title", offer.title);
    return fill_placeholders(
        catalog.tr("Your saved answers to the {{form}} could not be opened because the form has changed since you "
                   "saved them, or the saved copy is damaged. Please start again from the beginning."),
        {{"form", title}});
}

std::string spelled_code(const std::string& shown_code) {
    std::string out;
    for (char ch : shown_code) {
        if (ch == '-') {
            out += ',';
        } else {
            if (!out.empty()) out += ' ';
            out += ch;
        }
    }
    return out;
}

} // namespace carers::ui
