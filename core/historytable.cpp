#include "historytable.h"

#include <QHash>
#include <QHashFunctions>

#include <algorithm>
#include <array>

namespace Gravity {

namespace {

// A stored line starts with one of these; an empty one is an empty slot.
constexpr char AsIs = '=';      // the line follows as it is
constexpr char WithoutId = '#'; // the line follows with its "id":"<id>" replaced by IdMark
constexpr char IdMark = '\x01'; // never in a line stored WithoutId (such a line is kept AsIs)
constexpr QByteArrayView IdPiece = "\"id\":\"";
constexpr QByteArrayView HexDigits = "0123456789abcdef";

size_t hashOf(QByteArrayView id)
{
    // The process's random seed: a file crafted to collide cannot make a load quadratic.
    return qHash(id, QHashSeed::globalSeed());
}

int hexValue(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

bool isUuidDash(qsizetype i)
{
    return i == 8 || i == 13 || i == 18 || i == 23;
}

// Where `"id":"<id>"` first is in the line, or -1.
qsizetype idPosition(QByteArrayView line, QByteArrayView id)
{
    for (qsizetype from = 0;;) {
        const qsizetype at = line.indexOf(IdPiece, from);
        if (at < 0)
            return -1;
        const QByteArrayView rest = line.sliced(at + IdPiece.size());
        if (rest.startsWith(id) && rest.size() > id.size() && rest.at(id.size()) == '"')
            return at;
        from = at + 1;
    }
}

// The id is already in the block's text, and the most random part of a line: leaving it out of what is
// compressed saves a quarter. Exact for any line: one that holds IdMark, or not its id, is kept as it is.
QByteArray storedLine(QByteArrayView line, QByteArrayView id)
{
    Q_ASSERT(!line.contains('\n'));
    const qsizetype at = line.contains(IdMark) ? -1 : idPosition(line, id);
    QByteArray stored;
    if (at < 0) {
        stored.reserve(line.size() + 1);
        stored.append(AsIs).append(line);
        return stored;
    }
    const qsizetype pieceSize = IdPiece.size() + id.size() + 1;
    stored.reserve(line.size() - pieceSize + 2);
    stored.append(WithoutId).append(line.first(at)).append(IdMark).append(line.sliced(at + pieceSize));
    return stored;
}

void appendLine(QByteArray &out, QByteArrayView stored, QByteArrayView id)
{
    if (stored.isEmpty())
        return;
    const QByteArrayView body = stored.sliced(1);
    if (stored.front() != WithoutId) {
        out.append(body);
        return;
    }
    const qsizetype mark = body.indexOf(IdMark);
    out.append(body.first(mark)).append(IdPiece).append(id).append('"').append(body.sliced(mark + 1));
}

// A block's stored lines: `count` of them, the missing ones at the end empty.
void splitLines(QByteArrayView joined, qsizetype count, QByteArrayView *lines)
{
    qsizetype start = 0;
    for (qsizetype i = 0; i < count; ++i) {
        if (start >= joined.size()) {
            lines[i] = {};
            continue;
        }
        qsizetype end = joined.indexOf('\n', start);
        if (end < 0)
            end = joined.size();
        lines[i] = joined.sliced(start, end - start);
        start = end + 1;
    }
}

QByteArray uncompressed(const QByteArray &compressed)
{
    return compressed.isEmpty() ? QByteArray() : qUncompress(compressed);
}

} // namespace

// --- Ids -----------------------------------------------------------------------------------------------

std::optional<HistoryTable::IdKey> HistoryTable::idKeyFor(QByteArrayView id)
{
    if (id.isEmpty() || id.size() > MaxIdLength)
        return std::nullopt;
    IdKey key;
    // newHistoryId()'s form, lowercase with dashes: 16 bytes instead of 36 characters.
    bool uuid = id.size() == 36;
    for (qsizetype i = 0; uuid && i < id.size(); ++i)
        uuid = isUuidDash(i) ? id.at(i) == '-' : hexValue(id.at(i)) >= 0;
    if (uuid) {
        key.uuid = true;
        for (qsizetype i = 0; i < id.size();) {
            if (isUuidDash(i)) {
                ++i;
                continue;
            }
            key.bytes[key.size++] = char(hexValue(id.at(i)) << 4 | hexValue(id.at(i + 1)));
            i += 2;
        }
        return key;
    }
    for (const char c : id) {
        if (uchar(c) > 0x7f)
            return std::nullopt;
        key.bytes[key.size++] = c;
    }
    return key;
}

QByteArrayView HistoryTable::storedIdAt(qsizetype slot) const
{
    const Slot &s = m_slots.at(slot);
    return QByteArrayView(m_blocks.at(slot / BlockSize).text).sliced(s.textOffset, s.idLength);
}

HistoryTable::IdKey HistoryTable::idKeyAt(qsizetype slot) const
{
    IdKey key;
    const QByteArrayView stored = storedIdAt(slot);
    std::copy(stored.begin(), stored.end(), key.bytes.begin());
    key.size = stored.size();
    key.uuid = m_slots.at(slot).flags & UuidId;
    return key;
}

HistoryTable::IdText HistoryTable::idTextAt(qsizetype slot) const
{
    IdText text;
    const QByteArrayView stored = storedIdAt(slot);
    if (!(m_slots.at(slot).flags & UuidId)) {
        std::copy(stored.begin(), stored.end(), text.chars.begin());
        text.size = stored.size();
        return text;
    }
    for (const char byte : stored) {
        if (isUuidDash(text.size))
            text.chars[text.size++] = '-';
        text.chars[text.size++] = HexDigits.at(uchar(byte) >> 4);
        text.chars[text.size++] = HexDigits.at(uchar(byte) & 0xf);
    }
    return text;
}

bool HistoryTable::hasId(qsizetype slot, const IdKey &id) const
{
    return bool(m_slots.at(slot).flags & UuidId) == id.uuid && storedIdAt(slot) == id.view();
}

QString HistoryTable::idAt(qsizetype slot) const
{
    return QString::fromLatin1(idTextAt(slot).view());
}

HistoryRow HistoryTable::rowAt(qsizetype slot) const
{
    return {keyAt(slot), idAt(slot), searchTextAt(slot).toByteArray(), stateAt(slot), platformAt(slot)};
}

QByteArray HistoryTable::lineAt(qsizetype slot) const
{
    if (!isUsed(slot))
        return {};
    const qsizetype block = slot / BlockSize;
    if (m_cachedBlock != block) {
        m_cachedLines = uncompressed(m_blocks.at(block).lines);
        const qsizetype count = qMin(BlockSize, slotCount() - block * BlockSize);
        m_cachedViews.resize(count);
        splitLines(m_cachedLines, count, m_cachedViews.data());
        m_cachedBlock = block;
    }
    QByteArray line;
    appendLine(line, m_cachedViews.at(slot - block * BlockSize), idTextAt(slot).view());
    return line;
}

bool HistoryTable::before(qsizetype a, qsizetype b) const
{
    const qint64 keyA = keyAt(a);
    const qint64 keyB = keyAt(b);
    // Ids are ASCII: their bytes sort as their UTF-16 does (historyOrderBefore()).
    return keyA != keyB ? keyA > keyB : idTextAt(a).view().compare(idTextAt(b).view()) < 0;
}

QStringList HistoryTable::ids() const
{
    QStringList result;
    result.reserve(m_size);
    for (qsizetype slot = 0; slot < m_slots.size(); ++slot) {
        if (isUsed(slot))
            result.append(idAt(slot));
    }
    return result;
}

// --- The index -----------------------------------------------------------------------------------------

qsizetype HistoryTable::slotOf(QStringView id) const
{
    if (id.isEmpty() || id.size() > MaxIdLength)
        return -1;
    std::array<char, MaxIdLength> latin1{};
    for (qsizetype i = 0; i < id.size(); ++i) {
        if (id.at(i).unicode() > 0x7f)
            return -1;
        latin1[i] = char(id.at(i).unicode());
    }
    const std::optional<IdKey> key = idKeyFor(QByteArrayView(latin1.data(), id.size()));
    const qsizetype at = key ? findInIndex(*key) : -1;
    return at < 0 ? -1 : qsizetype(m_index.at(at)) - 1;
}

qsizetype HistoryTable::findInIndex(const IdKey &id) const
{
    if (m_index.isEmpty())
        return -1;
    const qsizetype mask = m_index.size() - 1;
    for (qsizetype at = qsizetype(hashOf(id.view()) & size_t(mask));; at = (at + 1) & mask) {
        const quint32 value = m_index.at(at);
        if (value == 0)
            return -1;
        if (hasId(value - 1, id))
            return at;
    }
}

void HistoryTable::growIndexFor(qsizetype count)
{
    // At most three quarters full, so a miss ends after a few places.
    if (count * 4 <= m_index.size() * 3 && !m_index.isEmpty())
        return;
    qsizetype capacity = 16;
    while (count * 4 > capacity * 3)
        capacity *= 2;
    m_index = QList<quint32>(capacity, 0);
    for (qsizetype slot = 0; slot < m_slots.size(); ++slot) {
        if (isUsed(slot))
            indexInsert(slot);
    }
}

void HistoryTable::indexInsert(qsizetype slot)
{
    const qsizetype mask = m_index.size() - 1;
    qsizetype at = qsizetype(hashOf(storedIdAt(slot)) & size_t(mask));
    while (m_index.at(at) != 0)
        at = (at + 1) & mask;
    m_index[at] = quint32(slot + 1);
}

void HistoryTable::indexErase(qsizetype slot)
{
    qsizetype hole = findInIndex(idKeyAt(slot));
    if (hole < 0)
        return;
    // Linear probing without tombstones: what follows in the same run moves back into the hole unless its
    // home is after the hole (cyclically), so every lookup still finds its id before a free place.
    const qsizetype mask = m_index.size() - 1;
    for (qsizetype at = (hole + 1) & mask; m_index.at(at) != 0; at = (at + 1) & mask) {
        const quint32 value = m_index.at(at);
        const qsizetype home = qsizetype(hashOf(storedIdAt(value - 1)) & size_t(mask));
        const bool staysPut = hole <= at ? (home > hole && home <= at) : (home > hole || home <= at);
        if (!staysPut) {
            m_index[hole] = value;
            hole = at;
        }
    }
    m_index[hole] = 0;
}

// --- Changes -------------------------------------------------------------------------------------------

qsizetype HistoryTable::appendSlots(qsizetype count)
{
    const qsizetype first = m_slots.size();
    for (qsizetype i = 0; i < count; ++i) {
        const qsizetype slot = first + i;
        if (slot / BlockSize >= m_blocks.size())
            m_blocks.append(Block{});
        Slot empty;
        empty.textOffset = quint32(m_blocks.at(slot / BlockSize).text.size());
        m_slots.append(empty);
    }
    return first;
}

qsizetype HistoryTable::insert(const HistoryRecord &record)
{
    apply({}, {record});
    return slotOf(record.row.id);
}

bool HistoryTable::remove(QStringView id)
{
    if (!contains(id))
        return false;
    apply({id.toString()}, {});
    return true;
}

void HistoryTable::apply(const QStringList &removals, const QList<HistoryRecord> &records)
{
    QList<Edit> edits;
    edits.reserve(removals.size() + records.size());
    for (const QString &id : removals) {
        const qsizetype slot = slotOf(id);
        if (slot < 0)
            continue;
        indexErase(slot);
        --m_size;
        edits.append({slot, nullptr});
    }
    // Ids new to the table get new slots; they are indexed once their text is written.
    QHash<QString, qsizetype> added;
    for (const HistoryRecord &record : records) {
        if (!isValidHistoryId(record.row.id))
            continue;
        qsizetype slot = slotOf(record.row.id);
        if (slot < 0) {
            const auto it = added.constFind(record.row.id);
            if (it != added.cend()) {
                slot = *it;
            } else {
                slot = appendSlots(1);
                added.insert(record.row.id, slot);
                ++m_size;
            }
        }
        edits.append({slot, &record});
    }
    if (edits.isEmpty())
        return;
    // By slot, and for one slot in the order given: the last edit wins.
    std::stable_sort(edits.begin(), edits.end(),
                     [](const Edit &a, const Edit &b) { return a.slot < b.slot; });
    for (auto begin = edits.cbegin(); begin != edits.cend();) {
        const qsizetype block = begin->slot / BlockSize;
        const auto end =
            std::find_if(begin, edits.cend(), [block](const Edit &e) { return e.slot / BlockSize != block; });
        rewriteBlock(block, &*begin, &*begin + (end - begin));
        begin = end;
    }
    growIndexFor(m_size);
    for (const qsizetype slot : std::as_const(added)) {
        if (findInIndex(idKeyAt(slot)) < 0)
            indexInsert(slot);
    }
}

void HistoryTable::rewriteBlock(qsizetype block, const Edit *begin, const Edit *end)
{
    const qsizetype first = block * BlockSize;
    const qsizetype count = qMin(BlockSize, slotCount() - first);
    // Copies that keep the old bytes alive while the views below point into them.
    const QByteArray oldText = m_blocks.at(block).text;
    const QByteArray oldLines = uncompressed(m_blocks.at(block).lines);
    std::array<QByteArrayView, BlockSize> texts{};
    std::array<QByteArrayView, BlockSize> lines{};
    splitLines(oldLines, count, lines.data());
    for (qsizetype i = 0; i < count; ++i) {
        const qsizetype from = m_slots.at(first + i).textOffset;
        texts[i] = QByteArrayView(oldText).sliced(from, textEnd(first + i) - from);
    }
    std::array<QByteArray, BlockSize> newTexts;
    std::array<QByteArray, BlockSize> newLines;
    for (const Edit *edit = begin; edit != end; ++edit) {
        const qsizetype i = edit->slot - first;
        Slot &slot = m_slots[edit->slot];
        if (!edit->record) {
            slot.flags = 0;
            slot.idLength = 0;
            texts[i] = {};
            lines[i] = {};
            continue;
        }
        const HistoryRow &row = edit->record->row;
        const QByteArray id = row.id.toLatin1();
        const IdKey key = *idKeyFor(id); // apply() took valid ids only
        newTexts[i] = QByteArray();      // an earlier edit of the same slot in this batch may have filled it
        newTexts[i].reserve(key.size + row.searchText.size());
        newTexts[i].append(key.view()).append(row.searchText);
        newLines[i] = storedLine(edit->record->line, id);
        texts[i] = newTexts[i];
        lines[i] = newLines[i];
        slot.key = row.key;
        slot.idLength = quint8(key.size);
        slot.state = quint8(row.state);
        slot.platform = quint8(row.platform);
        slot.flags = Used | (key.uuid ? UuidId : 0);
    }

    // Sized exactly: these stay for as long as the entries do.
    qsizetype textSize = 0;
    qsizetype linesSize = 0;
    qsizetype lastLine = -1;
    for (qsizetype i = 0; i < count; ++i) {
        textSize += texts[i].size();
        if (!lines[i].isEmpty())
            lastLine = i;
    }
    for (qsizetype i = 0; i <= lastLine; ++i)
        linesSize += lines[i].size() + (i < lastLine ? 1 : 0);
    QByteArray text(textSize, Qt::Uninitialized);
    QByteArray joined(linesSize, Qt::Uninitialized);
    char *out = text.data();
    for (qsizetype i = 0; i < count; ++i) {
        m_slots[first + i].textOffset = quint32(out - text.constData());
        out = std::copy(texts[i].begin(), texts[i].end(), out);
    }
    out = joined.data();
    for (qsizetype i = 0; i <= lastLine; ++i) {
        out = std::copy(lines[i].begin(), lines[i].end(), out);
        if (i < lastLine)
            *out++ = '\n';
    }
    Block &target = m_blocks[block];
    target.text = text;
    if (joined.isEmpty()) {
        target.lines.clear();
    } else {
        target.lines = qCompress(joined, CompressionLevel);
        target.lines.squeeze(); // qCompress() leaves room for the uncompressed size
    }
    if (m_cachedBlock == block)
        m_cachedBlock = -1;
}

void HistoryTable::append(const HistoryTable &other)
{
    if (other.isEmpty())
        return;
    if (m_slots.isEmpty()) {
        *this = other; // shared, not copied
        return;
    }
    growIndexFor(m_size + other.size()); // before their slots are ours: a rebuild would index them
    appendSlots((BlockSize - slotCount() % BlockSize) % BlockSize);
    const qsizetype base = slotCount();
    m_slots.append(other.m_slots);
    m_blocks.append(other.m_blocks);
    QList<HistoryRecord> later;
    QList<Edit> duplicates;
    for (qsizetype slot = 0; slot < other.slotCount(); ++slot) {
        if (!other.isUsed(slot))
            continue;
        if (findInIndex(other.idKeyAt(slot)) >= 0) {
            later.append(other.recordAt(slot));
            duplicates.append({base + slot, nullptr});
            continue;
        }
        indexInsert(base + slot);
        ++m_size;
    }
    for (auto begin = duplicates.cbegin(); begin != duplicates.cend();) {
        const qsizetype block = begin->slot / BlockSize;
        const auto end = std::find_if(begin, duplicates.cend(),
                                      [block](const Edit &e) { return e.slot / BlockSize != block; });
        rewriteBlock(block, &*begin, &*begin + (end - begin));
        begin = end;
    }
    apply({}, later);
}

void HistoryTable::squeeze()
{
    m_slots.squeeze();
    m_blocks.squeeze();
}

// --- Reading it all ------------------------------------------------------------------------------------

void HistoryTable::forEachStoredLine(
    qsizetype firstBlock, qsizetype count,
    const std::function<void(qsizetype slot, QByteArrayView stored)> &visit) const
{
    std::array<QByteArrayView, BlockSize> lines{};
    for (qsizetype block = firstBlock; block < qMin(firstBlock + count, m_blocks.size()); ++block) {
        const QByteArray joined = uncompressed(m_blocks.at(block).lines);
        const qsizetype first = block * BlockSize;
        const qsizetype inBlock = qMin(BlockSize, slotCount() - first);
        splitLines(joined, inBlock, lines.data());
        for (qsizetype i = 0; i < inBlock; ++i) {
            if (isUsed(first + i))
                visit(first + i, lines[i]);
        }
    }
}

void HistoryTable::forEachLine(const std::function<void(qsizetype slot, QByteArrayView line)> &visit) const
{
    QByteArray line;
    forEachStoredLine(0, m_blocks.size(), [&](qsizetype slot, QByteArrayView stored) {
        line.clear();
        appendLine(line, stored, idTextAt(slot).view());
        visit(slot, line);
    });
}

QByteArray HistoryTable::linesOfBlocks(qsizetype first, qsizetype count) const
{
    QByteArray out;
    forEachStoredLine(first, count, [&](qsizetype slot, QByteArrayView stored) {
        appendLine(out, stored, idTextAt(slot).view());
        out.append('\n');
    });
    return out;
}

void HistoryTable::diff(const HistoryTable &before, const HistoryTable &after, QStringList *added,
                        QStringList *removed, QStringList *changed)
{
    // A line's hash in each, from one pass over each table's blocks; with the process's random seed, two
    // different lines of one id hash alike once in 2^64.
    const auto hashes = [](const HistoryTable &table) {
        QList<size_t> result(table.slotCount(), 0);
        table.forEachStoredLine(0, table.blockCount(), [&result](qsizetype slot, QByteArrayView stored) {
            result[slot] = qHash(stored, QHashSeed::globalSeed());
        });
        return result;
    };
    const QList<size_t> old = hashes(before);
    const QList<size_t> now = hashes(after);
    for (qsizetype slot = 0; slot < after.slotCount(); ++slot) {
        if (!after.isUsed(slot))
            continue;
        const qsizetype at = before.findInIndex(after.idKeyAt(slot));
        if (at < 0)
            added->append(after.idAt(slot));
        else if (old.at(before.m_index.at(at) - 1) != now.at(slot))
            changed->append(after.idAt(slot));
    }
    for (qsizetype slot = 0; slot < before.slotCount(); ++slot) {
        if (before.isUsed(slot) && after.findInIndex(before.idKeyAt(slot)) < 0)
            removed->append(before.idAt(slot));
    }
}

} // namespace Gravity
