#include "infojsonparser.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>

using namespace Gravity;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Gravity::Platform)

namespace {

QByteArray readInfo(const QString &name)
{
    QFile file(QStringLiteral(GRAVITY_TEST_DATA "/info/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

MediaInfo parseOrFail(const QByteArray &json, bool *ok)
{
    const InfoParseResult result = parseInfoJson(json);
    *ok = result.info.has_value() && result.error.isEmpty();
    if (!*ok)
        qWarning() << "parse failed:" << result.error;
    return result.info.value_or(MediaInfo{});
}

// One named property of a parse result, for the rows that check a single field.
QVariant fieldOf(const MediaInfo &info, QStringView field)
{
    const MediaFormat format = info.formats.value(0);
    const PlaylistEntry entry = info.entries.value(0);
    const std::pair<QStringView, QVariant> fields[] = {
        {u"id", info.id},
        {u"title", info.title},
        {u"uploader", info.uploader},
        {u"thumbnail", info.thumbnail},
        {u"webpageUrl", info.webpageUrl},
        {u"extractor", info.extractor},
        {u"duration", info.duration},
        {u"viewCount", info.viewCount},
        {u"uploadDate", info.uploadDate},
        {u"isLive", info.isLive},
        {u"isPlaylist", info.isPlaylist},
        {u"formats", int(info.formats.size())},
        {u"entries", int(info.entries.size())},
        {u"chapters", int(info.chapters.size())},
        {u"subtitles", int(info.subtitles.size())},
        {u"format.id", format.formatId},
        {u"format.width", format.width},
        {u"format.height", format.height},
        {u"format.fps", format.fps},
        {u"format.filesize", format.filesize},
        {u"format.note", format.formatNote},
        {u"entry.title", entry.title},
        {u"entry.url", entry.url},
        {u"entry.index", entry.index},
    };
    for (const auto &[name, value] : fields) {
        if (name == field)
            return value;
    }
    return {};
}

} // namespace

class TestInfoJsonParser final : public QObject
{
    Q_OBJECT

private slots:
    void theUsersCookiesAreNotKeptInTheSavedInfo();
    void parsesEveryFixture_data();
    void parsesEveryFixture();
    void hlsCaptureHasSplitVideoAndAnAudioGroup();
    void feedIsAFlatPlaylistOfThreeClips();
    void youtubeVideoDetails();
    void youtubeFlatPlaylistSkipsUnavailableEntries();
    void bilibiliKeepsItsTierNamesAndParts();
    void singleFields_data();
    void singleFields();
    void platform_data();
    void platform();
    void formatKinds_data();
    void formatKinds();
    void errors_data();
    void errors();
    void everyCutOfEveryFixtureIsAnError();
    void fiftyMegabyteDocumentParses();
};

void TestInfoJsonParser::parsesEveryFixture_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("title");
    QTest::addColumn<Platform>("platform");
    QTest::addColumn<bool>("isPlaylist");
    QTest::addColumn<int>("formats");
    QTest::addColumn<int>("entries");
    QTest::addColumn<int>("maxHeight");
    QTest::addColumn<bool>("anyVideo");
    QTest::addColumn<bool>("anyAudio");

    // The generic page's only format names no codecs and no size ("0 - unknown"): like yt-dlp, Gravity
    // takes it to hold both video and audio.
    QTest::newRow("a generic HTML page gives one format that may hold both")
        << u"generic-page.json"_s << u"page-1"_s << u"Gravity Test Clip (1)"_s << Platform::Other << false
        << 1 << 0 << 0 << true << true;
    QTest::newRow("an HLS master gives two video variants and an audio group")
        << u"generic-hls.json"_s << u"master"_s << u"master"_s << Platform::Other << false << 3 << 0 << 720
        << true << true;
    QTest::newRow("an RSS feed listed flat is a playlist of three")
        << u"generic-feed-flat.json"_s << u"http://127.0.0.1:18765/feed.xml"_s << u"Gravity Test Feed"_s
        << Platform::Other << true << 0 << 3 << 0 << false << false;
    QTest::newRow("a YouTube video lists DASH tiers up to 2160p")
        << u"youtube-video.json"_s << u"aqz-KE-bpKQ"_s
        << u"Big Buck Bunny 60fps 4K - Official Blender Foundation Short Film"_s << Platform::YouTube << false
        << 14 << 0 << 2160 << true << true;
    QTest::newRow("a flat YouTube playlist keeps four of five entries")
        << u"youtube-playlist-flat.json"_s << u"PLav8fgy-lHGrzVkk5q7vb5BRzNvYQf9l0"_s
        << u"Blender Open Movies"_s << Platform::YouTube << true << 0 << 4 << 0 << false << false;
    QTest::newRow("a YouTube live stream lists HLS tiers up to 1080p")
        << u"youtube-live.json"_s << u"jfKfPfyJRdk"_s
        << u"lofi hip hop radio 📚 - beats to relax/study to 2023-11-14 09:12"_s << Platform::YouTube << false
        << 6 << 0 << 1080 << true << true;
    QTest::newRow("a Bilibili video lists premium tiers up to 4K")
        << u"bilibili-video.json"_s << u"BV1xx411c7mD_p1"_s
        << u"【4K】引力测试：一只兔子的奇妙冒险 p01 开场白"_s << Platform::Bilibili << false << 13 << 0
        << 2160 << true << true;
    QTest::newRow("a Bilibili video in three parts is a playlist")
        << u"bilibili-multipart.json"_s << u"BV1xx411c7mD"_s << u"【4K】引力测试：一只兔子的奇妙冒险"_s
        << Platform::Bilibili << true << 0 << 3 << 0 << false << false;
}

void TestInfoJsonParser::parsesEveryFixture()
{
    QFETCH(QString, file);
    const QByteArray json = readInfo(file);
    QVERIFY2(!json.isEmpty(), qPrintable(file));

    bool ok = false;
    const MediaInfo info = parseOrFail(json, &ok);
    QVERIFY(ok);
    QTEST(info.id, "id");
    QTEST(info.title, "title");
    QTEST(info.platform, "platform");
    QTEST(info.isPlaylist, "isPlaylist");
    QTEST(int(info.formats.size()), "formats");
    QTEST(int(info.entries.size()), "entries");
    QTEST(info.maxHeight(), "maxHeight");
    const auto any = [&](auto predicate) {
        return std::any_of(info.formats.cbegin(), info.formats.cend(), predicate);
    };
    QTEST(any([](const MediaFormat &f) { return f.hasVideo(); }), "anyVideo");
    QTEST(any([](const MediaFormat &f) { return f.hasAudio(); }), "anyAudio");
    QCOMPARE(info.rawJson, json);
}

void TestInfoJsonParser::hlsCaptureHasSplitVideoAndAnAudioGroup()
{
    bool ok = false;
    const MediaInfo info = parseOrFail(readInfo(u"generic-hls.json"_s), &ok);
    QVERIFY(ok);
    QStringList videoOnly;
    QStringList audioOnly;
    for (const MediaFormat &format : info.formats) {
        if (format.hasVideo() && !format.hasAudio())
            videoOnly.append(format.formatId);
        else if (format.hasAudio() && !format.hasVideo())
            audioOnly.append(format.formatId);
    }
    QCOMPARE(videoOnly, (QStringList{u"800"_s, u"2000"_s}));
    QCOMPARE(audioOnly, QStringList{u"aud-English"_s});
    const MediaFormat *audio = info.findFormat(u"aud-English");
    QVERIFY(audio);
    QCOMPARE(audio->language, u"en"_s);
    QCOMPARE(audio->protocol, u"m3u8_native"_s);
    QCOMPARE(info.findFormat(u"2000")->height, 720);
    QCOMPARE(info.findFormat(u"2000")->tbr, 2000.0);
    QVERIFY(!info.findFormat(u"2000+aud-English"));
}

void TestInfoJsonParser::feedIsAFlatPlaylistOfThreeClips()
{
    bool ok = false;
    const MediaInfo info = parseOrFail(readInfo(u"generic-feed-flat.json"_s), &ok);
    QVERIFY(ok);
    QCOMPARE(info.extractor, u"Generic"_s);
    const QStringList titles{u"First clip"_s, u"Second clip"_s, u"Third clip"_s};
    QCOMPARE(info.entries.size(), titles.size());
    for (int i = 0; i < titles.size(); ++i) {
        const PlaylistEntry &entry = info.entries.at(i);
        QCOMPARE(entry.title, titles.at(i));
        QCOMPARE(entry.index, i + 1);
        // passed on as given, smuggled data included
        QVERIFY2(entry.url.startsWith(u"http://127.0.0.1:18765/clip" + QString::number(i + 1) + u".mp4#"),
                 qPrintable(entry.url));
        QCOMPARE(entry.duration, 0.0);
    }
}

void TestInfoJsonParser::youtubeVideoDetails()
{
    bool ok = false;
    const MediaInfo info = parseOrFail(readInfo(u"youtube-video.json"_s), &ok);
    QVERIFY(ok);
    QCOMPARE(info.uploader, u"Blender"_s);
    QCOMPARE(info.duration, 635.0);
    QCOMPARE(info.uploadDate, QDate(2014, 11, 10));
    QCOMPARE(info.viewCount, qint64(17712345));
    QCOMPARE(info.webpageUrl, u"https://www.youtube.com/watch?v=aqz-KE-bpKQ"_s);
    QCOMPARE(info.thumbnail, u"https://i.ytimg.com/vi/aqz-KE-bpKQ/maxresdefault.jpg"_s);
    QVERIFY(!info.isLive);

    QCOMPARE(info.subtitles.size(), 2);
    QCOMPARE(info.subtitles.at(0).language, u"en"_s);
    QCOMPARE(info.subtitles.at(1).language, u"zh-Hans"_s);
    QCOMPARE(info.subtitles.at(1).name, u"Chinese (Simplified)"_s);
    QVERIFY(info.subtitles.at(0).exts.contains(u"vtt"_s));
    QStringList automatic;
    for (const SubtitleTrack &track : info.automaticCaptions)
        automatic.append(track.language);
    QCOMPARE(automatic, (QStringList{u"de"_s, u"en"_s, u"fr"_s, u"ja"_s}));

    QCOMPARE(info.chapters.size(), 3);
    QCOMPARE(info.chapters.at(1).title, u"The bunny wakes up"_s);
    QCOMPARE(info.chapters.at(1).startTime, 86.0);
    QCOMPARE(info.chapters.at(1).endTime, 402.5);

    const MediaFormat *storyboard = info.findFormat(u"sb0");
    QVERIFY(storyboard && !storyboard->hasVideo() && !storyboard->hasAudio());
    const MediaFormat *combined = info.findFormat(u"18");
    QVERIFY(combined && combined->hasVideo() && combined->hasAudio());
    const MediaFormat *audio = info.findFormat(u"140");
    QVERIFY(audio && audio->hasAudio() && !audio->hasVideo());
    QCOMPARE(audio->abr, 129.472);
    QCOMPARE(audio->sizeEstimate(), qint64(10281516));
    const MediaFormat *uhd = info.findFormat(u"313");
    QVERIFY(uhd && uhd->hasVideo() && !uhd->hasAudio());
    QCOMPARE(uhd->filesize, qint64(-1));
    QCOMPARE(uhd->sizeEstimate(), qint64(1449311000));
    QCOMPARE(uhd->fps, 60.0);
    QCOMPARE(uhd->dynamicRange, u"SDR"_s);
    QCOMPARE(uhd->formatNote, u"2160p60"_s);
    QVERIFY(!info.findFormat(u"313+251"));
}

void TestInfoJsonParser::youtubeFlatPlaylistSkipsUnavailableEntries()
{
    bool ok = false;
    const MediaInfo info = parseOrFail(readInfo(u"youtube-playlist-flat.json"_s), &ok);
    QVERIFY(ok);
    QCOMPARE(info.extractor, u"YoutubeTab"_s);
    QList<int> indexes;
    for (const PlaylistEntry &entry : info.entries) {
        indexes.append(entry.index);
        QCOMPARE(entry.url, u"https://www.youtube.com/watch?v=" + entry.id);
        QCOMPARE(entry.uploader, u"Blender"_s);
    }
    // the null third entry is skipped, the others keep their place for --playlist-items
    QCOMPARE(indexes, (QList<int>{1, 2, 4, 5}));
    QCOMPARE(info.entries.at(1).title, u"Sintel - Open Movie by Blender Foundation"_s);
    QCOMPARE(info.entries.at(1).duration, 888.0);
}

void TestInfoJsonParser::bilibiliKeepsItsTierNamesAndParts()
{
    bool ok = false;
    const MediaInfo video = parseOrFail(readInfo(u"bilibili-video.json"_s), &ok);
    QVERIFY(ok);
    QCOMPARE(video.uploader, u"引力测试酱"_s);
    QCOMPARE(video.extractor, u"BiliBili"_s);
    QCOMPARE(video.uploadDate, QDate(2023, 1, 1));
    const QList<std::pair<QString, QString>> notes{
        {u"30080"_s, u"1080P 高清"_s}, {u"30064"_s, u"720P 高清"_s},  {u"30032"_s, u"480P 清晰"_s},
        {u"30016"_s, u"360P 流畅"_s},  {u"30116"_s, u"1080P 60帧"_s}, {u"30120"_s, u"4K 超清"_s}};
    for (const auto &[id, note] : notes) {
        const MediaFormat *format = video.findFormat(id);
        QVERIFY2(format, qPrintable(id));
        QCOMPARE(format->formatNote, note);
        QVERIFY(format->hasVideo() && !format->hasAudio());
    }
    QCOMPARE(video.findFormat(u"30077")->vcodec, u"hev1.1.6.L150.90"_s);
    for (const QString &id : {u"30280"_s, u"30232"_s, u"30216"_s}) {
        const MediaFormat *audio = video.findFormat(id);
        QVERIFY2(audio && audio->hasAudio() && !audio->hasVideo(), qPrintable(id));
    }
    QCOMPARE(video.subtitles.value(0).language, u"danmaku"_s);

    const MediaInfo parts = parseOrFail(readInfo(u"bilibili-multipart.json"_s), &ok);
    QVERIFY(ok);
    QCOMPARE(parts.entries.size(), 3);
    QCOMPARE(parts.entries.at(0).title, u"P1 开场白"_s);
    QCOMPARE(parts.entries.at(2).title, u"P3 大结局"_s);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(parts.entries.at(i).url,
                 u"https://www.bilibili.com/video/BV1xx411c7mD?p=" + QString::number(i + 1));
    // Flat entries go by their URL; entries of a full (-J without --flat-playlist) playlist carry their own
    // info, which a download reuses as it is.
    QVERIFY(parts.entries.at(0).infoJson.isEmpty());
    const MediaInfo full = parseOrFail(readInfo(u"bilibili-multipart-full.json"_s), &ok);
    QVERIFY(ok);
    QCOMPARE(full.entries.size(), 3);
    for (int i = 0; i < 3; ++i) {
        const MediaInfo part = parseOrFail(full.entries.at(i).infoJson, &ok);
        QVERIFY(ok);
        QCOMPARE(part.id, u"BV1xx411c7mD_p" + QString::number(i + 1));
        QCOMPARE(part.platform, Platform::Bilibili);
        QCOMPARE(part.findFormat(u"30080")->formatNote, u"1080P 高清"_s);
        QCOMPARE(full.entries.at(i).url,
                 u"https://www.bilibili.com/video/BV1xx411c7mD?p=" + QString::number(i + 1));
    }
    QCOMPARE(full.entries.at(2).title, u"【4K】引力测试：一只兔子的奇妙冒险 p03 大结局"_s);
}

void TestInfoJsonParser::singleFields_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QVariant>("expected");

    const auto row = [](const char *name, const char *json, const char *field, const QVariant &expected) {
        QTest::newRow(name) << QByteArray(json) << QString::fromUtf8(field) << expected;
    };
    // fallbacks
    row("title falls back to fulltitle", R"({"id":"a","fulltitle":"Full"})", "title", u"Full"_s);
    row("title falls back to the id", R"({"id":"a"})", "title", u"a"_s);
    row("uploader falls back to channel", R"({"id":"a","channel":"C","uploader_id":"@c"})", "uploader",
        u"C"_s);
    row("uploader falls back to uploader_id", R"({"id":"a","uploader_id":"@c"})", "uploader", u"@c"_s);
    row("thumbnail falls back to the last thumbnail",
        R"({"id":"a","thumbnails":[{"url":"s"},{"url":"l"},{}]})", "thumbnail", u"l"_s);
    row("webpage falls back to original_url", R"({"id":"a","original_url":"https://x.example/v"})",
        "webpageUrl", u"https://x.example/v"_s);
    row("extractor falls back to the extractor name", R"({"id":"a","extractor":"youtube"})", "extractor",
        u"youtube"_s);
    row("a tier name in format survives",
        R"({"id":"a","formats":[{"format_id":"80","format":"1080P 高清"}]})", "format.note", u"1080P 高清"_s);
    row("yt-dlp's own format name is not a note",
        R"({"id":"a","formats":[{"format_id":"18","format":"18 - 640x360"}]})", "format.note", QString());
    // live
    row("live_status is_live alone means live", R"({"id":"a","live_status":"is_live"})", "isLive", true);
    row("a finished stream is not live", R"({"id":"a","live_status":"was_live","is_live":false})", "isLive",
        false);
    // single format and requested_formats
    row("a video without formats has its top-level format",
        R"({"id":"a","url":"http://127.0.0.1/a.mp4","ext":"mp4","format_id":"0","height":360})",
        "format.height", 360);
    row("requested_formats stand in for missing formats",
        R"({"id":"a","requested_formats":[{"format_id":"137"},{"format_id":"140"}]})", "formats", 2);
    // playlist entries
    row("a YouTube entry given only an id gets a watch URL",
        R"({"_type":"playlist","id":"p","extractor_key":"YoutubeTab","entries":[{"_type":"url","ie_key":"Youtube","id":"dQw4w9WgXcQ","url":"dQw4w9WgXcQ"}]})",
        "entry.url", u"https://www.youtube.com/watch?v=dQw4w9WgXcQ"_s);
    row("an entry without a url uses its webpage_url",
        R"({"_type":"playlist","id":"p","entries":[{"id":"e","webpage_url":"https://x.example/e"}]})",
        "entry.url", u"https://x.example/e"_s);
    row("a resolved entry prefers its page to its media url",
        R"({"_type":"playlist","id":"p","entries":[{"_type":"video","id":"e","url":"https://cdn.example/e.mp4","webpage_url":"https://x.example/e"}]})",
        "entry.url", u"https://x.example/e"_s);
    row("an entry title falls back to its id",
        R"({"_type":"playlist","id":"p","entries":[{"id":"e","url":"u"}]})", "entry.title", u"e"_s);
    row("an entry keeps its playlist_index",
        R"({"_type":"playlist","id":"p","entries":[{"id":"e","url":"u","playlist_index":7}]})", "entry.index",
        7);
    row("an empty playlist is still a playlist", R"({"_type":"playlist","id":"p","entries":[]})",
        "isPlaylist", true);
    // wrong types are unknown, never fatal
    row("a duration given as a string is unknown", R"({"id":"a","duration":"635"})", "duration", 0.0);
    row("a negative duration is unknown", R"({"id":"a","duration":-4})", "duration", 0.0);
    row("formats given as an object are ignored", R"({"id":"a","formats":{"18":{"format_id":"18"}}})",
        "formats", 0);
    row("a width of \"x\" is unknown", R"({"id":"a","formats":[{"format_id":"1","width":"x"}]})",
        "format.width", -1);
    row("a height of 1e300 is unknown", R"({"id":"a","formats":[{"format_id":"1","height":1e300}]})",
        "format.height", -1);
    row("a fractional height is cut to whole pixels",
        R"({"id":"a","formats":[{"format_id":"1","height":719.6}]})", "format.height", 719);
    row("a null fps is unknown", R"({"id":"a","formats":[{"format_id":"1","fps":null}]})", "format.fps", 0.0);
    row("a filesize given as a string is unknown",
        R"({"id":"a","formats":[{"format_id":"1","filesize":"12"}]})", "format.filesize", qint64(-1));
    row("a numeric format_id is read as text", R"({"id":"a","formats":[{"format_id":18}]})", "format.id",
        u"18"_s);
    row("format entries that are not objects are skipped",
        R"({"id":"a","formats":[null,1,"x",{"format_id":"1"}]})", "formats", 1);
    row("playlist entries that are not objects are skipped",
        R"({"_type":"playlist","id":"p","entries":[null,3,"x",[],{"id":"e"}]})", "entries", 1);
    row("subtitles given as a list are ignored", R"({"id":"a","subtitles":[{"ext":"vtt"}]})", "subtitles", 0);
    row("a subtitle language that is not a list is skipped", R"({"id":"a","subtitles":{"en":"vtt"}})",
        "subtitles", 0);
    row("chapters given as a string are ignored", R"({"id":"a","chapters":"none"})", "chapters", 0);
    row("a short upload_date is unknown", R"({"id":"a","upload_date":"2023"})", "uploadDate", QDate());
    row("an impossible upload_date is unknown", R"({"id":"a","upload_date":"20231399"})", "uploadDate",
        QDate());
    row("a view count given as a string is unknown", R"({"id":"a","view_count":"12"})", "viewCount",
        qint64(-1));
    row("thumbnails given as a string are ignored", R"({"id":"a","thumbnails":"t.jpg"})", "thumbnail",
        QString());
    row("an id given as an object is empty but the title stays", R"({"id":{},"title":"T"})", "title", u"T"_s);
}

void TestInfoJsonParser::singleFields()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, field);
    QFETCH(QVariant, expected);
    bool ok = false;
    const MediaInfo info = parseOrFail(json, &ok);
    QVERIFY(ok);
    const QVariant actual = fieldOf(info, field);
    QVERIFY2(actual.isValid(), qPrintable(u"unknown field " + field));
    QCOMPARE(actual, expected);
}

void TestInfoJsonParser::platform_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<Platform>("platform");

    const auto row = [](const char *name, const char *json, Platform platform) {
        QTest::newRow(name) << QByteArray(json) << platform;
    };
    row("the Youtube extractor", R"({"id":"a","extractor_key":"Youtube"})", Platform::YouTube);
    row("a YouTube tab", R"({"id":"a","extractor_key":"YoutubeTab"})", Platform::YouTube);
    row("youtube:tab by extractor name only", R"({"id":"a","extractor":"youtube:tab"})", Platform::YouTube);
    row("the BiliBili extractor", R"({"id":"a","extractor_key":"BiliBili"})", Platform::Bilibili);
    row("a Bilibili space", R"({"id":"a","extractor_key":"BilibiliSpaceVideo"})", Platform::Bilibili);
    row("Bilibili international", R"({"id":"a","extractor_key":"BiliIntl"})", Platform::Bilibili);
    row("a Bangumi extractor", R"({"id":"a","extractor_key":"BangumiMedia"})", Platform::Bilibili);
    row("the generic extractor even on a YouTube page",
        R"({"id":"a","extractor_key":"Generic","webpage_url":"https://www.youtube.com/watch?v=a"})",
        Platform::Other);
    row("no extractor, a mobile YouTube page",
        R"({"id":"a","webpage_url":"https://m.youtube.com/watch?v=a"})", Platform::YouTube);
    row("no extractor, a youtu.be link", R"({"id":"a","webpage_url":"https://youtu.be/a"})",
        Platform::YouTube);
    row("no extractor, a Bilibili page", R"({"id":"a","webpage_url":"https://www.bilibili.com/video/BV1"})",
        Platform::Bilibili);
    row("no extractor, a b23.tv short link", R"({"id":"a","original_url":"https://b23.tv/x"})",
        Platform::Bilibili);
    row("no extractor, a look-alike host", R"({"id":"a","webpage_url":"https://notyoutube.com/watch"})",
        Platform::Other);
    row("no extractor, youtube.com as a subdomain of another site",
        R"({"id":"a","webpage_url":"https://youtube.com.example.net/watch"})", Platform::Other);
    row("no extractor and no page", R"({"id":"a"})", Platform::Other);
}

void TestInfoJsonParser::platform()
{
    QFETCH(QByteArray, json);
    bool ok = false;
    const MediaInfo info = parseOrFail(json, &ok);
    QVERIFY(ok);
    QTEST(info.platform, "platform");
}

void TestInfoJsonParser::formatKinds_data()
{
    QTest::addColumn<QString>("vcodec");
    QTest::addColumn<QString>("acodec");
    QTest::addColumn<int>("height");
    QTest::addColumn<bool>("video");
    QTest::addColumn<bool>("audio");

    QTest::newRow("video and audio codecs make a combined format")
        << u"avc1"_s << u"mp4a"_s << 360 << true << true;
    QTest::newRow("no audio codec makes video only") << u"vp9"_s << u"none"_s << 1080 << true << false;
    QTest::newRow("no video codec makes audio only") << u"none"_s << u"opus"_s << -1 << false << true;
    QTest::newRow("an HLS audio group says only that there is no video")
        << u"none"_s << QString() << -1 << false << true;
    QTest::newRow("a storyboard has neither") << u"none"_s << u"none"_s << 90 << false << false;
    // Like yt-dlp: a format that names no codec at all may hold both streams.
    QTest::newRow("unknown codecs with a height may hold video and audio")
        << QString() << QString() << 720 << true << true;
    QTest::newRow("unknown codecs and no height may hold video and audio")
        << QString() << QString() << -1 << true << true;
}

void TestInfoJsonParser::formatKinds()
{
    MediaFormat format;
    QFETCH(QString, vcodec);
    QFETCH(QString, acodec);
    QFETCH(int, height);
    format.vcodec = vcodec;
    format.acodec = acodec;
    format.height = height;
    QTEST(format.hasVideo(), "video");
    QTEST(format.hasAudio(), "audio");

    MediaInfo info;
    info.formats.append(format);
    QCOMPARE(info.maxHeight(), format.hasVideo() ? qMax(0, height) : 0);
}

void TestInfoJsonParser::errors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("errorContains");

    const QByteArray youtube = readInfo(u"youtube-video.json"_s);
    QByteArray garbage(5 * 1024 * 1024 + 17, Qt::Uninitialized);
    QRandomGenerator random(20240601);
    for (char &byte : garbage)
        byte = char(random.bounded(256));

    QTest::newRow("empty input") << QByteArray() << u"empty"_s;
    QTest::newRow("only blanks") << QByteArray(" \n\t ") << u"empty"_s;
    QTest::newRow("plain text") << QByteArray("ERROR: Unsupported URL") << u"offset"_s;
    QTest::newRow("the YouTube file cut in half") << youtube.left(youtube.size() / 2) << u"offset"_s;
    QTest::newRow("an object missing its closing brace") << QByteArray(R"({"id":"a")") << u"offset"_s;
    QTest::newRow("an empty list") << QByteArray("[]") << u"not a yt-dlp info JSON"_s;
    // Qt 6.4 refuses a scalar top level while parsing, later versions may accept it: either way it is an
    // error
    QTest::newRow("null") << QByteArray("null") << QString();
    QTest::newRow("a bare number") << QByteArray("42") << QString();
    QTest::newRow("an empty object") << QByteArray("{}") << u"not a yt-dlp info JSON"_s;
    QTest::newRow("an object of something else")
        << QByteArray(R"({"name":"x","formats":[]})") << u"not a yt-dlp info JSON"_s;
    QTest::newRow("five megabytes of random bytes") << garbage << u"offset"_s;
    QTest::newRow("five megabytes of opening brackets") << QByteArray(5 * 1024 * 1024, '[') << u"offset"_s;
}

void TestInfoJsonParser::errors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, errorContains);
    const InfoParseResult result = parseInfoJson(json);
    QVERIFY(!result.info.has_value());
    QVERIFY2(result.error.contains(errorContains), qPrintable(result.error));
}

void TestInfoJsonParser::everyCutOfEveryFixtureIsAnError()
{
    // a download that died mid-write, or a pipe that closed early: never a crash, never half an answer
    const QStringList files{u"generic-page.json"_s,      u"generic-hls.json"_s,
                            u"generic-feed-flat.json"_s, u"youtube-video.json"_s,
                            u"youtube-live.json"_s,      u"youtube-playlist-flat.json"_s,
                            u"bilibili-video.json"_s,    u"bilibili-multipart.json"_s};
    for (const QString &file : files) {
        const QByteArray json = readInfo(file);
        QVERIFY2(!json.isEmpty(), qPrintable(file));
        constexpr int Cuts = 97;
        for (int i = 1; i < Cuts; ++i) {
            const QByteArray cut = json.left(json.size() * i / Cuts);
            const InfoParseResult result = parseInfoJson(cut);
            QVERIFY2(!result.info && !result.error.isEmpty(),
                     qPrintable(file + u" cut at " + QString::number(cut.size())));
        }
    }
}

void TestInfoJsonParser::fiftyMegabyteDocumentParses()
{
    QByteArray json = readInfo(u"youtube-video.json"_s);
    const QByteArray marker = R"("description": ")";
    const qsizetype at = json.indexOf(marker);
    QVERIFY(at > 0);
    QByteArray padding;
    padding.reserve(50 * 1024 * 1024);
    const QByteArray line = "Lorem ipsum dolor sit amet, 重力 ✓ \\n";
    while (padding.size() < 50 * 1024 * 1024)
        padding.append(line);
    json.insert(at + marker.size(), padding);

    QElapsedTimer timer;
    timer.start();
    bool ok = false;
    const MediaInfo info = parseOrFail(json, &ok);
    const qint64 elapsed = timer.elapsed();
    QVERIFY(ok);
    QCOMPARE(info.formats.size(), 14);
    QCOMPARE(info.rawJson.size(), json.size());
    qInfo("parsed %lld MB in %lld ms", qlonglong(json.size() / (1024 * 1024)), qlonglong(elapsed));
    // generous: only a pathological (quadratic) parse would come near it, even in a Debug build
    QVERIFY2(elapsed < 30000, qPrintable(QString::number(elapsed)));
}

QTEST_GUILESS_MAIN(TestInfoJsonParser)
// yt-dlp 2023.03.04 puts the cookies of --cookies into every http_headers of its -J output (newer releases
// also add a "cookies" field); the raw JSON Gravity keeps on disk must not carry them.
void TestInfoJsonParser::theUsersCookiesAreNotKeptInTheSavedInfo()
{
    const QByteArray json = R"({"id": "clip", "title": "Clip", "cookies": "session=PLANTED; Domain=.example.org",
        "http_headers": {"User-Agent": "Mozilla/5.0", "Cookie": "session=PLANTED"},
        "formats": [{"format_id": "18", "url": "https://example.org/18.mp4", "ext": "mp4",
                     "vcodec": "avc1", "acodec": "mp4a", "height": 360,
                     "http_headers": {"Cookie": "session=PLANTED", "Accept": "*/*"}}]})";
    const InfoParseResult result = parseInfoJson(json);
    QVERIFY(result.info);
    QVERIFY2(!result.info->rawJson.contains("PLANTED"), result.info->rawJson.constData());
    QVERIFY(result.info->rawJson.contains("Mozilla/5.0"));
    QCOMPARE(result.info->formats.size(), qsizetype(1));
    // What is kept still reads as the same video.
    const InfoParseResult again = parseInfoJson(result.info->rawJson);
    QVERIFY(again.info);
    QCOMPARE(again.info->title, u"Clip"_s);
    QCOMPARE(again.info->formats.first().formatId, u"18"_s);
}

#include "tst_infojsonparser.moc"
