// translatable("..."): marks an English string that is translated later, where it is looked up
// (e.g. a notice chosen in the controller and shown by a view with dc.tr(notice)). It returns its
// argument unchanged; carers-i18n finds the literal and puts it in the template.
#pragma once

namespace carers::i18n {

constexpr const char* translatable(const char* english) { return english; }

}  // namespace carers::i18n
