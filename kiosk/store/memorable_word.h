// The memorable word a carer chooses for "Save and come back later", made canonical so that the
// same word typed twice matches even when the bytes differ.
//
// A carer may type "Zoë" once with a precomposed ë (U+00EB) and once as e + combining diaeresis
// (another keyboard, a phone, a screen reader's input); "CAFÉ" once and "café" the next time;
// "Straße" and "STRASSE"; a full-width "ｌｉｇｈｔ" from an East Asian input method. All of these
// must open the draft. The word is therefore put through Unicode NFKC_Casefold (ICU: compatibility
// composition, full case folding, default-ignorable characters such as soft hyphens and zero-width
// joiners removed), then surrounding white space is trimmed and runs of white space inside are
// made one space ("my  dog" is "my dog").
//
// What still differs: accents are kept ("cafe" is not "café"), and Turkish dotted/dotless i fold
// the language-neutral way (İ → i̇, not i). Letters in other scripts are untouched apart from
// normalisation.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace carers::store {

// The canonical form of a typed memorable word, as UTF-8. Nullopt when the text is not valid
// UTF-8, or when fewer than 3 or more than 40 characters (code points) remain. Intermediate
// copies are wiped; the caller wipes the result.
std::optional<std::string> normalise_memorable_word(std::string_view typed);

}  // namespace carers::store
