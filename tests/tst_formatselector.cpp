#include "formatselector.h"

#include <QTest>

using namespace Gravity;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Gravity::QualityPreset)
Q_DECLARE_METATYPE(Gravity::AudioFormat)
Q_DECLARE_METATYPE(Gravity::Container)

namespace {

const QList<QualityPreset> allPresets{QualityPreset::Best,  QualityPreset::P2160,    QualityPreset::P1440,
                                      QualityPreset::P1080, QualityPreset::P720,     QualityPreset::P480,
                                      QualityPreset::P360,  QualityPreset::AudioOnly};

} // namespace

class TestFormatSelector final : public QObject
{
    Q_OBJECT

private slots:
    void selector_data();
    void selector();
    void everySelectorEndsInAFallback();
    void presetIdsRoundTrip();
    void presetFromId_data();
    void presetFromId();
    void audioFormatIds_data();
    void audioFormatIds();
    void containerIds_data();
    void containerIds();
    void plausibleSpec_data();
    void plausibleSpec();
};

void TestFormatSelector::selector_data()
{
    QTest::addColumn<QualityPreset>("preset");
    QTest::addColumn<QString>("selector");
    QTest::addColumn<int>("height");

    QTest::newRow("best takes the best video and audio, else the best file")
        << QualityPreset::Best << u"bestvideo+bestaudio/best"_s << 0;
    QTest::newRow("2160 caps at 2160, then takes anything")
        << QualityPreset::P2160
        << u"bestvideo[height<=2160]+bestaudio/best[height<=2160]/bestvideo+bestaudio/best"_s << 2160;
    QTest::newRow("1440 caps at 1440, then takes anything")
        << QualityPreset::P1440
        << u"bestvideo[height<=1440]+bestaudio/best[height<=1440]/bestvideo+bestaudio/best"_s << 1440;
    QTest::newRow("1080 caps at 1080, then takes anything")
        << QualityPreset::P1080
        << u"bestvideo[height<=1080]+bestaudio/best[height<=1080]/bestvideo+bestaudio/best"_s << 1080;
    QTest::newRow("720 caps at 720, then takes anything")
        << QualityPreset::P720
        << u"bestvideo[height<=720]+bestaudio/best[height<=720]/bestvideo+bestaudio/best"_s << 720;
    QTest::newRow("480 caps at 480, then takes anything")
        << QualityPreset::P480
        << u"bestvideo[height<=480]+bestaudio/best[height<=480]/bestvideo+bestaudio/best"_s << 480;
    QTest::newRow("360 caps at 360, then takes anything")
        << QualityPreset::P360
        << u"bestvideo[height<=360]+bestaudio/best[height<=360]/bestvideo+bestaudio/best"_s << 360;
    QTest::newRow("audio takes the best audio, else the best file")
        << QualityPreset::AudioOnly << u"bestaudio/best"_s << 0;
}

void TestFormatSelector::selector()
{
    QFETCH(QualityPreset, preset);
    QTEST(formatSelector(preset), "selector");
    QTEST(presetHeight(preset), "height");
    QVERIFY(isPlausibleFormatSpec(formatSelector(preset)));
}

void TestFormatSelector::everySelectorEndsInAFallback()
{
    for (QualityPreset preset : allPresets) {
        const QString selector = formatSelector(preset);
        QVERIFY2(selector.endsWith(u"/bestvideo+bestaudio/best") || selector == u"bestvideo+bestaudio/best" ||
                     selector.endsWith(u"/best"),
                 qPrintable(selector));
    }
}

void TestFormatSelector::presetIdsRoundTrip()
{
    QStringList ids;
    for (QualityPreset preset : allPresets) {
        const QString id = qualityPresetId(preset);
        ids.append(id);
        QCOMPARE(qualityPresetFromId(id), std::optional<QualityPreset>(preset));
    }
    QCOMPARE(ids, (QStringList{u"best"_s, u"2160"_s, u"1440"_s, u"1080"_s, u"720"_s, u"480"_s, u"360"_s,
                               u"audio"_s}));
}

void TestFormatSelector::presetFromId_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QualityPreset>("preset");

    QTest::newRow("best") << u"best"_s << true << QualityPreset::Best;
    QTest::newRow("BEST in capitals") << u"BEST"_s << true << QualityPreset::Best;
    QTest::newRow("4k means 2160") << u"4k"_s << true << QualityPreset::P2160;
    QTest::newRow("4K in capitals means 2160") << u"4K"_s << true << QualityPreset::P2160;
    QTest::newRow("2k means 1440") << u"2k"_s << true << QualityPreset::P1440;
    QTest::newRow("1080p with a trailing p") << u"1080p"_s << true << QualityPreset::P1080;
    QTest::newRow("720P with a capital P") << u"720P"_s << true << QualityPreset::P720;
    QTest::newRow("480") << u"480"_s << true << QualityPreset::P480;
    QTest::newRow("360p") << u"360p"_s << true << QualityPreset::P360;
    QTest::newRow("audio") << u"audio"_s << true << QualityPreset::AudioOnly;
    QTest::newRow("surrounding blanks are ignored") << u" 720 "_s << true << QualityPreset::P720;
    QTest::newRow("empty is not a preset") << QString() << false << QualityPreset::Best;
    QTest::newRow("a lone p is not a preset") << u"p"_s << false << QualityPreset::Best;
    QTest::newRow("a height Gravity has no preset for") << u"999"_s << false << QualityPreset::Best;
    QTest::newRow("two trailing ps") << u"1080pp"_s << false << QualityPreset::Best;
    QTest::newRow("audio with a p") << u"audiop"_s << false << QualityPreset::Best;
    QTest::newRow("a word") << u"hd"_s << false << QualityPreset::Best;
    QTest::newRow("8k is not offered") << u"8k"_s << false << QualityPreset::Best;
}

void TestFormatSelector::presetFromId()
{
    QFETCH(QString, id);
    QFETCH(bool, valid);
    QFETCH(QualityPreset, preset);
    const std::optional<QualityPreset> parsed = qualityPresetFromId(id);
    QCOMPARE(parsed.has_value(), valid);
    if (valid)
        QCOMPARE(*parsed, preset);
}

void TestFormatSelector::audioFormatIds_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<AudioFormat>("format");

    QTest::newRow("mp3") << u"mp3"_s << true << AudioFormat::Mp3;
    QTest::newRow("m4a") << u"m4a"_s << true << AudioFormat::M4a;
    QTest::newRow("opus") << u"opus"_s << true << AudioFormat::Opus;
    QTest::newRow("MP3 in capitals") << u"MP3"_s << true << AudioFormat::Mp3;
    QTest::newRow("empty keeps the original audio") << QString() << true << AudioFormat::None;
    QTest::newRow("flac is not offered") << u"flac"_s << false << AudioFormat::None;
}

void TestFormatSelector::audioFormatIds()
{
    QFETCH(QString, id);
    QFETCH(bool, valid);
    QFETCH(AudioFormat, format);
    const std::optional<AudioFormat> parsed = audioFormatFromId(id);
    QCOMPARE(parsed.has_value(), valid);
    if (!valid)
        return;
    QCOMPARE(*parsed, format);
    QCOMPARE(audioFormatId(format), id.toLower());
}

void TestFormatSelector::containerIds_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<Container>("container");

    QTest::newRow("mp4") << u"mp4"_s << true << Container::Mp4;
    QTest::newRow("mkv") << u"mkv"_s << true << Container::Mkv;
    QTest::newRow("webm") << u"webm"_s << true << Container::Webm;
    QTest::newRow("MKV in capitals") << u"MKV"_s << true << Container::Mkv;
    QTest::newRow("empty lets yt-dlp choose") << QString() << true << Container::Auto;
    QTest::newRow("avi is not offered") << u"avi"_s << false << Container::Auto;
}

void TestFormatSelector::containerIds()
{
    QFETCH(QString, id);
    QFETCH(bool, valid);
    QFETCH(Container, container);
    const std::optional<Container> parsed = containerFromId(id);
    QCOMPARE(parsed.has_value(), valid);
    if (!valid)
        return;
    QCOMPARE(*parsed, container);
    QCOMPARE(containerId(container), id.toLower());
}

void TestFormatSelector::plausibleSpec_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<bool>("plausible");

    QTest::newRow("a YouTube video and audio pair") << u"137+140"_s << true;
    QTest::newRow("an HLS variant and an audio group") << u"75-1+group_aud-audio_2"_s << true;
    QTest::newRow("a selector with filters and fallbacks") << u"bv*[height<=720]+ba/b"_s << true;
    QTest::newRow("a Bilibili pair") << u"30080+30280"_s << true;
    QTest::newRow("a filter on a codec prefix") << u"bv[vcodec^=avc1][ext=mp4]+ba[ext=m4a]/b"_s << true;
    QTest::newRow("a filter with a question mark and not-equals")
        << u"b[filesize<?50M][protocol!=m3u8]"_s << true;
    QTest::newRow("grouped alternatives") << u"(bv*+ba/b)[height<=480],ba"_s << true;
    QTest::newRow("exactly 200 characters") << QString(200, u'b') << true;
    QTest::newRow("an option") << u"-x"_s << false;
    QTest::newRow("a double-dash option") << u"--exec"_s << false;
    QTest::newRow("a space") << u"a b"_s << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("a double quote") << u"x\"y"_s << false;
    QTest::newRow("a single quote") << u"x'y"_s << false;
    QTest::newRow("a newline") << u"x\ny"_s << false;
    QTest::newRow("a tab") << u"137\t140"_s << false;
    QTest::newRow("a NUL character") << QString(u"137\0"
                                                "140"_s)
                                     << false;
    QTest::newRow("a backquote") << u"`id`"_s << false;
    QTest::newRow("a backslash") << u"a\\b"_s << false;
    QTest::newRow("a shell ampersand") << u"b&x"_s << false;
    QTest::newRow("a non-ASCII digit") << u"١٣٧"_s << false;
    QTest::newRow("201 characters") << QString(201, u'b') << false;
}

void TestFormatSelector::plausibleSpec()
{
    QFETCH(QString, spec);
    QTEST(isPlausibleFormatSpec(spec), "plausible");
}

QTEST_GUILESS_MAIN(TestFormatSelector)
#include "tst_formatselector.moc"
