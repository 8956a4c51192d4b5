#include "infojsonparser.h"
#include "qualitychoices.h"
#include "testhelpers.h"

#include <QFile>
#include <QTest>

#include <limits>

using namespace Gravity;
using namespace Qt::StringLiterals;

namespace {

MediaInfo infoFrom(const QString &name)
{
    QFile file(GravityTest::testDataPath(u"info/"_s + name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return parseInfoJson(file.readAll()).info.value_or(MediaInfo{});
}

QStringList presetIds(const QList<QualityChoice> &choices)
{
    QStringList ids;
    for (const QualityChoice &choice : choices)
        ids << qualityPresetId(choice.preset);
    return ids;
}

const QualityChoice *find(const QList<QualityChoice> &choices, QualityPreset preset)
{
    for (const QualityChoice &choice : choices) {
        if (choice.preset == preset)
            return &choice;
    }
    return nullptr;
}

} // namespace

class TestQualityChoices final : public QObject
{
    Q_OBJECT

private slots:
    void offeredPresets_data();
    void offeredPresets();
    void estimatesAddTheAudioAVideoOnlyStreamNeeds();
    void sizeFromBitrateWhenNoSizeIsKnown();
};

void TestQualityChoices::offeredPresets_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("a YouTube video up to 4K offers every height")
        << u"youtube-video.json"_s
        << QStringList{u"best"_s, u"2160"_s, u"1440"_s, u"1080"_s, u"720"_s, u"480"_s, u"360"_s, u"audio"_s};
    QTest::newRow("a Bilibili video without 1440p offers no 1440p")
        << u"bilibili-video.json"_s
        << QStringList{u"best"_s, u"2160"_s, u"1080"_s, u"720"_s, u"480"_s, u"360"_s, u"audio"_s};
    QTest::newRow("an HLS stream of 360p and 720p offers just those")
        << u"generic-hls.json"_s << QStringList{u"best"_s, u"720"_s, u"360"_s, u"audio"_s};
    QTest::newRow("a page whose video size is unknown offers best and audio")
        << u"generic-page.json"_s << QStringList{u"best"_s, u"audio"_s};
    QTest::newRow("a playlist (no formats yet) offers every preset")
        << u"youtube-playlist-flat.json"_s
        << QStringList{u"best"_s, u"2160"_s, u"1440"_s, u"1080"_s, u"720"_s, u"480"_s, u"360"_s, u"audio"_s};
}

void TestQualityChoices::offeredPresets()
{
    QFETCH(QString, file);
    QFETCH(QStringList, expected);
    const MediaInfo info = infoFrom(file);
    QVERIFY2(!info.id.isEmpty() || info.isPlaylist, qPrintable(file));
    QCOMPARE(presetIds(qualityChoices(info)), expected);
}

void TestQualityChoices::estimatesAddTheAudioAVideoOnlyStreamNeeds()
{
    const QList<QualityChoice> choices = qualityChoices(infoFrom(u"youtube-video.json"_s));
    // 720p: format 136 (108,127,765 bytes) plus the best audio, 251 (10,734,839 bytes).
    const QualityChoice *p720 = find(choices, QualityPreset::P720);
    QVERIFY(p720);
    QCOMPARE(p720->height, 720);
    QCOMPARE(p720->estimatedBytes, 108127765 + 10734839);
    // Best is the 4K stream (313, estimate 1,449,311,000) plus the same audio.
    const QualityChoice *best = find(choices, QualityPreset::Best);
    QVERIFY(best);
    QCOMPARE(best->height, 2160);
    QCOMPARE(best->estimatedBytes, qint64(1449311000) + 10734839);
    // Audio only is the audio stream alone.
    const QualityChoice *audio = find(choices, QualityPreset::AudioOnly);
    QVERIFY(audio);
    QCOMPARE(audio->estimatedBytes, 10734839);
    // Each taller choice is at least as big as the one below it.
    qint64 previous = std::numeric_limits<qint64>::max();
    for (const QualityChoice &choice : choices) {
        if (choice.preset == QualityPreset::Best || choice.preset == QualityPreset::AudioOnly)
            continue;
        QVERIFY2(choice.estimatedBytes > 0 && choice.estimatedBytes <= previous,
                 qPrintable(qualityPresetId(choice.preset)));
        previous = choice.estimatedBytes;
    }
}

void TestQualityChoices::sizeFromBitrateWhenNoSizeIsKnown()
{
    MediaFormat format;
    format.tbr = 800.0; // kbit/s
    QCOMPARE(estimatedFormatSize(format, 10.0), qint64(1000000));
    QCOMPARE(estimatedFormatSize(format, 0.0), qint64(-1));
    format.filesizeApprox = 1234;
    QCOMPARE(estimatedFormatSize(format, 10.0), qint64(1234));
    format.filesize = 999;
    QCOMPARE(estimatedFormatSize(format, 10.0), qint64(999));
}

QTEST_GUILESS_MAIN(TestQualityChoices)
#include "tst_qualitychoices.moc"
