#include "historyline.h"

#include <algorithm>
#include <array>

namespace Gravity::HistoryLine {

namespace {

// Starts a packed line; a line kept as it is starts with '{' (or JSON whitespace), never with this.
constexpr char Marker = '\x1f';

// Byte 1 + i stands for Pieces[i]. Every piece begins with '"', so only a quote is ever tried. Tab, line
// feed and carriage return are left out of the bytes used, so a packed line is still one line of text.
constexpr std::array<QByteArrayView, 24> Pieces{
    // The keys historyEntryToJson() writes (jsonfields.cpp for the options), with their colon.
    "\"audio_format\":", "\"container\":", "\"duration\":", "\"error_detail\":", "\"error_kind\":",
    "\"file_path\":", "\"file_size\":", "\"finished_at\":\"", "\"format_spec\":", "\"id\":\"",
    "\"output_dir\":", "\"platform\":", "\"quality\":", "\"resolved_format\":", "\"started_at\":\"",
    "\"state\":", "\"thumbnail\":", "\"title\":", "\"uploader\":", "\"url\":",
    // Values most lines carry.
    "\"completed\"", "\"https://www.youtube.com/watch?v=", "\"https://i.ytimg.com/vi/",
    "\"https://www.bilibili.com/video/"};

constexpr char codeFor(qsizetype index)
{
    char code = char(1 + index);
    // Skip \t, \n, \r (0x09, 0x0a, 0x0d).
    if (code >= '\t')
        code = char(code + 2);
    if (code >= '\r')
        ++code;
    return code;
}

constexpr int indexOf(char code)
{
    if (code == '\t' || code == '\n' || code == '\r')
        return -1;
    int index = int(code) - 1;
    if (code > '\r')
        --index;
    if (code > '\n')
        index -= 2;
    return index;
}

static_assert(codeFor(Pieces.size() - 1) < Marker, "more pieces than free control bytes");
static_assert(indexOf(codeFor(0)) == 0 && indexOf(codeFor(7)) == 7 && indexOf(codeFor(8)) == 8 &&
              indexOf(codeFor(10)) == 10 && indexOf(codeFor(23)) == 23);

bool hasControlByte(QByteArrayView bytes)
{
    return std::any_of(bytes.begin(), bytes.end(), [](char c) { return uchar(c) < 0x20; });
}

} // namespace

QByteArray pack(QByteArrayView line)
{
    if (line.isEmpty() || hasControlByte(line))
        return line.toByteArray();
    QByteArray packed;
    packed.reserve(line.size());
    packed.append(Marker);
    for (qsizetype i = 0; i < line.size();) {
        if (line.at(i) == '"') {
            const QByteArrayView rest = line.sliced(i);
            qsizetype match = -1;
            for (qsizetype p = 0; p < qsizetype(Pieces.size()); ++p) {
                if (rest.startsWith(Pieces[p])) {
                    match = p;
                    break;
                }
            }
            if (match >= 0) {
                packed.append(codeFor(match));
                i += Pieces[match].size();
                continue;
            }
        }
        packed.append(line.at(i));
        ++i;
    }
    packed
        .squeeze(); // reserved for the unpacked size: the rest would stay allocated for as long as the entry
    return packed;
}

QByteArray unpack(QByteArrayView packed)
{
    if (packed.isEmpty() || packed.front() != Marker)
        return packed.toByteArray();
    QByteArray line;
    line.reserve(packed.size() * 2);
    for (qsizetype i = 1; i < packed.size(); ++i) {
        const char c = packed.at(i);
        if (uchar(c) < 0x20) {
            const int index = indexOf(c);
            if (index >= 0 && index < int(Pieces.size()))
                line.append(Pieces[index]);
            continue;
        }
        line.append(c);
    }
    return line;
}

} // namespace Gravity::HistoryLine
