#pragma once

#include "historyentry.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QLatin1StringView>
#include <QList>
#include <QStringList>

#include <array>
#include <functional>
#include <optional>

namespace Gravity {

// One entry as it travels into or out of a HistoryTable: its row and its line (compact JSON, no newline).
struct HistoryRecord
{
    HistoryRow row;
    QByteArray line;
};

// The history's entries as the store holds them: about 250 bytes each with the index, where one QByteArray
// or QString per field or line costs a 24-byte header and a malloc each, and lines alone are 600 bytes.
//  - Every entry has a slot, numbered from 0, which it keeps until the table is replaced: an update rewrites
//    the slot in place, a removed entry leaves its slot empty, a new entry takes a new slot at the end. So a
//    model can hold slot numbers, and the lines stay in the order they were added (the file's order).
//  - Slots come in blocks of BlockSize. A block holds its entries' ids (a UUID as its 16 bytes) and search
//    texts back to back, uncompressed (the list searches them on every keystroke), and their JSON lines
//    joined and compressed together (qCompress): a line of JSON alone hardly compresses, sixty of them from
//    one program shrink about sevenfold. The id, which is also in the block's text, is left out of the
//    compressed line.
//  - An open-addressing index maps ids to slots: one 32-bit number per place, no node per entry.
// Values share their blocks (QList): a copy costs reference counts, a change detaches what it touches, so a
// worker reads a snapshot while the GUI thread goes on. lineAt() keeps the block it last decompressed for the
// next call (a view asks for the rows on screen, which are neighbours), so one copy serves one thread.
class HistoryTable
{
public:
    static constexpr qsizetype BlockSize = 64;
    static constexpr int CompressionLevel = 1; // level 6 saves another 7%, at twice the time of a load

    [[nodiscard]] qsizetype size() const { return m_size; }
    [[nodiscard]] bool isEmpty() const { return m_size == 0; }
    [[nodiscard]] qsizetype slotCount() const { return m_slots.size(); }
    [[nodiscard]] bool isUsed(qsizetype slot) const
    {
        return slot >= 0 && slot < m_slots.size() && (m_slots.at(slot).flags & Used);
    }
    [[nodiscard]] qsizetype slotOf(QStringView id) const; // -1 when absent
    [[nodiscard]] bool contains(QStringView id) const { return slotOf(id) >= 0; }

    // Of a used slot (an empty one keeps its key, and an empty id and search text).
    // Inline: a keystroke's filter asks for these 100,000 times.
    [[nodiscard]] qint64 keyAt(qsizetype slot) const { return m_slots.at(slot).key; }
    [[nodiscard]] QString idAt(qsizetype slot) const;
    [[nodiscard]] QByteArrayView searchTextAt(qsizetype slot) const
    {
        const Slot &s = m_slots.at(slot);
        const qsizetype begin = s.textOffset + s.idLength;
        return {m_blocks.at(slot / BlockSize).text.constData() + begin, textEnd(slot) - begin};
    }
    [[nodiscard]] DownloadState stateAt(qsizetype slot) const
    {
        return DownloadState(m_slots.at(slot).state);
    }
    [[nodiscard]] Platform platformAt(qsizetype slot) const { return Platform(m_slots.at(slot).platform); }
    [[nodiscard]] HistoryRow rowAt(qsizetype slot) const;
    // Decompresses the slot's block unless it was the last one asked for; empty for an empty slot.
    [[nodiscard]] QByteArray lineAt(qsizetype slot) const;
    [[nodiscard]] HistoryRecord recordAt(qsizetype slot) const { return {rowAt(slot), lineAt(slot)}; }
    // historyOrderBefore() of two slots: newest first.
    [[nodiscard]] bool before(qsizetype a, qsizetype b) const;
    [[nodiscard]] QStringList ids() const; // in slot order

    // Adds the record, or replaces the entry with its id (in its slot). Returns the slot.
    qsizetype insert(const HistoryRecord &record);
    bool remove(QStringView id);
    // Many changes at once, each block rewritten once: the removals, then the records in order (a later one
    // for the same id wins). Ids that are not in the table are not removed.
    void apply(const QStringList &removals, const QList<HistoryRecord> &records);
    // The other table's entries after ours, from the next block boundary on, in their order. An id both
    // hold keeps our slot and takes the other's line (as in the file, a later line wins).
    void append(const HistoryTable &other);
    void squeeze(); // after a load: lists grown one by one keep room for more

    // Every entry's line in slot order, each block decompressed once (without the lineAt() cache, so
    // several threads may call these on one table at once).
    void forEachLine(const std::function<void(qsizetype slot, QByteArrayView line)> &visit) const;
    [[nodiscard]] qsizetype blockCount() const { return m_blocks.size(); }
    // The lines of blocks [first, first + count), each followed by a newline: a piece of the file.
    [[nodiscard]] QByteArray linesOfBlocks(qsizetype first, qsizetype count) const;

    // Which ids were added, removed or changed (another line) from `before` to `after`.
    static void diff(const HistoryTable &before, const HistoryTable &after, QStringList *added,
                     QStringList *removed, QStringList *changed);

private:
    static constexpr qsizetype MaxIdLength = 64; // isValidHistoryId()
    static constexpr quint8 Used = 1;
    static constexpr quint8 UuidId = 2; // the id is a lowercase UUID's 16 bytes, not its 36 characters

    struct Slot
    {
        qint64 key = 0;
        quint32 textOffset = 0; // in its block's text: the id, then the search text
        quint8 idLength = 0;    // bytes in the text
        quint8 state = 0;
        quint8 platform = 0;
        quint8 flags = 0;
    };
    // An id as the index compares it: as its block's text holds it.
    struct IdKey
    {
        std::array<char, MaxIdLength> bytes{};
        qsizetype size = 0;
        bool uuid = false;
        [[nodiscard]] QByteArrayView view() const { return {bytes.data(), size}; }
    };
    // The id's characters (ASCII).
    struct IdText
    {
        std::array<char, MaxIdLength> chars{};
        qsizetype size = 0;
        [[nodiscard]] QByteArrayView view() const { return {chars.data(), size}; }
    };
    struct Block
    {
        QByteArray text;  // every slot's id and search text, back to back
        QByteArray lines; // qCompress()ed: one stored line per slot, joined by '\n' ("" for an empty slot)
    };
    struct Edit
    {
        qsizetype slot;
        const HistoryRecord *record; // nullptr: empty the slot
    };

    [[nodiscard]] static std::optional<IdKey> idKeyFor(QByteArrayView id); // nullopt: not an id
    [[nodiscard]] qsizetype textEnd(qsizetype slot) const
    {
        const qsizetype next = slot + 1;
        return next < m_slots.size() && next % BlockSize != 0 ? qsizetype(m_slots.at(next).textOffset)
                                                              : m_blocks.at(slot / BlockSize).text.size();
    }
    [[nodiscard]] QByteArrayView storedIdAt(qsizetype slot) const;
    [[nodiscard]] IdKey idKeyAt(qsizetype slot) const;
    [[nodiscard]] IdText idTextAt(qsizetype slot) const;
    [[nodiscard]] bool hasId(qsizetype slot, const IdKey &id) const;
    [[nodiscard]] qsizetype findInIndex(const IdKey &id) const; // position in m_index, or -1
    void indexInsert(qsizetype slot);
    void indexErase(qsizetype slot);
    void growIndexFor(qsizetype count);
    qsizetype appendSlots(qsizetype count); // the first new slot
    // Edits sorted by slot; each block they touch is decoded and encoded once.
    void rewrite(const QList<Edit> &edits);
    void rewriteBlock(qsizetype block, const Edit *begin, const Edit *end);
    void forEachStoredLine(qsizetype firstBlock, qsizetype count,
                           const std::function<void(qsizetype slot, QByteArrayView stored)> &visit) const;

    QList<Slot> m_slots;
    QList<Block> m_blocks;
    QList<quint32> m_index; // a power of two in size; 0 is free, else slot + 1
    qsizetype m_size = 0;

    // lineAt()'s last block, decompressed, and where its lines start.
    mutable qsizetype m_cachedBlock = -1;
    mutable QByteArray m_cachedLines;
    mutable QList<QByteArrayView> m_cachedViews; // into m_cachedLines
};

} // namespace Gravity
