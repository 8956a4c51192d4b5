// Finding yt-dlp and ffmpeg, and reading yt-dlp's version once.

#include "testhelpers.h"
#include "toollocator.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Gravity;
using namespace Qt::StringLiterals;

class TestToolLocator : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString executable(const QString &name, const QByteArray &body)
    {
        return GravityTest::writeScript(m_dir.path(), name, body);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // Gravity's data folder is looked in: never the real one
        QVERIFY(m_dir.isValid());
    }

    void aConfiguredPathIsUsedFirst()
    {
        const QString custom = executable(u"my-yt-dlp"_s, "exit 0\n");
        QCOMPARE(ToolLocator::locate(Tool::YtDlp, custom), custom);
    }

    void aConfiguredPathThatIsGoneFindsNothingRatherThanAnotherProgram()
    {
        QVERIFY(ToolLocator::locate(Tool::YtDlp, m_dir.filePath(u"gone"_s)).isEmpty());
    }

    void aConfiguredFileThatIsNotExecutableFindsNothing()
    {
        const QString path = m_dir.filePath(u"not-executable"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        QVERIFY(ToolLocator::locate(Tool::Ffmpeg, path).isEmpty());
    }

    void gravitysOwnCopyInItsDataFolderComesBeforePath()
    {
        const QString bin = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/bin"_s;
        QVERIFY(QDir().mkpath(bin));
        const QString own = GravityTest::writeScript(bin, u"yt-dlp"_s, "echo 2024.01.01\n");
        QCOMPARE(ToolLocator::locate(Tool::YtDlp), own);
        QVERIFY(QFile::remove(own));
        QCOMPARE(ToolLocator::locate(Tool::YtDlp), QStandardPaths::findExecutable(u"yt-dlp"_s));
    }

    void aBareConfiguredNameIsLookedUpOnPath()
    {
        QCOMPARE(ToolLocator::locate(Tool::YtDlp, u"yt-dlp"_s), QStandardPaths::findExecutable(u"yt-dlp"_s));
    }

    void withNoSettingTheToolsAreFoundOnPath()
    {
        // Nothing named yt-dlp or ffmpeg sits beside the test executable, so PATH answers.
        QCOMPARE(ToolLocator::locate(Tool::YtDlp), QStandardPaths::findExecutable(u"yt-dlp"_s));
        QCOMPARE(ToolLocator::locate(Tool::Ffmpeg), QStandardPaths::findExecutable(u"ffmpeg"_s));
        QVERIFY(!ToolLocator::locate(Tool::Ffmpeg).isEmpty());
    }

    void theVersionIsReadOnceAndCached()
    {
        // A wrapper around the real yt-dlp that notes each start.
        const QString log = m_dir.filePath(u"starts.log"_s);
        const QString wrapper =
            executable(u"counting-yt-dlp"_s, "echo start >> '" + log.toUtf8() + "'\nexec yt-dlp \"$@\"\n");
        const std::optional<QString> first = ToolLocator::ytDlpVersion(wrapper);
        const std::optional<QString> second = ToolLocator::ytDlpVersion(wrapper);
        QVERIFY(first);
        QCOMPARE(second, first);
        QVERIFY2(QRegularExpression(u"^\\d{4}\\.\\d{2}\\.\\d{2}"_s).match(*first).hasMatch(),
                 qPrintable(*first));
        QFile starts(log);
        QVERIFY(starts.open(QIODevice::ReadOnly));
        QCOMPARE(starts.readAll().count('\n'), 1);
        QVERIFY(ToolLocator::isVersionAtLeast(*first, ToolLocator::minimumYtDlpVersion()));
    }

    void aProgramThatIsNotYtDlpHasNoVersion()
    {
        QVERIFY(!ToolLocator::ytDlpVersion(executable(u"broken-yt-dlp"_s, "exit 2\n")));
    }

    void versionsCompareAsDates_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("minimum");
        QTest::addColumn<bool>("atLeast");
        QTest::newRow("the same day") << u"2023.03.04"_s << u"2023.03.04"_s << true;
        QTest::newRow("a later month") << u"2023.11.16"_s << u"2023.03.04"_s << true;
        QTest::newRow("an earlier year") << u"2021.12.27"_s << u"2022.01.21"_s << false;
        QTest::newRow("a nightly build of the same day") << u"2024.12.06.232811"_s << u"2024.12.06"_s << true;
        QTest::newRow("a day earlier") << u"2023.03.03"_s << u"2023.03.04"_s << false;
        QTest::newRow("not a date version cannot be vouched for") << u"abc"_s << u"2023.03.04"_s << false;
    }

    void versionsCompareAsDates()
    {
        QFETCH(QString, version);
        QFETCH(QString, minimum);
        QFETCH(bool, atLeast);
        QCOMPARE(ToolLocator::isVersionAtLeast(version, minimum), atLeast);
    }
};

QTEST_GUILESS_MAIN(TestToolLocator)
#include "tst_toollocator.moc"
