#pragma once

class QCoreApplication;
class QLocale;

namespace Gravity {

// Installs Qt's own catalogue (dialog buttons) and Gravity's for locale, both owned by app. A language
// Gravity has no catalogue for gets the English one, which carries the plural forms ("1 video").
void installTranslations(QCoreApplication *app, const QLocale &locale);

} // namespace Gravity
