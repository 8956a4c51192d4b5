// When a refused quality may fall back, to which format, and what the person reads about it: the pure rules
// DownloadTask follows (tst_download runs them end to end against the loopback server).

#include "infojsonparser.h"
#include "qualityfallback.h"
#include "testhelpers.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Gravity;
using namespace GravityTest;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Gravity::ErrorKind)

class TestQualityFallback final : public QObject
{
    Q_OBJECT

private:
    QByteArray m_json;
    MediaInfo m_info; // 480P 清晰, 1080P 高清, 1080P 高码率 and two audio tiers

private slots:
    void initTestCase()
    {
        QFile file(testDataPath(u"info/bilibili-premium.json"_s));
        QVERIFY(file.open(QIODevice::ReadOnly));
        m_json = file.readAll();
        const InfoParseResult parsed = parseInfoJson(m_json);
        QVERIFY(parsed.info);
        m_info = *parsed.info;
    }

    void onlyARefusalCounts_data()
    {
        QTest::addColumn<ErrorKind>("kind");
        QTest::addColumn<QString>("detail");
        QTest::addColumn<bool>("refusal");
        QTest::newRow("403") << ErrorKind::HttpError
                             << u"unable to download video data: HTTP Error 403: Forbidden"_s << true;
        QTest::newRow("401") << ErrorKind::HttpError << u"HTTP Error 401: Unauthorized"_s << true;
        QTest::newRow("a login") << ErrorKind::LoginRequired << u"You have to login"_s << true;
        QTest::newRow("404") << ErrorKind::HttpError << u"HTTP Error 404: Not Found"_s << false;
        QTest::newRow("500") << ErrorKind::HttpError << u"HTTP Error 500: Internal Server Error"_s << false;
        QTest::newRow("the network") << ErrorKind::NetworkUnreachable << u"Connection refused"_s << false;
    }

    void onlyARefusalCounts()
    {
        QFETCH(ErrorKind, kind);
        QFETCH(QString, detail);
        QFETCH(bool, refusal);
        QCOMPARE(isRefusal(kind, detail), refusal);
    }

    void theFailingStreamIsTheOneAfterTheLastFinished()
    {
        QCOMPARE(failingStream(0, false), 0); // refused before any byte: the first (video) stream
        QCOMPARE(failingStream(1, false), 0); // cut while the video downloaded
        QCOMPARE(failingStream(1, true), 1);  // the video finished: the audio was refused
        QCOMPARE(failingStream(2, false), 1);
    }

    void aVideoFormatIsReplaceableWhileAnotherVideoIsLeft_data()
    {
        QTest::addColumn<QString>("resolved");
        QTest::addColumn<int>("stream");
        QTest::addColumn<QStringList>("excluded");
        QTest::addColumn<QString>("replaceable");
        QTest::newRow("the premium tier") << u"30112+30280"_s << 0 << QStringList() << u"30112"_s;
        QTest::newRow("the next tier after the premium one")
            << u"30080+30280"_s << 0 << QStringList{u"30112"_s} << u"30080"_s;
        QTest::newRow("the last video left")
            << u"30032+30280"_s << 0 << QStringList{u"30112"_s, u"30080"_s} << QString();
        QTest::newRow("an audio stream") << u"30112+30280"_s << 1 << QStringList() << QString();
        QTest::newRow("a format the info does not have") << u"999+30280"_s << 0 << QStringList() << QString();
        QTest::newRow("nothing resolved yet") << QString() << 0 << QStringList() << QString();
    }

    void aVideoFormatIsReplaceableWhileAnotherVideoIsLeft()
    {
        QFETCH(QString, resolved);
        QFETCH(int, stream);
        QFETCH(QStringList, excluded);
        QFETCH(QString, replaceable);
        QCOMPARE(replaceableVideoFormat(m_info, resolved, stream, excluded), replaceable);
    }

    void theInfoLosesOnlyTheRefusedFormats()
    {
        const QByteArray filtered = infoWithoutFormats(m_json, {u"30112"_s, u"30080"_s});
        const QJsonObject root = QJsonDocument::fromJson(filtered).object();
        QStringList ids;
        for (const QJsonValue &format : root.value(u"formats"_s).toArray())
            ids << format.toObject().value(u"format_id"_s).toString();
        QCOMPARE(ids, (QStringList{u"30216"_s, u"30280"_s, u"30032"_s}));
        QVERIFY(!root.contains(u"requested_formats"_s));
        QCOMPARE(root.value(u"id"_s).toString(), m_info.id);
        // Bilibili's Referer stays with every format that is left.
        QCOMPARE(root.value(u"formats"_s)
                     .toArray()
                     .at(2)
                     .toObject()
                     .value(u"http_headers"_s)
                     .toObject()
                     .value(u"Referer"_s),
                 u"https://www.bilibili.com/"_s);
        QVERIFY(infoWithoutFormats("not json", {u"30112"_s}).isEmpty());
    }

    void whatThePersonReads()
    {
        QCOMPARE(qualityFallbackText({}), QString());
        QCOMPARE(qualityFallbackText({u"30112"_s, 1080, u"1080P 高码率"_s, 480, u"480P 清晰"_s}),
                 u"Got 480p: 1080p needs a login or membership"_s);
        QCOMPARE(qualityFallbackText({u"30116"_s, 1080, u"1080P 60帧"_s, 1080, u"1080P 高清"_s}),
                 u"Got 1080P 高清: 1080P 60帧 needs a login or membership"_s);
        QCOMPARE(qualityFallbackText({u"x"_s, 0, {}, 0, {}}),
                 u"Got a lower quality: the chosen one needs a login or membership"_s);
    }
};

QTEST_GUILESS_MAIN(TestQualityFallback)
#include "tst_qualityfallback.moc"
