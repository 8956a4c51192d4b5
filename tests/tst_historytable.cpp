// The history's in-memory table: every entry comes back exactly as it went in (its line byte for byte, its
// id, search text, state and place in time), however it was changed, removed around, merged or copied, from
// an empty table to 100,000 entries across block boundaries.

#include "historytable.h"

#include <QRandomGenerator>
#include <QSet>
#include <QTest>
#include <QUuid>

#include <algorithm>
#include <numeric>
#include <random>

using namespace Gravity;
using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype Block = HistoryTable::BlockSize;

QByteArray lineFor(const QString &id, int n, const QByteArray &extra = {})
{
    return "{\"finished_at\":\"2024-05-01T12:00:00.000Z\",\"id\":\"" + id.toLatin1() +
           "\",\"n\":" + QByteArray::number(n) + ",\"title\":\"Entry " + QByteArray::number(n) + extra +
           "\"}";
}

HistoryRecord record(const QString &id, int n, const QByteArray &extra = {})
{
    HistoryRow row;
    row.key = 1000 + n;
    row.id = id;
    row.searchText =
        "entry " + QByteArray::number(n) + extra.toLower() + "\nhttps://example.com/" + QByteArray::number(n);
    row.state = n % 3 == 0 ? DownloadState::Failed : DownloadState::Completed;
    row.platform = n % 2 == 0 ? Platform::YouTube : Platform::Bilibili;
    return {row, lineFor(id, n, extra)};
}

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// count records with new UUIDs, numbered from first.
QList<HistoryRecord> freshRecords(int count, int first = 0)
{
    QList<HistoryRecord> records;
    records.reserve(count);
    for (int i = 0; i < count; ++i)
        records.append(record(uuid(), first + i));
    return records;
}

// Everything the table says about the record's id matches the record.
bool holds(const HistoryTable &table, const HistoryRecord &expected)
{
    const qsizetype slot = table.slotOf(expected.row.id);
    if (slot < 0) {
        qWarning("%s: absent", qPrintable(expected.row.id));
        return false;
    }
    const HistoryRow row = table.rowAt(slot);
    const bool same = table.isUsed(slot) && table.idAt(slot) == expected.row.id &&
                      row.key == expected.row.key && row.searchText == expected.row.searchText &&
                      row.state == expected.row.state && row.platform == expected.row.platform &&
                      table.lineAt(slot) == expected.line;
    if (!same)
        qWarning("%s: differs, line %s", qPrintable(expected.row.id), table.lineAt(slot).constData());
    return same;
}

QList<QByteArray> allLines(const HistoryTable &table)
{
    QList<QByteArray> lines;
    table.forEachLine([&lines](qsizetype, QByteArrayView line) { lines.append(line.toByteArray()); });
    return lines;
}

} // namespace

class TestHistoryTable : public QObject
{
    Q_OBJECT

private slots:
    void anEmptyTableHoldsNothing()
    {
        const HistoryTable table;
        QCOMPARE(table.size(), 0);
        QVERIFY(table.isEmpty());
        QCOMPARE(table.slotOf(uuid()), -1);
        QCOMPARE(table.slotOf(QString()), -1);
        QVERIFY(!table.isUsed(0));
        QCOMPARE(table.lineAt(0), QByteArray());
        QVERIFY(table.ids().isEmpty());
        QVERIFY(allLines(table).isEmpty());
        QCOMPARE(table.linesOfBlocks(0, 10), QByteArray());
        QStringList added, removed, changed;
        HistoryTable::diff(table, table, &added, &removed, &changed);
        QVERIFY(added.isEmpty() && removed.isEmpty() && changed.isEmpty());
    }

    void oneEntryComesBackExactly()
    {
        HistoryTable table;
        const HistoryRecord one = record(uuid(), 7, " Straße 兔子");
        const qsizetype slot = table.insert(one);
        QCOMPARE(slot, 0);
        QCOMPARE(table.size(), 1);
        QVERIFY(holds(table, one));
        QCOMPARE(table.keyAt(slot), 1007);
        QCOMPARE(table.stateAt(slot), one.row.state);
        QCOMPARE(table.platformAt(slot), one.row.platform);
        QCOMPARE(table.searchTextAt(slot), QByteArrayView(one.row.searchText));
        QCOMPARE(table.linesOfBlocks(0, 1), one.line + '\n');
        QCOMPARE(table.ids(), QStringList{one.row.id});
    }

    void idsOfEveryShapeAreKeptApart_data()
    {
        QTest::addColumn<QString>("id");
        QTest::newRow("a lowercase UUID (kept as 16 bytes)") << u"f5abb7db-603d-4580-86c9-34390266d347"_s;
        QTest::newRow("the same UUID in capitals (another id)") << u"F5ABB7DB-603D-4580-86C9-34390266D347"_s;
        QTest::newRow("a UUID without dashes") << u"f5abb7db603d458086c934390266d347"_s;
        QTest::newRow("sixteen characters, as long as a UUID's bytes") << u"abcdefghijklmnop"_s;
        QTest::newRow("one character") << u"a"_s;
        QTest::newRow("sixty-four characters") << QString(64, u'x');
        QTest::newRow("dashes where a UUID has them, not hex") << u"g5abb7db-603d-4580-86c9-34390266d347"_s;
    }

    void idsOfEveryShapeAreKeptApart()
    {
        QFETCH(QString, id);
        HistoryTable table;
        // Every shape side by side, so each lookup must tell them apart.
        const QStringList all{u"f5abb7db-603d-4580-86c9-34390266d347"_s,
                              u"F5ABB7DB-603D-4580-86C9-34390266D347"_s,
                              u"f5abb7db603d458086c934390266d347"_s,
                              u"abcdefghijklmnop"_s,
                              u"a"_s,
                              QString(64, u'x'),
                              u"g5abb7db-603d-4580-86c9-34390266d347"_s};
        QList<HistoryRecord> records;
        for (int i = 0; i < all.size(); ++i)
            records.append(record(all.at(i), i));
        table.apply({}, records);
        QCOMPARE(table.size(), all.size());
        const HistoryRecord &mine = records.at(all.indexOf(id));
        QVERIFY(holds(table, mine));
        QVERIFY(table.remove(id));
        QCOMPARE(table.slotOf(id), -1);
        for (const HistoryRecord &other : std::as_const(records)) {
            if (other.row.id != id)
                QVERIFY(holds(table, other));
        }
        QCOMPARE(table.slotOf(QString(65, u'x')), -1);
        QCOMPARE(table.slotOf(u"兔子"_s), -1);
    }

    void linesAreKeptByteForByte_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::newRow("the id key spelled inside a title")
            << "{\"title\":\"\\\"id\\\":\\\"x1\\\"\",\"id\":\"x1\"}"_ba;
        QTest::newRow("the id twice") << "{\"id\":\"x1\",\"more\":{\"id\":\"x1\"}}"_ba;
        QTest::newRow("no id key at all") << "{\"other\":1}"_ba;
        QTest::newRow("the marker byte in it") << "{\"id\":\"x1\",\"t\":\"\x01\"}"_ba;
        QTest::newRow("starting with a byte the table uses") << "#{\"id\":\"x1\"}"_ba;
        QTest::newRow("spaces and a tab") << "{ \"id\": \"x1\",\t\"t\":1 }"_ba;
        QTest::newRow("the id as a prefix of a longer value") << "{\"id\":\"x1x\",\"id\":\"x1\"}"_ba;
    }

    void linesAreKeptByteForByte()
    {
        QFETCH(QByteArray, line);
        HistoryRecord r = record(u"x1"_s, 1);
        r.line = line;
        HistoryTable table;
        table.apply({}, {record(u"before"_s, 0), r, record(u"after"_s, 2)});
        QCOMPARE(table.lineAt(table.slotOf(u"x1"_s)), line);
        QCOMPARE(allLines(table).at(1), line);
    }

    void blocksFillAndEveryEntryStaysReadable()
    {
        HistoryTable table;
        QList<HistoryRecord> records;
        // One at a time across three block boundaries: each add rewrites the last block.
        for (int i = 0; i < 3 * Block + 1; ++i) {
            records.append(record(uuid(), i));
            QCOMPARE(table.insert(records.last()), qsizetype(i));
        }
        QCOMPARE(table.size(), 3 * Block + 1);
        QCOMPARE(table.blockCount(), 4);
        // Backwards, so the block read last is never the one needed next.
        for (auto it = records.crbegin(); it != records.crend(); ++it)
            QVERIFY(holds(table, *it));
        QList<QByteArray> expected;
        QByteArray file;
        for (const HistoryRecord &r : std::as_const(records)) {
            expected.append(r.line);
            file += r.line + '\n';
        }
        QCOMPARE(allLines(table), expected);
        QCOMPARE(table.linesOfBlocks(0, 2) + table.linesOfBlocks(2, 2), file);
        QCOMPARE(table.linesOfBlocks(3, 1), records.last().line + '\n');
    }

    void changesInsideABlockLeaveItsNeighboursAlone()
    {
        HistoryTable table;
        QList<HistoryRecord> records = freshRecords(2 * Block);
        table.apply({}, records);
        const auto check = [&](const QString &gone) {
            for (const HistoryRecord &r : std::as_const(records)) {
                if (r.row.id == gone ? table.slotOf(gone) >= 0 : !holds(table, r))
                    return false;
            }
            return true;
        };
        // An update in the middle of a block, longer in every part: the same slot, new contents.
        const qsizetype middle = Block + Block / 2;
        HistoryRecord longer = record(records.at(middle).row.id, 5000, QByteArray(3000, 'z'));
        QCOMPARE(table.insert(longer), middle);
        records[middle] = longer;
        QVERIFY(check({}));
        // The first and the last of a block, shorter.
        for (const qsizetype at : {qsizetype(0), Block - 1, Block}) {
            HistoryRecord shorter = record(records.at(at).row.id, int(at));
            shorter.line = "{\"id\":\"" + shorter.row.id.toLatin1() + "\"}";
            shorter.row.searchText.clear();
            QCOMPARE(table.insert(shorter), at);
            records[at] = shorter;
        }
        QVERIFY(check({}));
        // A removal in the middle: the slot is empty, the rest unchanged, a new entry takes a new slot.
        const QString gone = records.at(middle - 1).row.id;
        QVERIFY(table.remove(gone));
        QVERIFY(!table.remove(gone));
        QVERIFY(!table.isUsed(middle - 1));
        QCOMPARE(table.lineAt(middle - 1), QByteArray());
        QCOMPARE(table.size(), 2 * Block - 1);
        QVERIFY(check(gone));
        const HistoryRecord added = record(uuid(), 9999);
        QCOMPARE(table.insert(added), 2 * Block);
        QVERIFY(holds(table, added));
        QCOMPARE(allLines(table).size(), 2 * Block);
    }

    void aBatchAppliesRemovalsThenRecordsTheLastOneWinning()
    {
        HistoryTable table;
        const HistoryRecord a = record(u"a"_s, 1);
        const HistoryRecord b = record(u"b"_s, 2);
        table.apply({}, {a, b});
        const HistoryRecord a2 = record(u"a"_s, 3);
        const HistoryRecord c1 = record(u"c"_s, 4);
        const HistoryRecord c2 = record(u"c"_s, 5);
        // b removed and added back; a replaced; c added twice; an unknown id and an invalid record ignored.
        HistoryRecord invalid = record(u"../x"_s, 6);
        table.apply({u"b"_s, u"nope"_s}, {a2, b, c1, c2, invalid});
        QCOMPARE(table.size(), 3);
        QVERIFY(holds(table, a2));
        QVERIFY(holds(table, b));
        QVERIFY(holds(table, c2));
        QCOMPARE(table.slotOf(u"a"_s), 0);
        QVERIFY(!table.isUsed(1)); // b's first slot
        QCOMPARE(table.slotOf(u"../x"_s), -1);
        QCOMPARE(table.ids(), (QStringList{u"a"_s, u"b"_s, u"c"_s}));
    }

    void appendingStartsAtABlockAndALaterLineWins()
    {
        HistoryTable first;
        const QList<HistoryRecord> ours = freshRecords(Block + 3);
        first.apply({}, ours);
        HistoryTable second;
        QList<HistoryRecord> theirs = freshRecords(5, 100);
        const HistoryRecord again = record(ours.at(2).row.id, 42, " again");
        theirs.append(again);
        second.apply({}, theirs);

        first.append(second);
        QCOMPARE(first.size(), Block + 3 + 5);
        QCOMPARE(first.slotOf(theirs.first().row.id), 2 * Block);
        QCOMPARE(first.slotOf(again.row.id), 2); // ours, with their line
        QVERIFY(holds(first, again));
        for (int i = 0; i < 5; ++i)
            QVERIFY(holds(first, theirs.at(i)));
        for (int i = 0; i < ours.size(); ++i) {
            if (i != 2)
                QVERIFY(holds(first, ours.at(i)));
        }
        QCOMPARE(allLines(first).size(), Block + 3 + 5);

        HistoryTable empty;
        empty.append(second);
        QCOMPARE(empty.size(), second.size());
        QVERIFY(holds(empty, again));
    }

    void aCopyIsUntouchedByChangesToTheOriginal()
    {
        HistoryTable table;
        const QList<HistoryRecord> records = freshRecords(Block + 1);
        table.apply({}, records);
        (void)table.lineAt(0); // the cache goes with a copy
        const HistoryTable copy = table;
        table.remove(records.at(0).row.id);
        table.insert(record(records.at(1).row.id, 77));
        table.insert(record(uuid(), 78));
        QCOMPARE(copy.size(), Block + 1);
        for (const HistoryRecord &r : std::as_const(records))
            QVERIFY(holds(copy, r));

        QStringList added, removed, changed;
        HistoryTable::diff(copy, table, &added, &removed, &changed);
        QCOMPARE(removed, QStringList{records.at(0).row.id});
        QCOMPARE(changed, QStringList{records.at(1).row.id});
        QCOMPARE(added.size(), 1);
        QCOMPARE(table.slotOf(added.first()), Block + 1);
    }

    void orderIsNewestFirstThenById()
    {
        HistoryTable table;
        HistoryRecord older = record(u"m"_s, 1);
        HistoryRecord tieA = record(u"f5abb7db-603d-4580-86c9-34390266d347"_s, 2);
        HistoryRecord tieB = record(u"z"_s, 2);
        table.apply({}, {older, tieB, tieA});
        const qsizetype o = table.slotOf(u"m"_s);
        const qsizetype a = table.slotOf(tieA.row.id);
        const qsizetype b = table.slotOf(u"z"_s);
        QVERIFY(table.before(a, o));
        QVERIFY(!table.before(o, a));
        QVERIFY(table.before(a, b)); // same time: by id, as historyOrderBefore() does
        QCOMPARE(table.before(a, b), historyOrderBefore(2, tieA.row.id, 2, u"z"));
        QVERIFY(!table.before(a, a));
    }

    void aHundredThousandEntriesStayFindable()
    {
        HistoryTable table;
        constexpr int Count = 100000;
        const QList<HistoryRecord> records = freshRecords(Count);
        for (qsizetype i = 0; i < Count; i += 1000)
            table.apply({}, records.mid(i, 1000));
        QCOMPARE(table.size(), Count);
        QRandomGenerator random(11);
        for (int i = 0; i < 500; ++i)
            QVERIFY(holds(table, records.at(random.bounded(Count))));
        // Every third removed in one batch: the index must still find every other one (and none of those).
        QStringList gone;
        for (int i = 0; i < Count; i += 3)
            gone.append(records.at(i).row.id);
        table.apply(gone, {});
        QCOMPARE(table.size(), Count - gone.size());
        for (int i = 0; i < Count; ++i) {
            const qsizetype slot = table.slotOf(records.at(i).row.id);
            if ((i % 3 == 0) != (slot < 0))
                QFAIL(qPrintable(u"entry %1 found: %2"_s.arg(i).arg(slot >= 0)));
        }
        QCOMPARE(allLines(table).size(), Count - gone.size());
    }

    void removalsInAnyOrderKeepTheIndexWhole()
    {
        // Linear probing without tombstones: each removal shifts what followed; every lookup must survive.
        HistoryTable table;
        QList<HistoryRecord> records;
        for (int i = 0; i < 2000; ++i)
            records.append(record(u"id"_s + QString::number(i), i));
        table.apply({}, records);
        QList<int> order(records.size());
        std::iota(order.begin(), order.end(), 0);
        std::shuffle(order.begin(), order.end(), std::mt19937(5));
        QSet<int> removed;
        for (int n = 0; n < order.size(); ++n) {
            QVERIFY(table.remove(records.at(order.at(n)).row.id));
            removed.insert(order.at(n));
            if (n % 97 != 0)
                continue;
            for (int i = 0; i < records.size(); ++i)
                QCOMPARE(table.slotOf(records.at(i).row.id) >= 0, !removed.contains(i));
        }
        QVERIFY(table.isEmpty());
        QVERIFY(allLines(table).isEmpty());
    }
};

QTEST_APPLESS_MAIN(TestHistoryTable)
#include "tst_historytable.moc"
