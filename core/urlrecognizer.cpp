#include "urlrecognizer.h"

#include <QCoreApplication>
#include <QSet>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Gravity {

namespace {

constexpr QStringView YouTubeDomains[] = {u"youtube.com", u"youtu.be", u"youtube-nocookie.com"};
constexpr QStringView BilibiliDomains[] = {u"bilibili.com", u"b23.tv"};

// Share and analytics parameters the two platforms append; none of them changes what is downloaded.
constexpr QStringView PlatformTrackingKeys[] = {
    u"si",           u"feature",      u"pp",         u"spm_id_from",      u"vd_source",
    u"share_source", u"share_medium", u"share_plat", u"share_session_id", u"share_tag",
    u"share_from",   u"bbid",         u"ts",         u"from_spmid",       u"from",
    u"seid",         u"unique_k",     u"igshid",     u"ab_channel",
};

// Schemes that, without "://", still show that a token tried to be a link (so extractUrls reports it).
constexpr QStringView SuspiciousSchemes[] = {u"javascript", u"vbscript", u"data", u"file"};

bool isAsciiAlpha(char16_t c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

bool isAsciiDigit(char16_t c)
{
    return c >= u'0' && c <= u'9';
}

bool isSchemeChar(char16_t c)
{
    return isAsciiAlpha(c) || isAsciiDigit(c) || c == u'+' || c == u'-' || c == u'.';
}

bool isHostChar(char16_t c)
{
    return isAsciiAlpha(c) || isAsciiDigit(c) || c == u'-' || c == u'.';
}

// Control characters and bidi controls can make a link display as something other than what it is. U+FFFD is
// what invalid UTF-8 (a command line, the clipboard, a drop) decodes to: the link meant is not known.
bool isForbiddenChar(char16_t c)
{
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) ||
           (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f || c == 0x061c || c == 0xfeff ||
           c == 0xfffd;
}

// Stops counting once past the limit, so a megabyte of text costs no more than the limit.
bool exceedsUtf8Limit(QStringView s)
{
    qsizetype bytes = 0;
    for (const QChar ch : s) {
        const char16_t c = ch.unicode();
        // A surrogate pair is 4 bytes in UTF-8: 2 per half.
        bytes += c < 0x80 ? 1 : (c < 0x800 || QChar::isSurrogate(c)) ? 2 : 3;
        if (bytes > MaxUrlBytes)
            return true;
    }
    return false;
}

bool hasForbiddenChars(QStringView s)
{
    for (qsizetype i = 0; i < s.size(); ++i) {
        const char16_t c = s[i].unicode();
        if (isForbiddenChar(c))
            return true;
        if (QChar::isHighSurrogate(c)) {
            if (i + 1 >= s.size() || !QChar::isLowSurrogate(s[i + 1].unicode()))
                return true;
            ++i;
        } else if (QChar::isLowSurrogate(c)) {
            return true;
        }
    }
    return false;
}

// The scheme before the first ':', or empty when the text does not start with one.
QStringView schemeOf(QStringView s)
{
    if (s.isEmpty() || !isAsciiAlpha(s.front().unicode()))
        return {};
    for (qsizetype i = 1; i < s.size(); ++i) {
        const char16_t c = s[i].unicode();
        if (c == u':')
            return s.first(i);
        if (!isSchemeChar(c))
            return {};
    }
    return {};
}

// Exact domain or a proper subdomain of it: "youtube.com.evil.example" and "notyoutube.com" do not match.
bool hostMatches(QStringView host, QStringView domain)
{
    if (host.endsWith(u'.'))
        host.chop(1);
    if (!host.endsWith(domain, Qt::CaseInsensitive))
        return false;
    return host.size() == domain.size() || host[host.size() - domain.size() - 1] == u'.';
}

Platform platformOfHost(QStringView host)
{
    for (const QStringView domain : YouTubeDomains) {
        if (hostMatches(host, domain))
            return Platform::YouTube;
    }
    for (const QStringView domain : BilibiliDomains) {
        if (hostMatches(host, domain))
            return Platform::Bilibili;
    }
    return Platform::Other;
}

// Length of a scheme-less YouTube/Bilibili host at the start of s ("youtu.be/…"), or 0.
qsizetype barePlatformHostLength(QStringView s)
{
    qsizetype end = 0;
    while (end < s.size() && isHostChar(s[end].unicode()))
        ++end;
    if (end == 0 || platformOfHost(s.first(end)) == Platform::Other)
        return 0;
    return end;
}

bool isIpLiteral(QStringView host)
{
    // QUrl hands IPv6 back without brackets; IPv4 is digits and dots.
    if (host.contains(u':'))
        return true;
    for (const QChar ch : host) {
        if (!isAsciiDigit(ch.unicode()) && ch != u'.')
            return false;
    }
    return !host.isEmpty();
}

bool hasDomain(QStringView host)
{
    if (host.endsWith(u'.'))
        host.chop(1);
    return host.contains(u'.') && !host.startsWith(u'.') && !host.endsWith(u'.') && !host.contains(u"..");
}

bool isTrackingKey(QStringView key, Platform platform)
{
    if (key.startsWith(u"utm_", Qt::CaseInsensitive) || key.compare(u"fbclid", Qt::CaseInsensitive) == 0 ||
        key.compare(u"gclid", Qt::CaseInsensitive) == 0) {
        return true;
    }
    if (platform == Platform::Other)
        return false;
    for (const QStringView tracking : PlatformTrackingKeys) {
        if (key.compare(tracking, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QStringView queryKey(QStringView item)
{
    const qsizetype eq = item.indexOf(u'=');
    return eq < 0 ? item : item.first(eq);
}

// Works on the encoded query and re-joins the kept items untouched, so other sites get their
// parameters back byte for byte.
QString withoutTracking(const QString &query, Platform platform, bool *changed)
{
    QString kept;
    bool first = true;
    *changed = false;
    for (const QStringView item : QStringView(query).split(u'&')) {
        if (isTrackingKey(queryKey(item), platform) || (item.isEmpty() && platform != Platform::Other)) {
            *changed = true;
            continue;
        }
        if (!first)
            kept += u'&';
        kept += item;
        first = false;
    }
    return kept;
}

bool hasQueryValue(QStringView query, QStringView key)
{
    for (const QStringView item : query.split(u'&')) {
        if (queryKey(item) == key && item.size() > key.size() + 1)
            return true;
    }
    return false;
}

UrlKind classifyYouTube(QStringView host, const QList<QStringView> &segments, QStringView query)
{
    if (hostMatches(host, u"youtu.be"))
        return segments.isEmpty() ? UrlKind::Unknown : UrlKind::Video;
    if (segments.isEmpty())
        return UrlKind::Unknown;
    const QStringView first = segments.front();
    const bool hasId = segments.size() >= 2;
    if (first == u"watch") {
        if (hasQueryValue(query, u"v"))
            return UrlKind::Video;
        return hasQueryValue(query, u"list") ? UrlKind::Playlist : UrlKind::Unknown;
    }
    if (first == u"playlist")
        return hasQueryValue(query, u"list") ? UrlKind::Playlist : UrlKind::Unknown;
    if (first == u"shorts" && hasId)
        return UrlKind::Short;
    if (first == u"embed" && hasId)
        return segments[1] == u"videoseries" ? UrlKind::Playlist : UrlKind::Video;
    if ((first == u"live" || first == u"v" || first == u"e") && hasId)
        return UrlKind::Video;
    if (first.size() > 1 && first.startsWith(u'@'))
        return UrlKind::Channel;
    if ((first == u"channel" || first == u"c" || first == u"user") && hasId)
        return UrlKind::Channel;
    return UrlKind::Unknown;
}

bool isBilibiliVideoId(QStringView id)
{
    if (id.size() > 2 && id.startsWith(u"BV"))
        return true;
    if (id.size() < 3 || !id.startsWith(u"av", Qt::CaseInsensitive))
        return false;
    for (const QChar ch : id.sliced(2)) {
        if (!isAsciiDigit(ch.unicode()))
            return false;
    }
    return true;
}

UrlKind classifyBilibili(QStringView host, const QList<QStringView> &segments)
{
    if (hostMatches(host, u"b23.tv"))
        return UrlKind::ShortLink;
    const qsizetype count = segments.size();
    if (hostMatches(host, u"space.bilibili.com")) {
        if (count == 0)
            return UrlKind::Unknown;
        // space.bilibili.com/UID/favlist, /lists/…, /channel/collectiondetail|seriesdetail are lists.
        if (count >= 2 && (segments[1] == u"favlist" || segments[1] == u"lists"))
            return UrlKind::Playlist;
        if (count >= 3 && segments[1] == u"channel" &&
            (segments[2] == u"collectiondetail" || segments[2] == u"seriesdetail")) {
            return UrlKind::Playlist;
        }
        return UrlKind::Channel;
    }
    if (count < 2)
        return UrlKind::Unknown;
    const QStringView first = segments.front();
    if (first == u"video")
        return isBilibiliVideoId(segments[1]) ? UrlKind::Video : UrlKind::Unknown;
    if (first == u"bangumi" && count >= 3 && segments[1] == u"play") {
        if (segments[2].startsWith(u"ep"))
            return UrlKind::Episode;
        if (segments[2].startsWith(u"ss"))
            return UrlKind::Season;
    }
    if (first == u"bangumi" && count >= 3 && segments[1] == u"media" && segments[2].startsWith(u"md"))
        return UrlKind::Season;
    if (first == u"medialist" && count >= 3 && (segments[1] == u"detail" || segments[1] == u"play"))
        return UrlKind::Playlist;
    if (first == u"list")
        return UrlKind::Playlist;
    if (first == u"space")
        return UrlKind::Channel;
    return UrlKind::Unknown;
}

bool isAscii(QStringView s)
{
    for (const QChar ch : s) {
        if (ch.unicode() >= 0x80)
            return false;
    }
    return true;
}

RecognizedUrl rejected(RecognizedUrl result, UrlRejection why)
{
    result.rejection = why;
    result.normalized.clear();
    return result;
}

// Which characters can belong to a URL-looking token in free text. Whitespace, quotes, angle brackets, CJK
// text and full-width punctuation end a token; control and bidi characters do not, so a tampered link is
// reported as malformed instead of being cut into an innocent-looking prefix.
bool isTokenChar(char16_t c)
{
    if (c < 0x80) {
        switch (c) {
        case u' ':
        case u'\t':
        case u'\n':
        case u'\r':
        case u'\v':
        case u'\f':
        case u'<':
        case u'>':
        case u'"':
        case u'`':
            return false;
        default:
            return true;
        }
    }
    if (isForbiddenChar(c))
        return true;
    if (QChar::isSpace(c) || QChar::isSurrogate(c) || c >= 0x2e80 || (c >= 0x2000 && c <= 0x206f))
        return false;
    return QChar::isLetterOrNumber(c) || QChar::isMark(c);
}

// Sentence punctuation after a link, and closing brackets that have no partner inside it.
QStringView trimTrailingPunctuation(QStringView s)
{
    qsizetype unmatchedParens = s.count(u')') - s.count(u'(');
    qsizetype unmatchedBrackets = s.count(u']') - s.count(u'[');
    while (!s.isEmpty()) {
        const QChar last = s.back();
        if (QStringView(u".,;:!?'*").contains(last)) {
            s.chop(1);
        } else if (last == u')' && unmatchedParens > 0) {
            --unmatchedParens;
            s.chop(1);
        } else if (last == u']' && unmatchedBrackets > 0) {
            --unmatchedBrackets;
            s.chop(1);
        } else {
            break;
        }
    }
    return s;
}

// The part of a whitespace-delimited token that tries to be a link, or an empty view.
QStringView urlCandidate(QStringView token)
{
    const qsizetype sep = token.indexOf(u"://");
    if (sep > 0) {
        qsizetype start = sep;
        while (start > 0 && isSchemeChar(token[start - 1].unicode()))
            --start;
        const QStringView scheme = token.sliced(start, sep - start);
        // "this.https://…": the sentence ran into the link.
        if (scheme.endsWith(u"https", Qt::CaseInsensitive))
            start = sep - 5;
        else if (scheme.endsWith(u"http", Qt::CaseInsensitive))
            start = sep - 4;
        while (start < sep && !isAsciiAlpha(token[start].unicode()))
            ++start;
        if (start == sep)
            return {};
        const QStringView candidate = trimTrailingPunctuation(token.sliced(start));
        return candidate.size() > sep - start + 3 ? candidate : QStringView();
    }
    qsizetype lead = 0;
    while (lead < token.size() && QStringView(u"([{'*").contains(token[lead]))
        ++lead;
    const QStringView body = token.sliced(lead);
    const QStringView scheme = schemeOf(body);
    if (!scheme.isEmpty() && body.size() > scheme.size() + 1) {
        for (const QStringView suspicious : SuspiciousSchemes) {
            if (scheme.compare(suspicious, Qt::CaseInsensitive) == 0)
                return trimTrailingPunctuation(body);
        }
    }
    // Bare "youtube.com/…" or "b23.tv/…"; a host alone in a sentence is only a word.
    const qsizetype hostLength = barePlatformHostLength(body);
    if (hostLength > 0 && hostLength + 1 < body.size() && body[hostLength] == u'/')
        return trimTrailingPunctuation(body);
    return {};
}

} // namespace

RecognizedUrl recognizeUrl(QStringView text)
{
    RecognizedUrl result;
    const QStringView trimmed = text.trimmed();
    result.input = trimmed.toString();

    if (trimmed.isEmpty())
        return rejected(result, UrlRejection::Empty);
    // Before anything else: whatever else is wrong with it, yt-dlp would read this as an option.
    if (trimmed.startsWith(u'-'))
        return rejected(result, UrlRejection::LooksLikeOption);
    if (exceedsUtf8Limit(trimmed))
        return rejected(result, UrlRejection::TooLong);
    if (hasForbiddenChars(trimmed))
        return rejected(result, UrlRejection::Malformed);

    QString withScheme;
    const qsizetype bareHost = barePlatformHostLength(trimmed);
    if (bareHost > 0 && (bareHost == trimmed.size() || QStringView(u"/?#:").contains(trimmed[bareHost]))) {
        withScheme = u"https://"_s;
        withScheme += trimmed;
    } else {
        const QStringView scheme = schemeOf(trimmed);
        if (scheme.compare(u"http", Qt::CaseInsensitive) != 0 &&
            scheme.compare(u"https", Qt::CaseInsensitive) != 0)
            return rejected(result, UrlRejection::NotHttp);
        withScheme = result.input;
    }

    QUrl url(withScheme, QUrl::TolerantMode);
    if (!url.isValid())
        return rejected(result, UrlRejection::Malformed);
    // FullyEncoded gives the lowercase ACE (punycode) form of international host names.
    const QString host = url.host(QUrl::FullyEncoded);
    if (host.isEmpty() || (!isIpLiteral(host) && !hasDomain(host)))
        return rejected(result, UrlRejection::BadHost);

    result.platform = platformOfHost(host);
    if (url.hasQuery()) {
        bool changed = false;
        const QString query = withoutTracking(url.query(QUrl::FullyEncoded), result.platform, &changed);
        if (changed)
            url.setQuery(query.isEmpty() ? QString() : query);
    }
    // yt-dlp smuggles data in the fragment of other sites' URLs; on YouTube/Bilibili it is only noise.
    // Neither platform uses user info; dropping it also makes "user@www.youtube.com" dedupe with the plain
    // link.
    if (result.platform != Platform::Other) {
        url.setFragment(QString());
        url.setUserInfo(QString());
    }

    const QString path = url.path(QUrl::FullyDecoded);
    const QList<QStringView> segments = QStringView(path).split(u'/', Qt::SkipEmptyParts);
    const QString query = url.query(QUrl::FullyEncoded);
    if (result.platform == Platform::YouTube)
        result.kind = classifyYouTube(host, segments, query);
    else if (result.platform == Platform::Bilibili)
        result.kind = classifyBilibili(host, segments);

    result.normalized = url.toString(QUrl::FullyEncoded);
    // Percent-encoding can triple the length: the limit holds for what reaches yt-dlp too, so a normalised
    // link is accepted again when it comes back (pasted, from the history, from a second launch).
    if (exceedsUtf8Limit(result.normalized))
        return rejected(result, UrlRejection::TooLong);
    // Defence in depth: what reaches yt-dlp's command line is plain ASCII and never an option.
    if (!url.isValid() || result.normalized.isEmpty() || result.normalized.startsWith(u'-') ||
        !isAscii(result.normalized)) {
        return rejected(result, UrlRejection::Malformed);
    }
    return result;
}

QList<RecognizedUrl> extractUrls(QStringView text)
{
    QList<RecognizedUrl> found;
    QSet<QString> seen;
    const qsizetype size = text.size();
    qsizetype pos = 0;
    // One pass over the text; every character is looked at a bounded number of times.
    while (pos < size) {
        while (pos < size && !isTokenChar(text[pos].unicode()))
            ++pos;
        const qsizetype start = pos;
        while (pos < size && isTokenChar(text[pos].unicode()))
            ++pos;
        const QStringView candidate = urlCandidate(text.sliced(start, pos - start));
        if (candidate.isEmpty())
            continue;
        RecognizedUrl url = recognizeUrl(candidate);
        const QString key = url.isValid() ? url.normalized : url.input;
        if (seen.contains(key))
            continue;
        seen.insert(key);
        found.append(std::move(url));
    }
    return found;
}

QString rejectionText(UrlRejection rejection)
{
    switch (rejection) {
    case UrlRejection::None:
        break;
    case UrlRejection::Empty:
        return QCoreApplication::translate("Gravity::UrlRecognizer", "Paste a link to a video or playlist.");
    case UrlRejection::LooksLikeOption:
        return QCoreApplication::translate("Gravity::UrlRecognizer",
                                           "This looks like a command-line option, not a link.");
    case UrlRejection::NotHttp:
        return QCoreApplication::translate("Gravity::UrlRecognizer",
                                           "Only http:// and https:// links can be downloaded.");
    case UrlRejection::TooLong:
        return QCoreApplication::translate("Gravity::UrlRecognizer",
                                           "This link is too long (over 4096 bytes).");
    case UrlRejection::BadHost:
        return QCoreApplication::translate("Gravity::UrlRecognizer",
                                           "This is not a web address: the host name has no domain.");
    case UrlRejection::Malformed:
        return QCoreApplication::translate("Gravity::UrlRecognizer",
                                           "This link contains characters that are not allowed.");
    }
    return QString();
}

QString rejectionId(UrlRejection rejection)
{
    switch (rejection) {
    case UrlRejection::None:
        break;
    case UrlRejection::Empty:
        return QStringLiteral("empty");
    case UrlRejection::LooksLikeOption:
        return QStringLiteral("option");
    case UrlRejection::NotHttp:
        return QStringLiteral("not-http");
    case UrlRejection::TooLong:
        return QStringLiteral("too-long");
    case UrlRejection::BadHost:
        return QStringLiteral("bad-host");
    case UrlRejection::Malformed:
        return QStringLiteral("malformed");
    }
    return QString();
}

} // namespace Gravity
