// The message a second launch sends the running window: what is sent arrives unchanged, and what another
// process could send instead (garbage, too much, bad UTF-8, the wrong shape) is refused whole.
//
// No raw string literals here: Qt 6.4's moc does not know them, and a "//" inside one hides the class from
// it.

#include "instancemessage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Gravity;
using namespace Qt::StringLiterals;

namespace {

QByteArray messageWith(const QJsonArray &urls)
{
    return QJsonDocument(QJsonObject{{u"gravity"_s, 1}, {u"urls"_s, urls}}).toJson(QJsonDocument::Compact);
}

// Bytes with NULs in them, all of the literal but its terminator.
template<qsizetype N> QByteArray rawBytes(const char (&literal)[N])
{
    return QByteArray(literal, N - 1);
}

QStringList numberedUrls(int count, qsizetype length = 0)
{
    QStringList urls;
    for (int i = 0; i < count; ++i) {
        QString url = u"https://www.youtube.com/watch?v=%1"_s.arg(i, 11, 10, QChar(u'0'));
        if (length > url.size())
            url += u"&x="_s + QString(length - url.size() - 3, u'a');
        urls << url;
    }
    return urls;
}

} // namespace

class TestInstanceMessage final : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data()
    {
        QTest::addColumn<QStringList>("urls");
        QTest::newRow("one link") << QStringList{u"https://www.youtube.com/watch?v=dQw4w9WgXcQ"_s};
        QTest::newRow("no links: a launch that only brings the window forward") << QStringList();
        QTest::newRow("several links keep their order")
            << QStringList{u"https://b23.tv/abc"_s, u"https://www.bilibili.com/video/BV1xx411c7mD"_s,
                           u"https://youtu.be/dQw4w9WgXcQ?si=x"_s};
        QTest::newRow("non-ASCII, quotes, backslashes, tabs and newlines survive")
            << QStringList{u"https://例子.测试/路径?q=值 \"引号\" \\ \t\n 😀"_s};
        QTest::newRow("option-looking and non-http text is carried; the recognizer refuses it later")
            << QStringList{u"--exec=rm -rf ~"_s, u"file:///etc/passwd"_s, u"javascript:alert(1)"_s,
                           QString()};
        QTest::newRow("a thousand links") << numberedUrls(1000);
        QTest::newRow("a link of exactly 8 KiB") << numberedUrls(1, MaxInstanceMessageUrlBytes);
    }

    void roundTrip()
    {
        QFETCH(QStringList, urls);
        const QByteArray message = encodeInstanceMessage(urls);
        QVERIFY(!message.contains('\n'));
        QVERIFY(message.size() <= MaxInstanceMessageBytes);
        const std::optional<QStringList> decoded = decodeInstanceMessage(message);
        QVERIFY(decoded);
        QCOMPARE(*decoded, urls);
    }

    void encodingKeepsWhatFits_data()
    {
        QTest::addColumn<QStringList>("urls");
        QTest::addColumn<QStringList>("expected");
        const QString good = u"https://youtu.be/dQw4w9WgXcQ"_s;
        QTest::newRow("a link with NUL is left out")
            << QStringList{good, u"https://a.example/\0x"_s, good} << QStringList{good, good};
        QTest::newRow("a link with an unpaired surrogate is left out")
            << QStringList{QString(QChar(0xd800) + good), good} << QStringList{good};
        QTest::newRow("a link over 8 KiB is left out")
            << (numberedUrls(1, MaxInstanceMessageUrlBytes + 1) << good) << QStringList{good};
        QTest::newRow("a link of 3000 CJK characters (9000 bytes) is left out")
            << QStringList{QString(u"https://a.example/"_s + QString(3000, QChar(0x4e2d))), good}
            << QStringList{good};
        QTest::newRow("past a thousand links, the first thousand go")
            << numberedUrls(1500) << numberedUrls(1000);
        // 200 links of 8000 bytes make 1.6 MB: those that fit in 1 MiB go, in order.
        QTest::newRow("past 1 MiB, the links that fit go")
            << numberedUrls(200, 8000) << numberedUrls(131, 8000);
    }

    void encodingKeepsWhatFits()
    {
        QFETCH(QStringList, urls);
        QFETCH(QStringList, expected);
        const QByteArray message = encodeInstanceMessage(urls);
        QVERIFY(message.size() <= MaxInstanceMessageBytes);
        const std::optional<QStringList> decoded = decodeInstanceMessage(message);
        QVERIFY(decoded);
        QCOMPARE(decoded->size(), expected.size());
        QCOMPARE(*decoded, expected);
    }

    void accepted_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("whitespace around and inside")
            << QByteArray(" \r\n{ \"gravity\" : 1 ,\t\"urls\" : [ \"https://a.example/\" ] }\n ")
            << QStringList{u"https://a.example/"_s};
        QTest::newRow("keys in the other order")
            << QByteArray("{\"urls\":[\"https://a.example/\"],\"gravity\":1}")
            << QStringList{u"https://a.example/"_s};
        QTest::newRow("the version written as 1.0")
            << QByteArray("{\"gravity\":1.0,\"urls\":[]}") << QStringList();
        QTest::newRow("escaped non-ASCII and a surrogate pair")
            << QByteArray("{\"gravity\":1,\"urls\":[\"https://a.example/\\u00e9\\ud83d\\ude00\"]}")
            << QStringList{u"https://a.example/é😀"_s};
    }

    void accepted()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QStringList, expected);
        const std::optional<QStringList> decoded = decodeInstanceMessage(bytes);
        QVERIFY(decoded);
        QCOMPARE(*decoded, expected);
    }

    void refused_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("nothing") << QByteArray();
        QTest::newRow("only whitespace") << QByteArray(" \n");
        QTest::newRow("garbage") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        QTest::newRow("binary noise") << rawBytes("\x01\x02\xff\xfe\x80");
        QTest::newRow("a bare URL, not a message") << QByteArray("https://a.example/");
        QTest::newRow("an array, not an object") << QByteArray("[\"https://a.example/\"]");
        QTest::newRow("a string, not an object") << QByteArray("\"https://a.example/\"");
        QTest::newRow("an empty object") << QByteArray("{}");
        QTest::newRow("no version") << QByteArray("{\"urls\":[]}");
        QTest::newRow("no urls") << QByteArray("{\"gravity\":1}");
        QTest::newRow("a newer version") << QByteArray("{\"gravity\":2,\"urls\":[]}");
        QTest::newRow("version zero") << QByteArray("{\"gravity\":0,\"urls\":[]}");
        QTest::newRow("version 1.5") << QByteArray("{\"gravity\":1.5,\"urls\":[]}");
        QTest::newRow("the version as a string") << QByteArray("{\"gravity\":\"1\",\"urls\":[]}");
        QTest::newRow("the version as true") << QByteArray("{\"gravity\":true,\"urls\":[]}");
        QTest::newRow("urls as a string") << QByteArray("{\"gravity\":1,\"urls\":\"https://a.example/\"}");
        QTest::newRow("urls as an object")
            << QByteArray("{\"gravity\":1,\"urls\":{\"a\":\"https://a.example/\"}}");
        QTest::newRow("urls null") << QByteArray("{\"gravity\":1,\"urls\":null}");
        QTest::newRow("a number among the urls")
            << QByteArray("{\"gravity\":1,\"urls\":[\"https://a.example/\",1]}");
        QTest::newRow("null among the urls") << QByteArray("{\"gravity\":1,\"urls\":[null]}");
        QTest::newRow("an object among the urls") << QByteArray("{\"gravity\":1,\"urls\":[{\"url\":\"x\"}]}");
        QTest::newRow("a nested array among the urls") << QByteArray("{\"gravity\":1,\"urls\":[[\"x\"]]}");
        QTest::newRow("a key too many") << QByteArray("{\"gravity\":1,\"urls\":[],\"cwd\":\"/\"}");
        QTest::newRow("truncated") << QByteArray("{\"gravity\":1,\"urls\":[\"https://a.exa");
        QTest::newRow("trailing garbage") << QByteArray("{\"gravity\":1,\"urls\":[]}x");
        QTest::newRow("two messages") << QByteArray("{\"gravity\":1,\"urls\":[]}{\"gravity\":1,\"urls\":[]}");
        QTest::newRow("a raw NUL byte") << rawBytes("{\"gravity\":1,\"urls\":[\"a\0b\"]}");
        QTest::newRow("a NUL byte after the message") << rawBytes("{\"gravity\":1,\"urls\":[]}\0");
        QTest::newRow("an escaped NUL")
            << QByteArray("{\"gravity\":1,\"urls\":[\"https://a.example/\\u0000\"]}");
        QTest::newRow("an escaped unpaired surrogate")
            << QByteArray("{\"gravity\":1,\"urls\":[\"\\ud800x\"]}");
        QTest::newRow("invalid UTF-8: a lone continuation byte")
            << QByteArray("{\"gravity\":1,\"urls\":[\"https://a.example/\x80\"]}");
        QTest::newRow("invalid UTF-8: a truncated sequence")
            << QByteArray("{\"gravity\":1,\"urls\":[\"https://a.example/\xe4\xb8\"]}");
        QTest::newRow("invalid UTF-8: an overlong slash")
            << QByteArray("{\"gravity\":1,\"urls\":[\"https://a.example\xc0\xaf\"]}");
        QTest::newRow("invalid UTF-8: an encoded surrogate")
            << QByteArray("{\"gravity\":1,\"urls\":[\"https://a.example/\xed\xa0\x80\"]}");
        QTest::newRow("invalid UTF-8: beyond U+10FFFF")
            << QByteArray("{\"gravity\":1,\"urls\":[\"https://a.example/\xf4\x90\x80\x80\"]}");
        QTest::newRow("invalid UTF-8: outside any string") << QByteArray("{\"gravity\":1,\"urls\":[]}\xff");
        QTest::newRow("a thousand and one links")
            << messageWith(QJsonArray::fromStringList(numberedUrls(1001)));
        QTest::newRow("a link one byte over 8 KiB")
            << messageWith(QJsonArray::fromStringList(numberedUrls(1, MaxInstanceMessageUrlBytes + 1)));
        QTest::newRow("a link of 3000 CJK characters (9000 bytes)")
            << messageWith(QJsonArray{QString(u"https://a.example/"_s + QString(3000, QChar(0x4e2d)))});
        QTest::newRow("a valid message padded past 1 MiB")
            << QByteArray("{\"gravity\":1,\"urls\":[]}" + QByteArray(MaxInstanceMessageBytes, ' '));
        QTest::newRow("nesting a hundred thousand deep") << QByteArray(
            "{\"gravity\":1,\"urls\":" + QByteArray(100000, '[') + QByteArray(100000, ']') + '}');
    }

    void refused()
    {
        QFETCH(QByteArray, bytes);
        QVERIFY(!decodeInstanceMessage(bytes));
    }

    // The shape of what goes on the wire, so another build (or a script) can speak it.
    void theFormatIsSmallAndVersioned()
    {
        QCOMPARE(encodeInstanceMessage({u"https://a.example/"_s}),
                 QByteArray("{\"gravity\":1,\"urls\":[\"https://a.example/\"]}"));
        QCOMPARE(encodeInstanceMessage({}), QByteArray("{\"gravity\":1,\"urls\":[]}"));
    }

    // A view into a larger buffer, as the server decodes one: only the viewed bytes count.
    void decodesAViewWithoutItsTerminator()
    {
        const QByteArray frame = encodeInstanceMessage({u"https://a.example/"_s}) + "\ntrailing";
        const std::optional<QStringList> decoded =
            decodeInstanceMessage(QByteArrayView(frame).first(frame.indexOf('\n')));
        QVERIFY(decoded);
        QCOMPARE(*decoded, QStringList{u"https://a.example/"_s});
    }
};

QTEST_GUILESS_MAIN(TestInstanceMessage)
#include "tst_instancemessage.moc"
