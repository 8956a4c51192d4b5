// The downloads list model over the real queue: rows follow the queue, and progress turns into dataChanged
// for the rows that moved, never a reset.

#include "downloadlistmodel.h"
#include "downloadqueue.h"
#include "integrationfixture.h"
#include "testhelpers.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace Gravity;
using namespace GravityTest;
using namespace Qt::StringLiterals;

class TestDownloadListModel : public QObject
{
    Q_OBJECT

private:
    IntegrationFixture m_fixture;

    DownloadRequest request(const QString &path, const QString &dir, const QString &title)
    {
        DownloadRequest r;
        r.url = m_fixture.url(path);
        r.title = title;
        r.options.outputDir = dir;
        return r;
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_fixture.setUp(&error), qPrintable(error));
    }

    void rowsFollowTheQueueAndProgressUpdatesOnlyChangedRows()
    {
        EngineConfig config = m_fixture.config();
        config.maxConcurrent = 1;
        DownloadQueue queue(config);
        DownloadListModel model(&queue);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        const QString dir = m_fixture.scratch(u"model"_s);
        queue.enqueue(request(u"clip1.mp4"_s, dir, u"First"_s));
        const quint64 second = queue.enqueue(request(u"clip2.mp4"_s, dir, u"Second"_s));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0).data(DownloadListModel::TitleRole).toString(), u"First"_s);
        QCOMPARE(model.index(1).data(DownloadListModel::StatusTextRole).toString(), u"Waiting"_s);

        QTRY_VERIFY_WITH_TIMEOUT(queue.isIdle(), 60000);
        QTRY_COMPARE_WITH_TIMEOUT(model.index(1).data(DownloadListModel::StateRole).toInt(),
                                  int(DownloadState::Completed), 5000);
        QVERIFY(model.index(0).data(DownloadListModel::StatusTextRole).toString().startsWith(u"Completed"_s));
        QCOMPARE(model.index(0).data(DownloadListModel::FractionRole).toDouble(), 1.0);
        QVERIFY(!model.index(0).data(DownloadListModel::FilePathRole).toString().isEmpty());
        QVERIFY(!changed.isEmpty());
        QCOMPARE(reset.size(), 0);

        // A batch naming one task touches its row alone; neighbouring rows become one range.
        changed.clear();
        emit queue.tasksChanged({second});
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 1);
        QCOMPARE(changed.at(0).at(1).toModelIndex().row(), 1);
        changed.clear();
        emit queue.tasksChanged(queue.ids());
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 0);
        QCOMPARE(changed.at(0).at(1).toModelIndex().row(), 1);

        queue.remove(second);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0).data(DownloadListModel::TitleRole).toString(), u"First"_s);
    }

    void aFailedRowSaysWhatToDo()
    {
        m_fixture.server().setFault(u"clip3.mp4"_s, LoopbackServer::Fault::NotFound);
        DownloadQueue queue(m_fixture.config());
        DownloadListModel model(&queue);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        queue.enqueue(request(u"clip3.mp4"_s, m_fixture.scratch(u"failed"_s), u"Broken"_s));
        QTRY_VERIFY_WITH_TIMEOUT(queue.isIdle(), 60000);
        QTRY_COMPARE_WITH_TIMEOUT(model.index(0).data(DownloadListModel::StateRole).toInt(),
                                  int(DownloadState::Failed), 5000);
        QCOMPARE(model.index(0).data(DownloadListModel::ErrorTextRole).toString(),
                 errorKindText(ErrorKind::HttpError));
        m_fixture.server().clearFaults();
    }

    void aRowThatFellBackToALowerQualitySaysSo()
    {
        // Bilibili's 1080P tiers answer 403 to a visitor; 480P is free.
        m_fixture.server().setFault(u"bilibili/1177666-1-30112.m4s"_s, LoopbackServer::Fault::Forbidden);
        m_fixture.server().setFault(u"bilibili/1177666-1-30080.m4s"_s, LoopbackServer::Fault::Forbidden);
        DownloadRequest premium;
        premium.title = u"Premium"_s;
        premium.platform = Platform::Bilibili;
        premium.options.outputDir = m_fixture.scratch(u"premium"_s);
        premium.infoJson = m_fixture.servedCopyOf(testDataPath(u"info/bilibili-premium.json"_s));
        QVERIFY(!premium.infoJson.isEmpty());
        premium.infoFetchedAt = QDateTime::currentDateTimeUtc();
        DownloadQueue queue(m_fixture.config());
        DownloadListModel model(&queue);
        queue.enqueue(premium);
        QTRY_VERIFY_WITH_TIMEOUT(queue.isIdle(), 120000);
        QTRY_COMPARE_WITH_TIMEOUT(model.index(0).data(DownloadListModel::StateRole).toInt(),
                                  int(DownloadState::Completed), 5000);
        const QString status = model.index(0).data(DownloadListModel::StatusTextRole).toString();
        QVERIFY2(status.startsWith(u"Completed · "_s) &&
                     status.endsWith(u" · Got 480p: 1080p needs a login or membership"_s),
                 qPrintable(status));
        m_fixture.server().clearFaults();
    }
};

QTEST_MAIN(TestDownloadListModel)
#include "tst_downloadlistmodel.moc"
