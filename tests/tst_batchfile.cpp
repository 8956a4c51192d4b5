// Reading a text file of links (--batch-file, "Import links from a file…"): what is skipped, what is
// rejected with its line, and the bounds that keep a huge or wrong file from freezing Gravity.

#include "batchfile.h"

#include <QBuffer>
#include <QTemporaryDir>
#include <QTest>

using namespace Gravity;
using namespace Qt::StringLiterals;

namespace {

BatchFile read(const QByteArray &bytes)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    return readBatchFile(&buffer);
}

} // namespace

class TestBatchFile final : public QObject
{
    Q_OBJECT

private slots:
    void commentsBlankLinesBomAndCrlfAreHandled()
    {
        const BatchFile batch =
            read("\xEF\xBB\xBF# links\r\n; also a comment\r\n\r\n  https://example.org/a  \r\n"
                 "]comment\r\nhttps://example.org/b");
        QVERIFY(batch.error.isEmpty());
        QVERIFY(!batch.truncated);
        QCOMPARE(batch.rejected.size(), qsizetype(0));
        QCOMPARE(batch.accepted.size(), qsizetype(2));
        QCOMPARE(batch.accepted.at(0).line, 4);
        QCOMPARE(batch.accepted.at(0).url.normalized, u"https://example.org/a"_s);
        QCOMPARE(batch.accepted.at(1).line, 6);
    }

    void rejectedLinesKeepTheirLineAndReason()
    {
        const BatchFile batch = read("ftp://example.org/v.mp4\n--exec=rm -rf ~\nhttps://example.org/ok\n");
        QCOMPARE(batch.accepted.size(), qsizetype(1));
        QCOMPARE(batch.rejected.size(), qsizetype(2));
        QCOMPARE(batch.rejected.at(0).line, 1);
        QCOMPARE(batch.rejected.at(0).url.rejection, UrlRejection::NotHttp);
        QCOMPARE(batch.rejected.at(1).line, 2);
        QCOMPARE(batch.rejected.at(1).url.rejection, UrlRejection::LooksLikeOption);
        QCOMPARE(batchRejectText(batch.rejected.at(1)),
                 u"Line 2: \"--exec=rm -rf ~\": "_s + rejectionText(UrlRejection::LooksLikeOption));
    }

    void aLongGarbageLineIsCutInTheSummary()
    {
        const BatchFile batch = read(QByteArray(5000, 'x') + '\n');
        QCOMPARE(batch.rejected.size(), qsizetype(1));
        QVERIFY(batchRejectText(batch.rejected.first()).size() < 300);
    }

    void moreLinksThanTheLimitAreCutOffAndSaidSo()
    {
        QByteArray bytes;
        for (int i = 0; i < BatchFile::MaxLines + 5; ++i)
            bytes += "https://example.org/v" + QByteArray::number(i) + '\n';
        const BatchFile batch = read(bytes);
        QVERIFY(batch.truncated);
        QCOMPARE(batch.accepted.size(), qsizetype(BatchFile::MaxLines));
    }

    void aFileLargerThanTheLimitIsReadUpToAWholeLine()
    {
        // A video dropped by mistake: a few megabytes without a single link in them.
        QByteArray bytes(BatchFile::MaxBytes - 10, 'a');
        bytes += "\nhttps://example.org/cut-in-the-middle\n";
        const BatchFile batch = read(bytes);
        QVERIFY(batch.truncated);
        QCOMPARE(batch.accepted.size(), qsizetype(0)); // the line across the limit is not half-read
        QCOMPARE(batch.rejected.size(), qsizetype(1));
    }

    void aMissingFileSaysSo()
    {
        const QTemporaryDir dir;
        const BatchFile batch = readBatchFile(dir.filePath(u"gone.txt"_s));
        QVERIFY(batch.error.contains(u"gone.txt"_s));
        QVERIFY(batch.accepted.isEmpty() && batch.rejected.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestBatchFile)
#include "tst_batchfile.moc"
