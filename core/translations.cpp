#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace Gravity {

void installTranslations(QCoreApplication *app, const QLocale &locale)
{
    auto *qt = new QTranslator(app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    auto *gravity = new QTranslator(app);
    if (gravity->load(locale, QStringLiteral("gravity"), QStringLiteral("_"), QStringLiteral(":/i18n")) ||
        gravity->load(QStringLiteral(":/i18n/gravity_en.qm")))
        QCoreApplication::installTranslator(gravity);
}

} // namespace Gravity
