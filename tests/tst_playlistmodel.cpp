// The playlist picker's model over real captured playlists: everything starts ticked, unticking keeps the
// rest in playlist order, select all/none work, and the count and dataChanged follow exactly what changed.

#include "infojsonparser.h"
#include "playlistmodel.h"
#include "testhelpers.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace Gravity;
using namespace GravityTest;
using namespace Qt::StringLiterals;

namespace {

QList<PlaylistEntry> entriesOf(const QString &file)
{
    QFile json(testDataPath(u"info/"_s + file));
    if (!json.open(QIODevice::ReadOnly))
        return {};
    const InfoParseResult result = parseInfoJson(json.readAll());
    return result.info ? result.info->entries : QList<PlaylistEntry>();
}

QStringList titles(const QList<PlaylistEntry> &entries)
{
    QStringList result;
    for (const PlaylistEntry &entry : entries)
        result << entry.title;
    return result;
}

// (first row, last row) of each dataChanged, and whether it named only the check state.
QList<std::pair<int, int>> ranges(const QSignalSpy &spy)
{
    QList<std::pair<int, int>> result;
    for (const QList<QVariant> &arguments : spy) {
        result.append({arguments.at(0).toModelIndex().row(), arguments.at(1).toModelIndex().row()});
        if (arguments.at(2).value<QList<int>>() != QList<int>{Qt::CheckStateRole})
            result.append({-1, -1});
    }
    return result;
}

} // namespace

class TestPlaylistModel : public QObject
{
    Q_OBJECT

private:
    QList<PlaylistEntry> m_youtube;
    QList<PlaylistEntry> m_bilibili;

private slots:
    void initTestCase()
    {
        m_youtube = entriesOf(u"youtube-playlist-flat.json"_s);
        m_bilibili = entriesOf(u"bilibili-multipart.json"_s);
        QCOMPARE(m_youtube.size(), 4);
        QCOMPARE(m_bilibili.size(), 3);
    }

    void everythingStartsChecked()
    {
        PlaylistModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy count(&model, &PlaylistModel::checkedCountChanged);
        model.setEntries(m_youtube);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.checkedCount(), 4);
        QCOMPARE(count.size(), 1);
        QCOMPARE(count.at(0).at(0).toInt(), 4);
        QCOMPARE(titles(model.checkedEntries()), titles(m_youtube));
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex index = model.index(row);
            QCOMPARE(index.data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
            QVERIFY(model.flags(index) & Qt::ItemIsUserCheckable);
            QVERIFY(model.isChecked(row));
        }

        // A new playlist starts over, all checked again.
        model.setData(model.index(0), Qt::Unchecked, Qt::CheckStateRole);
        model.setEntries(m_bilibili);
        QCOMPARE(model.checkedCount(), 3);
        QCOMPARE(count.last().at(0).toInt(), 3);
        model.setEntries({});
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.checkedCount(), 0);
        QCOMPARE(count.last().at(0).toInt(), 0);
    }

    void rowsReadForPeople()
    {
        PlaylistModel model;
        model.setEntries(m_youtube);
        // The playlist's own numbering, gap included: entry 3 was unavailable and yt-dlp skipped it.
        const QModelIndex third = model.index(2);
        QCOMPARE(third.data().toString(), u"4. Tears of Steel - Blender VFX Open Movie"_s);
        QCOMPARE(third.data(PlaylistModel::IndexRole).toInt(), 4);
        QCOMPARE(third.data(PlaylistModel::TitleRole).toString(),
                 u"Tears of Steel - Blender VFX Open Movie"_s);
        QCOMPARE(third.data(PlaylistModel::UrlRole).toString(),
                 u"https://www.youtube.com/watch?v=R6MlUcmOul8"_s);
        QCOMPARE(third.data(PlaylistModel::DurationRole).toDouble(), 734.0);
        QCOMPARE(third.data(PlaylistModel::DurationTextRole).toString(), u"12:14"_s);
        QCOMPARE(third.data(Qt::ToolTipRole).toString(),
                 u"Tears of Steel - Blender VFX Open Movie (12:14)"_s);
        QCOMPARE(third.data(PlaylistModel::IdRole).toString(), u"R6MlUcmOul8"_s);

        model.setEntries(m_bilibili);
        QCOMPARE(model.index(0).data().toString(), u"1. P1 开场白"_s);
        QCOMPARE(model.index(1).data(PlaylistModel::DurationTextRole).toString(), u"6:52"_s);
        QCOMPARE(model.index(2).data(PlaylistModel::UrlRole).toString(),
                 u"https://www.bilibili.com/video/BV1xx411c7mD?p=3"_s);
        QVERIFY(model.roleNames().contains(PlaylistModel::UrlRole));
    }

    void uncheckingTwoKeepsTheRestInOrder_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("first");
        QTest::addColumn<int>("second");
        QTest::addColumn<QStringList>("rest");
        QTest::newRow("YouTube: drop Sintel and Spring")
            << u"youtube-playlist-flat.json"_s << 1 << 3
            << QStringList{u"Big Buck Bunny 60fps 4K - Official Blender Foundation Short Film"_s,
                           u"Tears of Steel - Blender VFX Open Movie"_s};
        QTest::newRow("Bilibili: keep only the middle part")
            << u"bilibili-multipart.json"_s << 2 << 0 << QStringList{u"P2 森林里的早晨"_s};
    }

    void uncheckingTwoKeepsTheRestInOrder()
    {
        QFETCH(QString, file);
        QFETCH(int, first);
        QFETCH(int, second);
        QFETCH(QStringList, rest);
        PlaylistModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QList<PlaylistEntry> entries = entriesOf(file);
        model.setEntries(entries);
        QSignalSpy count(&model, &PlaylistModel::checkedCountChanged);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        QVERIFY(model.setData(model.index(first), Qt::Unchecked, Qt::CheckStateRole));
        QVERIFY(model.setData(model.index(second), Qt::Unchecked, Qt::CheckStateRole));
        QCOMPARE(titles(model.checkedEntries()), rest);
        QCOMPARE(model.checkedCount(), int(entries.size()) - 2);
        QCOMPARE(count.size(), 2);
        QCOMPARE(count.last().at(0).toInt(), int(entries.size()) - 2);
        // One row each, naming only the check state.
        QCOMPARE(ranges(changed), (QList<std::pair<int, int>>{{first, first}, {second, second}}));
        QCOMPARE(model.index(first).data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));

        // Unchecking an unchecked row changes nothing and says nothing.
        QVERIFY(model.setData(model.index(first), Qt::Unchecked, Qt::CheckStateRole));
        QCOMPARE(count.size(), 2);
        QCOMPARE(changed.size(), 2);
        // Only the check state can be set.
        QVERIFY(!model.setData(model.index(first), u"x"_s, Qt::EditRole));
        QVERIFY(!model.setData(QModelIndex(), Qt::Checked, Qt::CheckStateRole));
    }

    void selectNoneAndAll()
    {
        PlaylistModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setEntries(m_youtube);
        model.setData(model.index(1), Qt::Unchecked, Qt::CheckStateRole);
        QSignalSpy count(&model, &PlaylistModel::checkedCountChanged);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        // Row 1 is already unchecked: the change comes as the two runs around it.
        model.setAllChecked(false);
        QCOMPARE(model.checkedCount(), 0);
        QVERIFY(model.checkedEntries().isEmpty());
        QCOMPARE(count.size(), 1);
        QCOMPARE(count.last().at(0).toInt(), 0);
        QCOMPARE(ranges(changed), (QList<std::pair<int, int>>{{0, 0}, {2, 3}}));

        changed.clear();
        model.setAllChecked(false); // nothing to do
        QCOMPARE(changed.size(), 0);
        QCOMPARE(count.size(), 1);

        model.setAllChecked(true);
        QCOMPARE(model.checkedCount(), 4);
        QCOMPARE(titles(model.checkedEntries()), titles(m_youtube));
        QCOMPARE(count.size(), 2);
        QCOMPARE(count.last().at(0).toInt(), 4);
        QCOMPARE(ranges(changed), (QList<std::pair<int, int>>{{0, 3}}));
    }
};

QTEST_MAIN(TestPlaylistModel)
#include "tst_playlistmodel.moc"
