#include "downloaderror.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Gravity;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Gravity::ErrorKind)

namespace Gravity {
// Failures name the kind ("geo-blocked"), not its number; found by QTest through ADL.
char *toString(ErrorKind kind)
{
    return qstrdup(kind == ErrorKind::None ? "none" : qPrintable(errorKindId(kind)));
}
} // namespace Gravity

namespace {

// How raise_login_required ends its message in yt-dlp.
const QString cookiesHint =
    u". Use --cookies-from-browser or --cookies for the authentication. See  "
    u"https://github.com/yt-dlp/yt-dlp/wiki/FAQ#how-do-i-pass-cookies-to-yt-dlp  for how to "
    u"manually pass cookies"_s;
const QString credentialsHint =
    u". Use --cookies, --cookies-from-browser, --username and --password, --netrc-cmd, "
    u"or --netrc (twitter) to provide account credentials"_s;
const QString reportHint =
    u"; please report this issue on  https://github.com/yt-dlp/yt-dlp/issues?q= , filling "
    u"out the appropriate issue template. Confirm you are on the latest version using  "
    u"yt-dlp -U"_s;

// The ERROR line of the captured 404 run, without its "ERROR: " (as OutputParser hands it over).
QString captured404()
{
    QFile file(QStringLiteral(GRAVITY_TEST_DATA "/output/http-404.stderr"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith("ERROR: "))
            return QString::fromUtf8(line.sliced(7));
    }
    return {};
}

QList<ErrorKind> allKinds()
{
    QList<ErrorKind> kinds;
    for (int kind = int(ErrorKind::None); kind <= int(ErrorKind::Unknown); ++kind)
        kinds.append(ErrorKind(kind));
    return kinds;
}

} // namespace

class TestDownloadError final : public QObject
{
    Q_OBJECT

private slots:
    void classify_data();
    void classify();
    void everyKindHasWordsAndAnId();
    void loginTextPointsToCookies();
};

void TestDownloadError::classify_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<ErrorKind>("kind");

    // Login, cookies, membership
    QTest::newRow("YouTube wants proof it is not a bot")
        << QString(u"[youtube] dQw4w9WgXcQ: Sign in to confirm you’re not a bot"_s + cookiesHint)
        << ErrorKind::LoginRequired;
    QTest::newRow("YouTube wants proof of age")
        << QString(
               u"[youtube] dQw4w9WgXcQ: Sign in to confirm your age. This video may be inappropriate for some users"_s +
               cookiesHint)
        << ErrorKind::LoginRequired;
    QTest::newRow("a YouTube members-only video") << u"[youtube] dQw4w9WgXcQ: Join this channel to get "
                                                     u"access to members-only content like this video, and "
                                                     u"other exclusive perks."_s
                                                  << ErrorKind::LoginRequired;
    QTest::newRow("a YouTube video that must be bought")
        << u"[youtube] dQw4w9WgXcQ: This video requires payment to watch."_s << ErrorKind::LoginRequired;
    QTest::newRow("Bilibili tiers that need a premium login")
        << QString(u"[BiliBili] BV1GJ411x7h7: Format(s) 1080P 高码率, 4K 超清 are missing; you have to login "
                   u"or become premium "
                   u"member to download them"_s +
                   cookiesHint)
        << ErrorKind::LoginRequired;
    QTest::newRow("a Bilibili bangumi episode for premium members only")
        << QString(u"[bilibili:bangumi] 339061: This video is for premium members only"_s + cookiesHint)
        << ErrorKind::LoginRequired;
    QTest::newRow("a Twitter NSFW post")
        << QString(u"[twitter] 1575560063510810624: NSFW tweet requires authentication"_s + credentialsHint)
        << ErrorKind::LoginRequired;
    QTest::newRow("Instagram says not available, but means log in")
        << QString(
               u"[Instagram] CqK7ptOMWNK: Requested content is not available, rate-limit reached or login required"_s +
               credentialsHint)
        << ErrorKind::LoginRequired;

    // Gone or private
    QTest::newRow("a private YouTube video")
        << u"[youtube] dQw4w9WgXcQ: Private video. Sign in if you've been granted access to this video"_s
        << ErrorKind::Unavailable;
    QTest::newRow("a private YouTube video, even with yt-dlp's cookie hint")
        << QString(
               u"[youtube] dQw4w9WgXcQ: Private video. Sign in if you've been granted access to this video"_s +
               cookiesHint)
        << ErrorKind::Unavailable;
    QTest::newRow("a video removed by its uploader")
        << u"[youtube] dQw4w9WgXcQ: Video unavailable. This video has been removed by the uploader"_s
        << ErrorKind::Unavailable;
    QTest::newRow("a video whose account was terminated")
        << u"[youtube] dQw4w9WgXcQ: Video unavailable. This video is no longer available because the YouTube "
           u"account associated with this video has been terminated."_s
        << ErrorKind::Unavailable;
    QTest::newRow("a live stream with no recording is gone, not live")
        << u"[youtube] dQw4w9WgXcQ: This live stream recording is not available."_s << ErrorKind::Unavailable;
    QTest::newRow("a channel that does not exist")
        << u"[youtube:tab] UCxxxxxxxxxxxxxxxxxxxxxx: This channel does not exist."_s
        << ErrorKind::Unavailable;

    // Region
    QTest::newRow("Bilibili deleted or geo-restricted: a proxy is the advice")
        << u"[BiliBili] BV1GJ411x7h7: This video may be deleted or geo-restricted. You might want to try a "
           u"VPN or a "
           u"proxy server (with --proxy)"_s
        << ErrorKind::GeoBlocked;
    QTest::newRow("YouTube: the uploader has not made it available in this country")
        << u"[youtube] dQw4w9WgXcQ: The uploader has not made this video available in your country"_s
        << ErrorKind::GeoBlocked;
    QTest::newRow("the whole stderr tail of a geo block, with yt-dlp's VPN advice")
        << u"ERROR: [youtube] dQw4w9WgXcQ: Video unavailable. The uploader has not made this video available "
           u"in your "
           u"country\nThis video is available in Japan.\nYou might want to use a VPN or a proxy server (with "
           u"--proxy) to workaround."_s
        << ErrorKind::GeoBlocked;
    QTest::newRow("yt-dlp's own geo restriction message")
        << u"[BBC] p0abcdef: This video is not available from your location due to geo restriction"_s
        << ErrorKind::GeoBlocked;
    QTest::newRow("Bilibili's Chinese region message")
        << u"[BiliBili] BV1GJ411x7h7: 抱歉您所在地区不可观看！"_s << ErrorKind::GeoBlocked;

    // Not yet
    QTest::newRow("a live event that has not begun")
        << u"[youtube] dQw4w9WgXcQ: This live event will begin in 3 hours."_s << ErrorKind::LiveNotSupported;
    QTest::newRow("a premiere that has not started")
        << u"[youtube] dQw4w9WgXcQ: Premieres in 12 hours"_s << ErrorKind::LiveNotSupported;

    // Links and formats
    QTest::newRow("a site yt-dlp does not know")
        << u"Unsupported URL: https://example.org/"_s << ErrorKind::UnsupportedUrl;
    QTest::newRow("an unsupported URL whose path reads like another error")
        << u"Unsupported URL: https://example.org/private-video-is-not-available"_s
        << ErrorKind::UnsupportedUrl;
    QTest::newRow("text that is not a URL at all") << u"'hello' is not a valid URL. Set --default-search "
                                                      u"\"ytsearch\" (or run  yt-dlp \"ytsearch:hello\" ) to "
                                                      u"search YouTube"_s
                                                   << ErrorKind::UnsupportedUrl;
    QTest::newRow("a picked format that does not exist")
        << u"[youtube] dQw4w9WgXcQ: Requested format is not available. Use --list-formats for a list of "
           u"available "
           u"formats"_s
        << ErrorKind::FormatUnavailable;

    // The disk
    QTest::newRow("no space left while writing")
        << u"unable to open for writing: [Errno 28] No space left on device"_s << ErrorKind::DiskFull;
    QTest::newRow("no space left in the middle of a download")
        << u"unable to write data: [Errno 28] No space left on device"_s << ErrorKind::DiskFull;
    QTest::newRow("over the disk quota")
        << u"[Errno 122] Disk quota exceeded: '/home/u/x.mp4.part'"_s << ErrorKind::DiskFull;
    QTest::newRow("a folder that may not be written")
        << u"[Errno 13] Permission denied: '/root/x.mp4'"_s << ErrorKind::NotWritable;
    QTest::newRow("a part file that may not be opened")
        << u"unable to open for writing: [Errno 13] Permission denied: '/root/Videos/x.mp4.part'"_s
        << ErrorKind::NotWritable;
    QTest::newRow("a read-only disk")
        << u"[Errno 30] Read-only file system: '/media/cd/x.mp4.part'"_s << ErrorKind::NotWritable;

    // The network
    QTest::newRow("the server refuses connections")
        << u"[generic] example: Unable to download webpage: <urlopen error [Errno 111] Connection refused> "
           u"(caused by URLError(ConnectionRefusedError(111, 'Connection refused')))"_s
        << ErrorKind::NetworkUnreachable;
    QTest::newRow("the name does not resolve")
        << u"Unable to download webpage: <urlopen error [Errno -2] Name or service not known>"_s
        << ErrorKind::NetworkUnreachable;
    QTest::newRow("DNS is down")
        << u"Unable to download webpage: <urlopen error [Errno -3] Temporary failure in "
           u"name resolution>"_s
        << ErrorKind::NetworkUnreachable;
    QTest::newRow("no network at all")
        << u"Unable to download webpage: <urlopen error [Errno 101] Network is unreachable>"_s
        << ErrorKind::NetworkUnreachable;
    QTest::newRow("the connection is reset") << u"Unable to download webpage: ('Connection aborted.', "
                                                u"ConnectionResetError(104, 'Connection reset by "
                                                u"peer'))"_s
                                             << ErrorKind::NetworkUnreachable;
    QTest::newRow("every connection reset before the first byte: yt-dlp blames a missing part file")
        << u"ERROR: unable to download video data: [Errno 2] No such file or directory: "
           u"'/home/me/Videos/Clip [x].mp4.part'"_s
        << ErrorKind::NetworkUnreachable;
    QTest::newRow("a read that timed out") << u"Read timed out"_s << ErrorKind::NetworkUnreachable;
    QTest::newRow("a fragment download that got nothing")
        << u"Did not get any data blocks"_s << ErrorKind::NetworkUnreachable;
    QTest::newRow("a download cut short")
        << u"content too short (expected 107313 bytes and served 4096)"_s << ErrorKind::NetworkUnreachable;

    // The server
    QTest::newRow("a forbidden download") << u"HTTP Error 403: Forbidden"_s << ErrorKind::HttpError;
    QTest::newRow("a forbidden stream")
        << u"unable to download video data: HTTP Error 403: Forbidden"_s << ErrorKind::HttpError;
    QTest::newRow("too many requests") << u"[youtube] dQw4w9WgXcQ: Unable to download API page: HTTP Error "
                                          u"429: Too Many Requests (caused by "
                                          u"<HTTPError 429: 'Too Many Requests'>)"_s
                                       << ErrorKind::HttpError;
    QTest::newRow("the captured 404 run") << captured404() << ErrorKind::HttpError;
    QTest::newRow("a 404 with yt-dlp's report hint")
        << QString(u"[generic] None: Unable to download webpage: HTTP Error 404: Not Found"_s + reportHint)
        << ErrorKind::HttpError;

    // Tools
    QTest::newRow("ffmpeg is missing") << u"ffmpeg not found. Please install or provide the path using "
                                          u"--ffmpeg-location"_s
                                       << ErrorKind::FfmpegMissing;
    QTest::newRow("ffprobe and ffmpeg are missing while postprocessing")
        << u"Postprocessing: ffprobe and ffmpeg not found. Please install or provide the path using "
           u"--ffmpeg-location"_s
        << ErrorKind::FfmpegMissing;
    QTest::newRow("a fragment the server kept refusing")
        << u"ERROR: fragment 2 not found, unable to continue"_s << ErrorKind::HttpError;
    QTest::newRow("ffmpeg fails while merging")
        << u"ERROR: Postprocessing: Conversion failed!"_s << ErrorKind::PostProcessFailed;
    QTest::newRow("no space while converting")
        << u"ERROR: Postprocessing: audio conversion failed: No space left on device"_s
        << ErrorKind::DiskFull;
    QTest::newRow("merging needs ffmpeg")
        << u"You have requested merging of multiple formats but ffmpeg is not installed. Aborting due to "
           u"--abort-on-error"_s
        << ErrorKind::FfmpegMissing;
    QTest::newRow("yt-dlp is older than an option Gravity uses")
        << u"yt-dlp: error: no such option: --progress-template"_s << ErrorKind::YtDlpTooOld;
    QTest::newRow("the whole stderr tail of an old yt-dlp")
        << u"Usage: yt-dlp [OPTIONS] URL [URL...]\n\nyt-dlp: error: no such option: --no-simulate"_s
        << ErrorKind::YtDlpTooOld;

    // Nothing known
    QTest::newRow("garbage is unknown") << u"\u0001\u0002 ☃ zzz qqq"_s << ErrorKind::Unknown;
    QTest::newRow("blanks are unknown") << u" \t\n "_s << ErrorKind::Unknown;
    QTest::newRow("empty is unknown") << QString() << ErrorKind::Unknown;
}

void TestDownloadError::classify()
{
    QFETCH(QString, message);
    QTEST(classifyYtDlpError(message), "kind");
    // yt-dlp's prefix and shouting do not change the kind.
    QTEST(classifyYtDlpError(QString(u"ERROR: "_s + message.toUpper())), "kind");
}

void TestDownloadError::everyKindHasWordsAndAnId()
{
    static const QRegularExpression idShape(u"^[a-z0-9]+(-[a-z0-9]+)*$"_s);
    QSet<QString> ids;
    for (ErrorKind kind : allKinds()) {
        if (kind == ErrorKind::None) {
            QVERIFY(errorKindText(kind).isEmpty());
            QVERIFY(errorKindId(kind).isEmpty());
            continue;
        }
        const QString id = errorKindId(kind);
        QVERIFY2(!errorKindText(kind).isEmpty(), qPrintable(id));
        QVERIFY2(idShape.match(id).hasMatch(), qPrintable(id));
        QVERIFY2(!ids.contains(id), qPrintable(id));
        ids.insert(id);
    }
    QCOMPARE(ids.size(), allKinds().size() - 1);
}

void TestDownloadError::loginTextPointsToCookies()
{
    QVERIFY(errorKindText(ErrorKind::LoginRequired).contains(u"cookies", Qt::CaseInsensitive));
    QVERIFY(errorKindText(ErrorKind::GeoBlocked).contains(u"proxy", Qt::CaseInsensitive));
}

QTEST_GUILESS_MAIN(TestDownloadError)
#include "tst_downloaderror.moc"
