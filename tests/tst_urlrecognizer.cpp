#include "urlrecognizer.h"

#include <QElapsedTimer>
#include <QTest>

using namespace Gravity;
using namespace Qt::StringLiterals;

namespace {

QString kindName(UrlKind kind)
{
    switch (kind) {
    case UrlKind::Unknown:
        return u"unknown"_s;
    case UrlKind::Video:
        return u"video"_s;
    case UrlKind::Short:
        return u"short"_s;
    case UrlKind::Playlist:
        return u"playlist"_s;
    case UrlKind::Channel:
        return u"channel"_s;
    case UrlKind::ShortLink:
        return u"shortlink"_s;
    case UrlKind::Episode:
        return u"episode"_s;
    case UrlKind::Season:
        return u"season"_s;
    }
    return u"?"_s;
}

// One line per extracted URL: the normalised form, or "<rejection id> <input>" when refused.
QStringList describe(const QList<RecognizedUrl> &urls)
{
    QStringList lines;
    for (const RecognizedUrl &url : urls)
        lines << (url.isValid() ? url.normalized : rejectionId(url.rejection) + u' ' + url.input);
    return lines;
}

bool isAscii(const QString &s)
{
    for (const QChar ch : s) {
        if (ch.unicode() >= 0x80)
            return false;
    }
    return true;
}

} // namespace

class TestUrlRecognizer final : public QObject
{
    Q_OBJECT

private slots:
    void recognize_data();
    void recognize();
    void extract_data();
    void extract();
    void extractFromAMegabyte();
    void extractSurvivesHostileText();
    void everyRejectionHasTextAndId();
};

void TestUrlRecognizer::recognize_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<Platform>("platform");
    QTest::addColumn<UrlKind>("kind");
    QTest::addColumn<UrlRejection>("rejection");
    QTest::addColumn<QString>("normalized");

    const auto ok = [](const char *name, const QString &input, Platform platform, UrlKind kind,
                       const QString &normalized) {
        QTest::newRow(name) << input << platform << kind << UrlRejection::None << normalized;
    };
    const auto refused = [](const char *name, const QString &input, UrlRejection rejection) {
        QTest::newRow(name) << input << Platform::Other << UrlKind::Unknown << rejection << QString();
    };
    const auto yt = Platform::YouTube;
    const auto bili = Platform::Bilibili;
    const auto other = Platform::Other;
    const QString watch = u"https://www.youtube.com/watch?v=dQw4w9WgXcQ"_s;

    // YouTube
    ok("watch link loses si", watch + u"&si=AbCdEf123"_s, yt, UrlKind::Video, watch);
    ok("watch link loses feature=share", watch + u"&feature=share"_s, yt, UrlKind::Video, watch);
    ok("watch link loses pp before v", u"https://www.youtube.com/watch?pp=ygUEcmljaw%3D%3D&v=dQw4w9WgXcQ"_s,
       yt, UrlKind::Video, watch);
    ok("watch link keeps t=42", watch + u"&t=42&si=x"_s, yt, UrlKind::Video, watch + u"&t=42"_s);
    ok("watch link with list and index stays a video", watch + u"&list=PLx1&index=3&pp=abc"_s, yt,
       UrlKind::Video, watch + u"&list=PLx1&index=3"_s);
    ok("watch link loses ab_channel", watch + u"&ab_channel=RickAstley"_s, yt, UrlKind::Video, watch);
    ok("watch link loses utm parameters", watch + u"&utm_source=newsletter&utm_campaign=x"_s, yt,
       UrlKind::Video, watch);
    ok("watch link loses its fragment", watch + u"#t=30"_s, yt, UrlKind::Video, watch);
    ok("watch link without www", u"https://youtube.com/watch?v=dQw4w9WgXcQ"_s, yt, UrlKind::Video,
       u"https://youtube.com/watch?v=dQw4w9WgXcQ"_s);
    ok("mobile watch link", u"https://m.youtube.com/watch?v=dQw4w9WgXcQ&feature=youtu.be"_s, yt,
       UrlKind::Video, u"https://m.youtube.com/watch?v=dQw4w9WgXcQ"_s);
    ok("music watch link", u"https://music.youtube.com/watch?v=dQw4w9WgXcQ&si=x"_s, yt, UrlKind::Video,
       u"https://music.youtube.com/watch?v=dQw4w9WgXcQ"_s);
    ok("music playlist", u"https://music.youtube.com/playlist?list=OLAK5uy_abc"_s, yt, UrlKind::Playlist,
       u"https://music.youtube.com/playlist?list=OLAK5uy_abc"_s);
    ok("plain http watch link keeps its scheme", u"http://www.youtube.com/watch?v=dQw4w9WgXcQ"_s, yt,
       UrlKind::Video, u"http://www.youtube.com/watch?v=dQw4w9WgXcQ"_s);
    ok("uppercase scheme and host are lowercased", u"HTTPS://WWW.YOUTUBE.COM/watch?v=dQw4w9WgXcQ"_s, yt,
       UrlKind::Video, watch);
    ok("surrounding whitespace is trimmed", u"  \t"_s + watch + u" \n"_s, yt, UrlKind::Video, watch);
    ok("youtu.be loses si", u"https://youtu.be/dQw4w9WgXcQ?si=abcDEF"_s, yt, UrlKind::Video,
       u"https://youtu.be/dQw4w9WgXcQ"_s);
    ok("youtu.be keeps t", u"https://youtu.be/dQw4w9WgXcQ?t=42"_s, yt, UrlKind::Video,
       u"https://youtu.be/dQw4w9WgXcQ?t=42"_s);
    ok("youtu.be with list stays a video", u"https://youtu.be/dQw4w9WgXcQ?list=PLx1&si=z"_s, yt,
       UrlKind::Video, u"https://youtu.be/dQw4w9WgXcQ?list=PLx1"_s);
    ok("shorts link", u"https://www.youtube.com/shorts/abcdEFGhijk?feature=share"_s, yt, UrlKind::Short,
       u"https://www.youtube.com/shorts/abcdEFGhijk"_s);
    ok("mobile shorts link", u"https://m.youtube.com/shorts/abcdEFGhijk"_s, yt, UrlKind::Short,
       u"https://m.youtube.com/shorts/abcdEFGhijk"_s);
    ok("live link", u"https://www.youtube.com/live/jfKfPfyJRdk?si=x"_s, yt, UrlKind::Video,
       u"https://www.youtube.com/live/jfKfPfyJRdk"_s);
    ok("embed link keeps start", u"https://www.youtube.com/embed/dQw4w9WgXcQ?start=30"_s, yt, UrlKind::Video,
       u"https://www.youtube.com/embed/dQw4w9WgXcQ?start=30"_s);
    ok("embedded playlist", u"https://www.youtube.com/embed/videoseries?list=PLx1"_s, yt, UrlKind::Playlist,
       u"https://www.youtube.com/embed/videoseries?list=PLx1"_s);
    ok("privacy-enhanced embed", u"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"_s, yt, UrlKind::Video,
       u"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"_s);
    ok("old /v/ link", u"https://www.youtube.com/v/dQw4w9WgXcQ"_s, yt, UrlKind::Video,
       u"https://www.youtube.com/v/dQw4w9WgXcQ"_s);
    ok("playlist page", u"https://www.youtube.com/playlist?list=PLrAXtmErZgOeiKm4sgNOknGvNjby9efdf&si=x"_s,
       yt, UrlKind::Playlist, u"https://www.youtube.com/playlist?list=PLrAXtmErZgOeiKm4sgNOknGvNjby9efdf"_s);
    ok("watch page with only a list is a playlist", u"https://www.youtube.com/watch?list=PLx1"_s, yt,
       UrlKind::Playlist, u"https://www.youtube.com/watch?list=PLx1"_s);
    ok("handle", u"https://www.youtube.com/@LinusTechTips"_s, yt, UrlKind::Channel,
       u"https://www.youtube.com/@LinusTechTips"_s);
    ok("handle videos tab", u"https://www.youtube.com/@LinusTechTips/videos?si=x"_s, yt, UrlKind::Channel,
       u"https://www.youtube.com/@LinusTechTips/videos"_s);
    ok("channel id", u"https://www.youtube.com/channel/UCXuqSBlHAE6Xw-yeJA0Tunw"_s, yt, UrlKind::Channel,
       u"https://www.youtube.com/channel/UCXuqSBlHAE6Xw-yeJA0Tunw"_s);
    ok("custom /c/ name", u"https://www.youtube.com/c/LinusTechTips"_s, yt, UrlKind::Channel,
       u"https://www.youtube.com/c/LinusTechTips"_s);
    ok("legacy /user/ name", u"https://www.youtube.com/user/LinusTechTips"_s, yt, UrlKind::Channel,
       u"https://www.youtube.com/user/LinusTechTips"_s);
    ok("home page is youtube of unknown kind", u"https://www.youtube.com/"_s, yt, UrlKind::Unknown,
       u"https://www.youtube.com/"_s);
    ok("bare youtube.com gets https", u"youtube.com/watch?v=dQw4w9WgXcQ"_s, yt, UrlKind::Video,
       u"https://youtube.com/watch?v=dQw4w9WgXcQ"_s);
    ok("bare www.youtube.com gets https", u"www.youtube.com/watch?v=dQw4w9WgXcQ&si=1"_s, yt, UrlKind::Video,
       watch);
    ok("bare youtu.be gets https", u"youtu.be/dQw4w9WgXcQ"_s, yt, UrlKind::Video,
       u"https://youtu.be/dQw4w9WgXcQ"_s);
    ok("bare m.youtube.com gets https", u"m.youtube.com/shorts/abcdEFGhijk"_s, yt, UrlKind::Short,
       u"https://m.youtube.com/shorts/abcdEFGhijk"_s);
    ok("user info on a youtube link is dropped", u"https://user:pass@www.youtube.com/watch?v=dQw4w9WgXcQ"_s,
       yt, UrlKind::Video, watch);
    ok("youtube link with an explicit port", u"https://www.youtube.com:443/watch?v=dQw4w9WgXcQ"_s, yt,
       UrlKind::Video, u"https://www.youtube.com:443/watch?v=dQw4w9WgXcQ"_s);
    ok("host with trailing dot is still youtube", u"https://www.youtube.com./watch?v=dQw4w9WgXcQ"_s, yt,
       UrlKind::Video, u"https://www.youtube.com./watch?v=dQw4w9WgXcQ"_s);

    // Bilibili
    const QString bv = u"https://www.bilibili.com/video/BV1GJ411x7h7"_s;
    ok("bilibili BV video", bv, bili, UrlKind::Video, bv);
    ok("bilibili part 3 loses spm_id_from and vd_source",
       bv + u"/?p=3&spm_id_from=333.788.top_right_bar_window_history.content.click&vd_source=0123abcd"_s,
       bili, UrlKind::Video, bv + u"/?p=3"_s);
    ok("bilibili av video", u"https://www.bilibili.com/video/av170001"_s, bili, UrlKind::Video,
       u"https://www.bilibili.com/video/av170001"_s);
    ok("bilibili app share parameters dropped",
       bv + u"?share_source=copy_web&share_medium=android&share_plat=android&share_session_id=abc"
            u"&share_tag=s_i&share_from=ugc&unique_k=xyz&bbid=XY&ts=1700000000"_s,
       bili, UrlKind::Video, bv);
    ok("mobile bilibili loses from and seid",
       u"https://m.bilibili.com/video/BV1GJ411x7h7?from=search&seid=123"_s, bili, UrlKind::Video,
       u"https://m.bilibili.com/video/BV1GJ411x7h7"_s);
    ok("bilibili without www", u"https://bilibili.com/video/BV1GJ411x7h7"_s, bili, UrlKind::Video,
       u"https://bilibili.com/video/BV1GJ411x7h7"_s);
    ok("bare bilibili.com gets https", u"bilibili.com/video/BV1GJ411x7h7?p=2"_s, bili, UrlKind::Video,
       u"https://bilibili.com/video/BV1GJ411x7h7?p=2"_s);
    ok("bare www.bilibili.com gets https", u"www.bilibili.com/video/BV1GJ411x7h7"_s, bili, UrlKind::Video,
       bv);
    ok("bilibili fragment dropped", bv + u"#reply12345"_s, bili, UrlKind::Video, bv);
    ok("b23.tv short link", u"https://b23.tv/AbC123x"_s, bili, UrlKind::ShortLink,
       u"https://b23.tv/AbC123x"_s);
    ok("bare b23.tv gets https", u"b23.tv/AbC123x"_s, bili, UrlKind::ShortLink, u"https://b23.tv/AbC123x"_s);
    ok("bangumi episode", u"https://www.bilibili.com/bangumi/play/ep123456?from_spmid=666.25.episode.0"_s,
       bili, UrlKind::Episode, u"https://www.bilibili.com/bangumi/play/ep123456"_s);
    ok("bangumi season", u"https://www.bilibili.com/bangumi/play/ss12345"_s, bili, UrlKind::Season,
       u"https://www.bilibili.com/bangumi/play/ss12345"_s);
    ok("uploader space", u"https://space.bilibili.com/123456?spm_id_from=333.337.0.0"_s, bili,
       UrlKind::Channel, u"https://space.bilibili.com/123456"_s);
    ok("uploader videos tab", u"https://space.bilibili.com/123456/video"_s, bili, UrlKind::Channel,
       u"https://space.bilibili.com/123456/video"_s);
    ok("favourite folder keeps fid", u"https://space.bilibili.com/123456/favlist?fid=789&ftype=create"_s,
       bili, UrlKind::Playlist, u"https://space.bilibili.com/123456/favlist?fid=789&ftype=create"_s);
    ok("collection", u"https://space.bilibili.com/123456/channel/collectiondetail?sid=789"_s, bili,
       UrlKind::Playlist, u"https://space.bilibili.com/123456/channel/collectiondetail?sid=789"_s);
    ok("medialist favourite list", u"https://www.bilibili.com/medialist/detail/ml123456"_s, bili,
       UrlKind::Playlist, u"https://www.bilibili.com/medialist/detail/ml123456"_s);
    ok("list player", u"https://www.bilibili.com/list/123456?sid=789&spm_id_from=1"_s, bili,
       UrlKind::Playlist, u"https://www.bilibili.com/list/123456?sid=789"_s);
    ok("bilibili home page is of unknown kind", u"https://www.bilibili.com/"_s, bili, UrlKind::Unknown,
       u"https://www.bilibili.com/"_s);

    // Other sites
    ok("vimeo", u"https://vimeo.com/76979871"_s, other, UrlKind::Unknown, u"https://vimeo.com/76979871"_s);
    ok("other site loses utm but keeps everything else",
       u"https://example.org/watch?utm_source=x&id=5&feature=keep&si=keep&from=a&utm_medium=y"_s, other,
       UrlKind::Unknown, u"https://example.org/watch?id=5&feature=keep&si=keep&from=a"_s);
    ok("other site loses fbclid and gclid", u"https://example.org/a?fbclid=1&gclid=2"_s, other,
       UrlKind::Unknown, u"https://example.org/a"_s);
    ok("other site keeps yt-dlp smuggled fragment",
       u"https://example.org/v#__youtubedl_smuggle=%7B%22a%22%3A1%7D"_s, other, UrlKind::Unknown,
       u"https://example.org/v#__youtubedl_smuggle=%7B%22a%22%3A1%7D"_s);
    ok("loopback IPv4 with a port", u"http://127.0.0.1:8080/media/clip.mp4"_s, other, UrlKind::Unknown,
       u"http://127.0.0.1:8080/media/clip.mp4"_s);
    ok("loopback IPv6 with a port", u"http://[::1]:8080/clip.mp4"_s, other, UrlKind::Unknown,
       u"http://[::1]:8080/clip.mp4"_s);
    ok("international host becomes punycode", u"https://bücher.example/video"_s, other, UrlKind::Unknown,
       u"https://xn--bcher-kva.example/video"_s);
    ok("uppercase host is lowercased, path is not", u"https://EXAMPLE.ORG/Path/File"_s, other,
       UrlKind::Unknown, u"https://example.org/Path/File"_s);
    ok("youtube.com as a subdomain of another site", u"https://youtube.com.evil.example/watch?v=x"_s, other,
       UrlKind::Unknown, u"https://youtube.com.evil.example/watch?v=x"_s);
    ok("notyoutube.com is not youtube", u"https://notyoutube.com/watch?v=x"_s, other, UrlKind::Unknown,
       u"https://notyoutube.com/watch?v=x"_s);
    ok("bilibili.com as a subdomain of another site", u"https://www.bilibili.com.evil.example/video/BV1x"_s,
       other, UrlKind::Unknown, u"https://www.bilibili.com.evil.example/video/BV1x"_s);
    ok("youtube.com as user info is not youtube", u"https://youtube.com@evil.example/watch?v=x"_s, other,
       UrlKind::Unknown, u"https://youtube.com@evil.example/watch?v=x"_s);
    ok("space in path is encoded", u"https://example.org/a b"_s, other, UrlKind::Unknown,
       u"https://example.org/a%20b"_s);
    ok("non-ASCII path is percent-encoded", u"https://example.org/视频"_s, other, UrlKind::Unknown,
       u"https://example.org/%E8%A7%86%E9%A2%91"_s);
    ok("IPv4 written as one number is canonicalised", u"http://2130706433/a"_s, other, UrlKind::Unknown,
       u"http://127.0.0.1/a"_s);
    ok("empty query items survive on other sites", u"https://example.org/?a=1&&b=2&utm_id=3"_s, other,
       UrlKind::Unknown, u"https://example.org/?a=1&&b=2"_s);
    ok("a URL of exactly 4096 bytes is accepted", u"https://example.org/"_s + QString(4096 - 20, u'a'), other,
       UrlKind::Unknown, u"https://example.org/"_s + QString(4096 - 20, u'a'));

    // Hostile or useless input
    refused("long option", u"--exec=rm -rf ~"_s, UrlRejection::LooksLikeOption);
    refused("short option with a path", u"-o/etc/passwd"_s, UrlRejection::LooksLikeOption);
    refused("option with an argument", u"--config-location x"_s, UrlRejection::LooksLikeOption);
    refused("option after a space", u" -f best"_s, UrlRejection::LooksLikeOption);
    refused("dash in front of a real link", u"-https://youtu.be/dQw4w9WgXcQ"_s,
            UrlRejection::LooksLikeOption);
    refused("double dash alone", u"--"_s, UrlRejection::LooksLikeOption);
    refused("option beats too long", u"-"_s + QString(5000, u'x'), UrlRejection::LooksLikeOption);
    refused("option beats control characters", u"-\u202e"_s, UrlRejection::LooksLikeOption);
    refused("local file", u"file:///etc/passwd"_s, UrlRejection::NotHttp);
    refused("javascript", u"javascript:alert(1)"_s, UrlRejection::NotHttp);
    refused("data URL", u"data:text/html,x"_s, UrlRejection::NotHttp);
    refused("ftp", u"ftp://example.org/a"_s, UrlRejection::NotHttp);
    refused("mail link", u"mailto:someone@example.org"_s, UrlRejection::NotHttp);
    refused("bare other site has no scheme to add", u"example.org/video"_s, UrlRejection::NotHttp);
    refused("bare look-alike host is not completed", u"youtube.com.evil.example/watch?v=x"_s,
            UrlRejection::NotHttp);
    refused("plain words", u"just some words"_s, UrlRejection::NotHttp);
    refused("localhost", u"http://localhost/a"_s, UrlRejection::BadHost);
    refused("uppercase localhost with port", u"http://LOCALHOST:8080/"_s, UrlRejection::BadHost);
    refused("localhost with trailing dot", u"http://localhost./a"_s, UrlRejection::BadHost);
    refused("intranet name", u"http://intranet/a"_s, UrlRejection::BadHost);
    refused("scheme with nothing after", u"http://"_s, UrlRejection::BadHost);
    refused("scheme with an empty host", u"https:///path"_s, UrlRejection::BadHost);
    refused("empty", QString(), UrlRejection::Empty);
    refused("only whitespace", u"   \t\n"_s, UrlRejection::Empty);
    refused("5000 character URL", u"https://example.org/"_s + QString(5000, u'a'), UrlRejection::TooLong);
    refused("4097 bytes of UTF-8 in fewer characters",
            u"https://example.org/"_s + QString(1359, QChar(0x89c6)), UrlRejection::TooLong);
    refused("3920 bytes as pasted, three times that once percent-encoded",
            u"https://example.org/"_s + QString(1300, QChar(0x89c6)), UrlRejection::TooLong);
    refused("NUL byte inside", u"https://youtu.be/dQw4\0w9WgXcQ"_s, UrlRejection::Malformed);
    refused("tab inside", u"https://example.org/a\tb"_s, UrlRejection::Malformed);
    refused("right-to-left override inside", u"https://example.org/\u202egpj.exe"_s, UrlRejection::Malformed);
    refused("left-to-right isolate inside", u"https://example.org/a\u2066b"_s, UrlRejection::Malformed);
    refused("left-to-right mark inside", u"https://youtu.be/dQw4\u200ew9WgXcQ"_s, UrlRejection::Malformed);
    refused("lone surrogate inside", u"https://example.org/a"_s + QChar(0xd800) + u"b"_s,
            UrlRejection::Malformed);
    // Invalid UTF-8 on a command line, the clipboard or a drop reaches Gravity decoded, with U+FFFD in place
    // of each bad byte: the link the user meant is not known.
    refused("invalid UTF-8 decoded into replacement characters",
            QString::fromUtf8("https://example.org/v\xff\xfe.mp4"), UrlRejection::Malformed);
    refused("invalid UTF-8 in the host", QString::fromUtf8("https://exa\xc3mple.org/"),
            UrlRejection::Malformed);
    refused("empty label in the host", u"https://a..example/"_s, UrlRejection::Malformed);
    refused("space inside the host", u"https://exa mple.org/"_s, UrlRejection::Malformed);
}

void TestUrlRecognizer::recognize()
{
    QFETCH(QString, input);
    QFETCH(Platform, platform);
    QFETCH(UrlKind, kind);
    QFETCH(UrlRejection, rejection);
    QFETCH(QString, normalized);

    const RecognizedUrl url = recognizeUrl(input);
    QCOMPARE(rejectionId(url.rejection), rejectionId(rejection));
    QCOMPARE(url.normalized, normalized);
    QCOMPARE(url.input, QStringView(input).trimmed().toString());
    QCOMPARE(url.isValid(), rejection == UrlRejection::None);
    if (url.isValid()) {
        QCOMPARE(platformId(url.platform), platformId(platform));
        QCOMPARE(kindName(url.kind), kindName(kind));
        QVERIFY(isAscii(url.normalized));
        QVERIFY(!url.normalized.startsWith(u'-'));
    }
}

void TestUrlRecognizer::extract_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("bilibili share text in Chinese")
        << u"【标题】 https://www.bilibili.com/video/BV1xx411c7mD?p=2 分享自哔哩哔哩"_s
        << QStringList{u"https://www.bilibili.com/video/BV1xx411c7mD?p=2"_s};
    QTest::newRow("short link followed by full-width punctuation")
        << u"【【4K】某视频-哔哩哔哩】 https://b23.tv/AbC123x，快来看！"_s
        << QStringList{u"https://b23.tv/AbC123x"_s};
    QTest::newRow("link glued to Chinese punctuation on both sides")
        << u"看这个：https://www.bilibili.com/video/BV1GJ411x7h7?spm_id_from=333.1007。）】还有（https://youtu.be/abc）"_s
        << QStringList{u"https://www.bilibili.com/video/BV1GJ411x7h7"_s, u"https://youtu.be/abc"_s};
    QTest::newRow("many lines mixed with words and bare hosts")
        << u"first https://youtu.be/aaa\nsecond line: youtube.com/watch?v=bbb&si=q\r\n"
           u"third www.bilibili.com/video/BV1ccc and b23.tv/ddd\nnot a link: example dot com"_s
        << QStringList{u"https://youtu.be/aaa"_s, u"https://youtube.com/watch?v=bbb"_s,
                       u"https://www.bilibili.com/video/BV1ccc"_s, u"https://b23.tv/ddd"_s};
    QTest::newRow("angle brackets") << u"<https://example.org/a?utm_source=x> and <https://vimeo.com/1>"_s
                                    << QStringList{u"https://example.org/a"_s, u"https://vimeo.com/1"_s};
    QTest::newRow("double, single and typographic quotes")
        << u"\"https://youtu.be/q1\" and 'https://youtu.be/q2' and “https://youtu.be/q3”"_s
        << QStringList{u"https://youtu.be/q1"_s, u"https://youtu.be/q2"_s, u"https://youtu.be/q3"_s};
    QTest::newRow("trailing punctuation stripped, balanced parentheses kept")
        << u"See https://example.org/a. Or https://example.org/b, or (https://example.org/c)! "
           u"Wiki https://en.wikipedia.org/wiki/Foo_(bar). Really https://example.org/d?"_s
        << QStringList{u"https://example.org/a"_s, u"https://example.org/b"_s, u"https://example.org/c"_s,
                       u"https://en.wikipedia.org/wiki/Foo_(bar)"_s, u"https://example.org/d"_s};
    QTest::newRow("markdown link") << u"[video](https://youtu.be/abc) [[https://youtu.be/def]]"_s
                                   << QStringList{u"https://youtu.be/abc"_s, u"https://youtu.be/def"_s};
    QTest::newRow("duplicates by normalised form")
        << u"https://youtu.be/x?si=1 https://youtu.be/x?si=2\nyoutu.be/x https://YOUTU.BE/x"_s
        << QStringList{u"https://youtu.be/x"_s};
    QTest::newRow("refused links are reported with their reason")
        << u"ftp://x.org/a then javascript:alert(1) then http://localhost/a and file:///etc/passwd"_s
        << QStringList{u"not-http ftp://x.org/a"_s, u"not-http javascript:alert(1)"_s,
                       u"bad-host http://localhost/a"_s, u"not-http file:///etc/passwd"_s};
    QTest::newRow("ordinary words are not links")
        << u"hello world, this is not: a link. youtube.com rocks, -o out --exec x data: note:"_s
        << QStringList{};
    QTest::newRow("scheme glued to a word")
        << u"watch this:https://youtu.be/abc and this.http://example.org/x"_s
        << QStringList{u"https://youtu.be/abc"_s, u"http://example.org/x"_s};
    QTest::newRow("NUL bytes between links are separators only when whitespace is")
        << u"junk\0\0 https://youtu.be/abc \0 more https://youtu.be/abc\0def"_s
        << QStringList{u"https://youtu.be/abc"_s, u"malformed https://youtu.be/abc\0def"_s};
    QTest::newRow("bidi override inside a link refuses the whole link")
        << u"https://example.org/\u202egpj.exe"_s
        << QStringList{u"malformed https://example.org/\u202egpj.exe"_s};
    QTest::newRow("nothing at all") << QString() << QStringList{};
}

void TestUrlRecognizer::extract()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    QCOMPARE(describe(extractUrls(text)), expected);
}

void TestUrlRecognizer::extractFromAMegabyte()
{
    const QStringList words{u"lorem"_s, u"ipsum"_s, u"视频"_s, u"dolor,"_s, u"sit."_s, u"amet\n"_s, u"a:b"_s};
    QString text;
    text.reserve(1 << 20);
    int n = 0;
    while (text.size() < (1 << 20)) {
        text += words[n % words.size()] + u' ';
        if (n == 1000)
            text += u"https://youtu.be/first "_s;
        if (n == 80000)
            text += u"【分享】https://b23.tv/middle，"_s;
        ++n;
    }
    text += u" youtube.com/watch?v=last."_s;

    QElapsedTimer timer;
    timer.start();
    const QStringList found = describe(extractUrls(text));
    QCOMPARE(found, (QStringList{u"https://youtu.be/first"_s, u"https://b23.tv/middle"_s,
                                 u"https://youtube.com/watch?v=last"_s}));
    QVERIFY2(timer.elapsed() < 5000, "a megabyte of text must be scanned in linear time");
}

void TestUrlRecognizer::extractSurvivesHostileText()
{
    QElapsedTimer timer;
    timer.start();

    // One megabyte-long token full of scheme separators: one refused candidate, not a million.
    QString separators;
    for (int i = 0; i < (1 << 18); ++i)
        separators += u"a://"_s;
    const QList<RecognizedUrl> one = extractUrls(separators);
    QCOMPARE(one.size(), 1);
    QCOMPARE(rejectionId(one.front().rejection), u"too-long"_s);

    // Unbalanced brackets, control bytes and lone surrogates must not slow the scan down or crash it.
    QString junk = u"https://example.org/"_s + QString(1 << 20, u')');
    QCOMPARE(describe(extractUrls(junk)).size(), 1);
    junk.fill(QChar(0xd800), 1 << 20);
    QVERIFY(extractUrls(junk).isEmpty());
    junk.fill(QChar(0), 1 << 20);
    QVERIFY(extractUrls(junk).isEmpty());
    QString spaced;
    for (int i = 0; i < (1 << 17); ++i)
        spaced += u"x:// "_s;
    QCOMPARE(extractUrls(spaced).size(), 0);
    QVERIFY2(timer.elapsed() < 5000, "hostile text must be scanned in linear time");
}

void TestUrlRecognizer::everyRejectionHasTextAndId()
{
    const UrlRejection all[] = {UrlRejection::Empty,   UrlRejection::LooksLikeOption,
                                UrlRejection::NotHttp, UrlRejection::TooLong,
                                UrlRejection::BadHost, UrlRejection::Malformed};
    QStringList ids;
    for (const UrlRejection rejection : all) {
        QVERIFY(!rejectionText(rejection).isEmpty());
        QVERIFY(!rejectionId(rejection).isEmpty());
        QVERIFY(!ids.contains(rejectionId(rejection)));
        ids << rejectionId(rejection);
    }
    QCOMPARE(ids, (QStringList{u"empty"_s, u"option"_s, u"not-http"_s, u"too-long"_s, u"bad-host"_s,
                               u"malformed"_s}));
    QVERIFY(rejectionText(UrlRejection::None).isEmpty());
    QVERIFY(rejectionId(UrlRejection::None).isEmpty());
}

QTEST_GUILESS_MAIN(TestUrlRecognizer)
#include "tst_urlrecognizer.moc"
