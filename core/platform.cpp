#include "platform.h"

#include <QCoreApplication>

namespace Gravity {

QString platformId(Platform platform)
{
    switch (platform) {
    case Platform::YouTube:
        return QStringLiteral("youtube");
    case Platform::Bilibili:
        return QStringLiteral("bilibili");
    case Platform::Other:
        break;
    }
    return QStringLiteral("other");
}

QString platformDisplayName(Platform platform)
{
    switch (platform) {
    case Platform::YouTube:
        return QStringLiteral("YouTube");
    case Platform::Bilibili:
        return QStringLiteral("Bilibili");
    case Platform::Other:
        break;
    }
    return QCoreApplication::translate("Gravity::Platform", "Other site");
}

} // namespace Gravity
