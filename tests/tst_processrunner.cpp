// ProcessRunner: the one owner of yt-dlp's process. Stand-in scripts are used only for what the real yt-dlp
// cannot do on demand: crash, hang in silence, ignore SIGTERM with a child of its own.

#include "processrunner.h"
#include "testhelpers.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Gravity;
using namespace Qt::StringLiterals;

class TestProcessRunner : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString script(const QString &name, const QByteArray &body)
    {
        return GravityTest::writeScript(m_dir.path(), name, body);
    }

    static ProcessRunner::Outcome run(ProcessRunner &runner, int timeoutMs = 20000)
    {
        QSignalSpy finished(&runner, &ProcessRunner::finished);
        runner.start();
        if (!finished.wait(timeoutMs) || finished.size() != 1)
            return {ProcessRunner::Result::Failed, -999, {}};
        return finished.at(0).at(0).value<ProcessRunner::Outcome>();
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void linesAreSplitOnNewlinesAndCarriageReturns()
    {
        // yt-dlp without --newline ends progress with '\r'; a last line may have no end at all.
        const QString path =
            script(u"lines.sh"_s, "printf 'one\\ntwo\\rthree\\r\\nfour'; printf 'err1\\nerr2' >&2\n");
        ProcessRunner runner;
        runner.setProgram(path, {});
        QStringList out;
        QStringList err;
        connect(&runner, &ProcessRunner::lineRead, this,
                [&](ProcessRunner::Channel channel, const QByteArray &line) {
                    (channel == ProcessRunner::Channel::StdOut ? out : err).append(QString::fromUtf8(line));
                });
        const ProcessRunner::Outcome outcome = run(runner);
        QCOMPARE(outcome.result, ProcessRunner::Result::Success);
        QCOMPARE(out, QStringList({u"one"_s, u"two"_s, u"three"_s, u"four"_s}));
        QCOMPARE(err, QStringList({u"err1"_s, u"err2"_s}));
        QCOMPARE(outcome.stderrTail, err);
    }

    void aPartialLineIsKeptAcrossReads()
    {
        const QString path =
            script(u"slow.sh"_s, "printf 'hel'; sleep 0.3; printf 'lo\\nwor'; sleep 0.3; printf 'ld\\n'\n");
        ProcessRunner runner;
        runner.setProgram(path, {});
        QStringList out;
        connect(&runner, &ProcessRunner::lineRead, this,
                [&](ProcessRunner::Channel, const QByteArray &line) { out.append(QString::fromUtf8(line)); });
        QCOMPARE(run(runner).result, ProcessRunner::Result::Success);
        QCOMPARE(out, QStringList({u"hello"_s, u"world"_s}));
    }

    void aNonZeroExitIsFailedWithItsCode()
    {
        ProcessRunner runner;
        runner.setProgram(script(u"fail.sh"_s, "echo 'ERROR: nope' >&2; exit 3\n"), {});
        const ProcessRunner::Outcome outcome = run(runner);
        QCOMPARE(outcome.result, ProcessRunner::Result::Failed);
        QCOMPARE(outcome.exitCode, 3);
        QCOMPARE(outcome.stderrTail.last(), u"ERROR: nope"_s);
    }

    void aCrashIsReportedAsCrashed()
    {
        ProcessRunner runner;
        runner.setProgram(script(u"crash.sh"_s, "kill -SEGV $$\n"), {});
        QCOMPARE(run(runner).result, ProcessRunner::Result::Crashed);
    }

    void aMissingProgramFailsToStart()
    {
        ProcessRunner runner;
        runner.setProgram(m_dir.filePath(u"no-such-program"_s), {});
        QCOMPARE(run(runner).result, ProcessRunner::Result::FailedToStart);
    }

    void aSilentProcessIsEndedByTheStallWatchdog()
    {
        const QString path = script(u"silent.sh"_s, "echo started; exec sleep 60\n");
        ProcessRunner runner;
        ProcessRunner::Limits limits;
        limits.stallTimeoutMs = 700;
        limits.killGraceMs = 500;
        runner.setLimits(limits);
        runner.setProgram(path, {});
        QCOMPARE(run(runner).result, ProcessRunner::Result::Stalled);
        QVERIFY(GravityTest::waitNoProcessesMatching(path));
    }

    void outputKeepsTheStallWatchdogAway()
    {
        // Talks every 200 ms for a second: never silent for the 700 ms the watchdog allows.
        const QString path = script(u"chatty.sh"_s, "for i in 1 2 3 4 5; do echo $i; sleep 0.2; done\n");
        ProcessRunner runner;
        ProcessRunner::Limits limits;
        limits.stallTimeoutMs = 700;
        runner.setLimits(limits);
        runner.setProgram(path, {});
        QCOMPARE(run(runner).result, ProcessRunner::Result::Success);
    }

    void theTimeLimitEndsAProcessThatKeepsTalking()
    {
        const QString path = script(u"forever.sh"_s, "while true; do echo tick; sleep 0.1; done\n");
        ProcessRunner runner;
        ProcessRunner::Limits limits;
        limits.softLimitMs = 600;
        limits.hardLimitMs = 1500;
        runner.setLimits(limits);
        runner.setProgram(path, {});
        QCOMPARE(run(runner).result, ProcessRunner::Result::TimedOut);
        QVERIFY(GravityTest::waitNoProcessesMatching(path));
    }

    void cancelStopsTheWholeTreeEvenWhenTermIsIgnored()
    {
        // Like yt-dlp with its ffmpeg: a parent that ignores SIGTERM and a child of its own.
        const QString child = script(u"child.sh"_s, "trap '' TERM; while true; do sleep 0.1; done\n");
        const QString parent =
            script(u"parent.sh"_s, "trap '' TERM; \"" + child.toUtf8() + "\" & echo ready; wait\n");
        ProcessRunner runner;
        ProcessRunner::Limits limits;
        limits.killGraceMs = 500;
        runner.setLimits(limits);
        runner.setProgram(parent, {});
        QSignalSpy finished(&runner, &ProcessRunner::finished);
        QSignalSpy lines(&runner, &ProcessRunner::lineRead);
        runner.start();
        QVERIFY(lines.wait(5000));
        QTRY_VERIFY_WITH_TIMEOUT(!GravityTest::processesMatching(child).isEmpty(), 5000);
        runner.cancel();
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.at(0).at(0).value<ProcessRunner::Outcome>().result,
                 ProcessRunner::Result::Cancelled);
        QVERIFY2(GravityTest::waitNoProcessesMatching(child), "the child outlived the cancel");
        QVERIFY(GravityTest::waitNoProcessesMatching(parent));
    }

    void destroyingARunnerKillsItsTree()
    {
        const QString child = script(u"orphan-child.sh"_s, "while true; do sleep 0.1; done\n");
        const QString parent =
            script(u"orphan-parent.sh"_s, "\"" + child.toUtf8() + "\" & echo ready; wait\n");
        {
            ProcessRunner runner;
            runner.setProgram(parent, {});
            QSignalSpy lines(&runner, &ProcessRunner::lineRead);
            runner.start();
            QVERIFY(lines.wait(5000));
            QTRY_VERIFY_WITH_TIMEOUT(!GravityTest::processesMatching(child).isEmpty(), 5000);
        }
        QVERIFY(GravityTest::waitNoProcessesMatching(child));
    }

    void finishedIsReportedExactlyOnce()
    {
        ProcessRunner runner;
        runner.setProgram(script(u"quick.sh"_s, "exit 0\n"), {});
        QSignalSpy finished(&runner, &ProcessRunner::finished);
        runner.start();
        QVERIFY(finished.wait(5000));
        runner.cancel(); // after the end: nothing more
        QTest::qWait(200);
        QCOMPARE(finished.size(), 1);
    }

    void capturedStdoutIsKeptWhole()
    {
        // yt-dlp -J prints one JSON line that can be megabytes long.
        const QString path = script(u"big.sh"_s, "head -c 3000000 /dev/zero | tr '\\0' 'x'; echo\n");
        ProcessRunner runner;
        runner.setCaptureStdOut(true);
        runner.setProgram(path, {});
        QCOMPARE(run(runner).result, ProcessRunner::Result::Success);
        QCOMPARE(runner.capturedStdOut().size(), 3000001);
    }
};

QTEST_GUILESS_MAIN(TestProcessRunner)
#include "tst_processrunner.moc"
