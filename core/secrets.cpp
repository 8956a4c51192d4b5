#include "secrets.h"

#include <QRegularExpression>
#include <QUrl>

#include <algorithm>

namespace Gravity {

namespace {

const QString Redacted = QStringLiteral("***");
constexpr qsizetype ShortestRedactedPassword = 3;

void addUnique(QStringList &list, const QString &text, qsizetype minimumLength = 1)
{
    if (text.size() >= minimumLength && !list.contains(text))
        list << text;
}

} // namespace

QStringList secretsOf(const NetworkConfig &network)
{
    if (network.proxyMode != ProxyMode::Manual || network.proxyUrl.isEmpty())
        return {};
    QStringList secrets;
    // The userinfo as written in the URL: everything between "://" and the last '@' before the host.
    const qsizetype schemeEnd = network.proxyUrl.indexOf(QLatin1String("://"));
    const qsizetype start = schemeEnd < 0 ? 0 : schemeEnd + 3;
    qsizetype end = network.proxyUrl.indexOf(u'/', start);
    if (end < 0)
        end = network.proxyUrl.size();
    const qsizetype at = network.proxyUrl.lastIndexOf(u'@', end - 1);
    if (at < start)
        return {};
    const QString userInfo = network.proxyUrl.mid(start, at - start);
    addUnique(secrets, userInfo);
    addUnique(secrets, QUrl::fromPercentEncoding(userInfo.toUtf8()));

    const qsizetype colon = userInfo.indexOf(u':');
    if (colon >= 0) {
        const QString rawPassword = userInfo.mid(colon + 1);
        const QString password = QUrl::fromPercentEncoding(rawPassword.toUtf8());
        addUnique(secrets, rawPassword, ShortestRedactedPassword);
        addUnique(secrets, password, ShortestRedactedPassword);
        addUnique(secrets, QString::fromLatin1(QUrl::toPercentEncoding(password)), ShortestRedactedPassword);
    }
    // Longest first, so a password inside the userinfo cannot leave the user name's half behind.
    std::sort(secrets.begin(), secrets.end(),
              [](const QString &a, const QString &b) { return a.size() > b.size(); });
    return secrets;
}

QString redactSecrets(QString text, const NetworkConfig &network)
{
    if (text.isEmpty())
        return text;
    for (const QString &secret : secretsOf(network))
        text.replace(secret, Redacted, secret.contains(u'%') ? Qt::CaseInsensitive : Qt::CaseSensitive);
    // Whatever the settings: credentials in any URL yt-dlp prints (a proxy from the environment, a page
    // URL with a password).
    static const QRegularExpression userInfo(
        QStringLiteral(R"(([A-Za-z][A-Za-z0-9+.-]*://)[^/\s@]*:[^/\s@]*@)"));
    text.replace(userInfo, QStringLiteral("\\1***@"));
    return text;
}

} // namespace Gravity
