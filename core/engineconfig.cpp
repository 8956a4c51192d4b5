#include "engineconfig.h"

#include <QRegularExpression>
#include <QUrl>

#include <cmath>

namespace Gravity {

QStringList supportedCookieBrowsers()
{
    // yt-dlp's SUPPORTED_BROWSERS (yt_dlp/cookies.py), in its order.
    return {QStringLiteral("brave"),  QStringLiteral("chrome"),  QStringLiteral("chromium"),
            QStringLiteral("edge"),   QStringLiteral("firefox"), QStringLiteral("opera"),
            QStringLiteral("safari"), QStringLiteral("vivaldi"), QStringLiteral("whale")};
}

bool isSupportedCookieBrowser(const QString &spec)
{
    // yt-dlp reads BROWSER[+KEYRING][:PROFILE][::CONTAINER]; Gravity offers the browser and a profile.
    const QString browser = spec.section(QLatin1Char(':'), 0, 0).section(QLatin1Char('+'), 0, 0);
    return supportedCookieBrowsers().contains(browser.toLower());
}

QString proxyUrlFor(const QString &scheme, const QString &host, int port, const QString &user,
                    const QString &password)
{
    const QString trimmedHost = host.trimmed();
    if (scheme.isEmpty() || trimmedHost.isEmpty() || port < 1 || port > 65535)
        return {};
    // Everything outside the unreserved set is encoded, '+' too: yt-dlp decodes SOCKS credentials with
    // unquote_plus, which would turn a literal '+' into a space.
    QString userInfo;
    if (!user.isEmpty()) {
        userInfo = QString::fromLatin1(QUrl::toPercentEncoding(user));
        if (!password.isEmpty())
            userInfo += QLatin1Char(':') + QString::fromLatin1(QUrl::toPercentEncoding(password));
        userInfo += QLatin1Char('@');
    }
    const bool ipv6 = trimmedHost.contains(QLatin1Char(':')) && !trimmedHost.startsWith(QLatin1Char('['));
    const QString hostPart = ipv6 ? QLatin1Char('[') + trimmedHost + QLatin1Char(']') : trimmedHost;
    return scheme.toLower() + QStringLiteral("://") + userInfo + hostPart + QLatin1Char(':') +
           QString::number(port);
}

std::optional<qint64> parseByteRate(const QString &text)
{
    static const QRegularExpression rate(QStringLiteral(R"(^(\d+(?:\.\d+)?)\s*([kKmMgG]?)(?:i?[bB])?$)"));
    const QRegularExpressionMatch match = rate.match(text.trimmed());
    if (!match.hasMatch())
        return std::nullopt;
    double value = match.captured(1).toDouble();
    const QString unit = match.captured(2).toLower();
    if (unit == u"k")
        value *= 1024.0;
    else if (unit == u"m")
        value *= 1024.0 * 1024.0;
    else if (unit == u"g")
        value *= 1024.0 * 1024.0 * 1024.0;
    if (!std::isfinite(value) || value > 1e15)
        return std::nullopt;
    return qint64(std::llround(value));
}

bool isUsableProxyUrl(const QString &url)
{
    const QUrl parsed(url, QUrl::StrictMode);
    static const QStringList schemes{QStringLiteral("http"),   QStringLiteral("https"),
                                     QStringLiteral("socks4"), QStringLiteral("socks4a"),
                                     QStringLiteral("socks5"), QStringLiteral("socks5h")};
    return parsed.isValid() && schemes.contains(parsed.scheme().toLower()) && !parsed.host().isEmpty() &&
           (parsed.path().isEmpty() || parsed.path() == u"/") && !parsed.hasQuery() && !parsed.hasFragment();
}

} // namespace Gravity
